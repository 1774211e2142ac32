import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy, trustFunction } from '../../../tracker/proxyTrust';

describe('TRACKER_TRUST_PROXY', () => {
  it('reads off, a hop count or a list of proxy addresses, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['true', 'yes', '10.0.0.0/33', 'proxy.lan', '1.2.3']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRACKER_TRUST_PROXY/);
    }
  });

  it('takes the first address the trusted proxies did not write, never the leftmost', () => {
    const oneHop = trustFunction(1);
    expect(clientAddress('127.0.0.1', 'forged, 203.0.113.9', oneHop)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', undefined, oneHop)).toBe('127.0.0.1');
    const twoHops = trustFunction(2);
    expect(clientAddress('10.0.0.2', 'forged, 203.0.113.9, 10.0.0.1', twoHops)).toBe('203.0.113.9');
    const listed = trustFunction(['127.0.0.1', '10.0.0.0/8']);
    expect(clientAddress('::ffff:127.0.0.1', 'x, 203.0.113.9, 10.1.2.3', listed)).toBe(
      '203.0.113.9',
    );
    // A request that did not come through a listed proxy: its header is the client's own word.
    expect(clientAddress('198.51.100.4', 'forged', listed)).toBe('198.51.100.4');
    expect(clientAddress('127.0.0.1', 'forged', trustFunction(false))).toBe('127.0.0.1');
    // Everything trusted: the leftmost is all there is.
    expect(clientAddress('127.0.0.1', '10.0.0.7', listed)).toBe('10.0.0.7');
  });
});
