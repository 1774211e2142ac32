import { describe, expect, it } from 'vitest';
import { classifyRequest } from '../../../tracker/classify';

const now = Date.UTC(2026, 10, 2, 9, 0, 0);
const person =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';

describe('classifyRequest', () => {
  it('lets a person’s mail client through', () => {
    expect(classifyRequest({ userAgent: person, ip: '192.0.2.10', nowMs: now })).toBeNull();
    expect(
      classifyRequest({
        userAgent: 'Mozilla/5.0 (Windows NT 10.0) Thunderbird/115.0',
        ip: null,
        nowMs: now,
      }),
    ).toBeNull();
  });

  it('recognises Apple Mail Privacy Protection by its bare user agent or Apple’s network', () => {
    expect(classifyRequest({ userAgent: 'Mozilla/5.0', ip: '104.28.1.1', nowMs: now })).toBe(
      'apple-privacy-proxy',
    );
    expect(classifyRequest({ userAgent: person, ip: '17.58.100.1', nowMs: now })).toBe(
      'apple-privacy-proxy',
    );
    expect(classifyRequest({ userAgent: person, ip: '::ffff:17.1.2.3', nowMs: now })).toBe(
      'apple-privacy-proxy',
    );
    expect(classifyRequest({ userAgent: person, ip: '170.1.2.3', nowMs: now })).toBeNull();
  });

  it('recognises link scanners and tools by their user agent', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; BingPreview/1.0b)',
      'Microsoft Office SafeLinks',
      'Barracuda Sentinel (EE)',
      'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0',
      'python-requests/2.31',
      'curl/8.4.0',
      'Go-http-client/1.1',
      'Mimecast URL Protect',
    ]) {
      expect({
        agent,
        verdict: classifyRequest({ userAgent: agent, ip: null, nowMs: now }),
      }).toEqual({
        agent,
        verdict: 'link-scanner',
      });
    }
    expect(classifyRequest({ userAgent: '  ', ip: null, nowMs: now })).toBe('no-user-agent');
    expect(classifyRequest({ userAgent: undefined, ip: null, nowMs: now })).toBe('no-user-agent');
  });

  it('flags an open or click within seconds of sending, not later', () => {
    expect(
      classifyRequest({ userAgent: person, ip: null, nowMs: now, issuedAtMs: now - 3_000 }),
    ).toBe('too-fast');
    expect(
      classifyRequest({ userAgent: person, ip: null, nowMs: now, issuedAtMs: now - 10_000 }),
    ).toBeNull();
    expect(
      classifyRequest({ userAgent: person, ip: null, nowMs: now, issuedAtMs: now - 3_000 }, 1000),
    ).toBeNull();
  });
});
