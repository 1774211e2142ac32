import { describe, expect, it } from 'vitest';
import { truncateIp } from '../../../tracker/ip';

describe('truncateIp', () => {
  it('keeps an IPv4 address’s /24', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0');
    expect(truncateIp('::ffff:203.0.113.77')).toBe('203.0.113.0');
    expect(truncateIp('127.0.0.1')).toBe('127.0.0.0');
  });

  it('keeps an IPv6 address’s /48', () => {
    expect(truncateIp('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::');
    expect(truncateIp('2001:db8::1')).toBe('2001:db8:0::');
    expect(truncateIp('2001:0DB8:00aa::ff')).toBe('2001:db8:aa::');
    expect(truncateIp('::1')).toBe('0:0:0::');
    expect(truncateIp('fe80::1%eth0')).toBe('fe80:0:0::');
  });

  it('stores nothing for what is not an address', () => {
    expect(truncateIp('')).toBeNull();
    expect(truncateIp(undefined)).toBeNull();
    expect(truncateIp('not-an-ip')).toBeNull();
    expect(truncateIp('999.1.1.1')).toBeNull();
  });
});
