import { describe, expect, it } from 'vitest';
import {
  bounceAddressFor,
  findJobIdInText,
  parseBounceAddress,
  verpEvidence,
} from '../../../electron/services/bounces/verp';

const secret = Buffer.alloc(32, 3);
const otherSecret = Buffer.alloc(32, 4);

describe('VERP return paths', () => {
  it('round-trips a job id through the address', () => {
    const address = bounceAddressFor('bounces@shop.nl', 123, secret);
    expect(address).toMatch(/^bounces\+j123-[0-9a-f]{10}@shop\.nl$/);
    expect(parseBounceAddress(address, secret)).toBe(123);
    expect(parseBounceAddress(`<${address.toUpperCase()}>`, secret)).toBe(123);
  });

  it('rejects a tag made with another secret, a changed job id or a plain address', () => {
    const address = bounceAddressFor('bounces@shop.nl', 7, secret);
    expect(parseBounceAddress(address, otherSecret)).toBeNull();
    expect(parseBounceAddress(address.replace('+j7-', '+j8-'), secret)).toBeNull();
    expect(parseBounceAddress('bounces@shop.nl', secret)).toBeNull();
    expect(parseBounceAddress('not an address', secret)).toBeNull();
    expect(parseBounceAddress(address.replace(/-[0-9a-f]+@/, '-abc@'), secret)).toBeNull();
  });

  it('keeps a plus tag that was already in the mailbox name', () => {
    const address = bounceAddressFor('info+bounces@shop.nl', 42, secret);
    expect(address.startsWith('info+bounces+j42-')).toBe(true);
    expect(parseBounceAddress(address, secret)).toBe(42);
  });

  it('finds the address inside header text', () => {
    const address = bounceAddressFor('bounces@shop.nl', 9, secret);
    const forged = bounceAddressFor('bounces@shop.nl', 10, otherSecret);
    expect(findJobIdInText(`To: ${forged}\nDelivered-To: <${address}>`, secret)).toBe(9);
    expect(findJobIdInText(`To: ${forged}`, secret)).toBeNull();
  });

  it('refuses a mailbox without @ or a negative job id', () => {
    expect(() => bounceAddressFor('bounces', 1, secret)).toThrow();
    expect(() => bounceAddressFor('bounces@shop.nl', -1, secret)).toThrow();
  });
});

describe('verpEvidence', () => {
  it('trusts a tag that checks out, and flags one that does not', () => {
    const good = bounceAddressFor('bounces@shop.nl', 5, secret);
    const forged = bounceAddressFor('bounces@shop.nl', 5, otherSecret);
    expect(verpEvidence(`To: ${good}`, secret)).toEqual({ jobId: 5, forged: false });
    expect(verpEvidence(`To: ${forged}`, secret)).toEqual({ jobId: null, forged: true });
    expect(verpEvidence('To: bounces@shop.nl', secret)).toEqual({ jobId: null, forged: false });
  });
});
