import { describe, expect, it } from 'vitest';
import { browserPort, DEFAULT_BROWSER_PORT } from '../../../electron/server/listenPort';

describe('browserPort (WINKELPOST_PORT)', () => {
  it('takes a port number, 0 for any free port, and the default when unset', () => {
    expect(browserPort(undefined)).toEqual({ port: DEFAULT_BROWSER_PORT });
    expect(browserPort(' ')).toEqual({ port: DEFAULT_BROWSER_PORT });
    expect(browserPort('8080')).toEqual({ port: 8080 });
    expect(browserPort('0')).toEqual({ port: 0 });
  });

  it('refuses an address with the port, so nothing can ask for all interfaces', () => {
    for (const raw of [
      '0.0.0.0:5180',
      '[::]:5180',
      ':5180',
      '5180 0.0.0.0',
      '65536',
      '-1',
      '1e3',
    ]) {
      const answer = browserPort(raw);
      expect(answer, raw).toMatchObject({ error: expect.stringContaining('127.0.0.1') });
      expect(answer, raw).toMatchObject({ error: expect.stringContaining('poortnummer') });
    }
  });
});
