import { describe, expect, it } from 'vitest';
import { isOneClickBody } from '../../../tracker/routes/oneClickBody';
import { PostLimiter } from '../../../tracker/routes/postLimit';

const FORM = 'application/x-www-form-urlencoded';

function multipart(name: string, value: string, boundary = 'b0undary'): [string, string] {
  return [
    `multipart/form-data; boundary=${boundary}`,
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--${boundary}--\r\n`,
  ];
}

describe('isOneClickBody (RFC 8058)', () => {
  it('accepts the pair urlencoded, among other pairs, as plain text and in a multipart part', () => {
    expect(isOneClickBody(FORM, 'List-Unsubscribe=One-Click')).toBe(true);
    expect(isOneClickBody(`${FORM}; charset=utf-8`, 'a=1&List-Unsubscribe=One-Click')).toBe(true);
    expect(isOneClickBody(undefined, 'List-Unsubscribe=One-Click\r\n')).toBe(true);
    expect(isOneClickBody('text/plain', 'List-Unsubscribe=One-Click')).toBe(true);
    expect(isOneClickBody(...multipart('List-Unsubscribe', 'One-Click'))).toBe(true);
  });

  it('refuses an empty body, another value, the pair inside another value and JSON', () => {
    expect(isOneClickBody(FORM, '')).toBe(false);
    expect(isOneClickBody(FORM, undefined)).toBe(false);
    expect(isOneClickBody(FORM, 'List-Unsubscribe=No')).toBe(false);
    expect(isOneClickBody(FORM, 'x=List-Unsubscribe%3DOne-Click')).toBe(false);
    expect(isOneClickBody('application/json', '{"List-Unsubscribe":"One-Click"}')).toBe(false);
    expect(isOneClickBody(...multipart('List-Unsubscribe', 'Nee'))).toBe(false);
    expect(isOneClickBody(...multipart('Other', 'One-Click'))).toBe(false);
  });
});

describe('PostLimiter', () => {
  it('lets a network post its number per window, then says how long to wait, per network', () => {
    const limiter = new PostLimiter({ perWindow: 2, windowMs: 60_000 });
    expect(limiter.take('10.0.0.0', 0)).toBe(0);
    expect(limiter.take('10.0.0.0', 1_000)).toBe(0);
    expect(limiter.take('10.0.0.0', 30_000)).toBe(30);
    expect(limiter.take('10.0.1.0', 30_000)).toBe(0);
    expect(limiter.take('10.0.0.0', 60_000)).toBe(0);
  });
});
