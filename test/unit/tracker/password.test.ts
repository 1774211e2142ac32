import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  hashPassword,
  parseHashParams,
  verifyPassword,
} from '../../../tracker/password';

describe('password hashing', () => {
  it('uses scrypt N=2^17, r=8, p=1 by default and verifies with the stored parameters', async () => {
    // The one real-cost hash in the test suite (~128 MB, ~0.1–0.5 s).
    const stored = await hashPassword('Zomer-sale 2026!');
    expect(parseHashParams(stored)).toEqual({ N: 131072, r: 8, p: 1 });
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(await verifyPassword('Zomer-sale 2026!', stored)).toBe(true);
  });

  it('refuses wrong passwords and malformed hashes', async () => {
    const cheap = { N: 1024, r: 8, p: 1 };
    const stored = await hashPassword('geheim', cheap);
    expect(stored).not.toContain('geheim');
    expect(await hashPassword('geheim', cheap)).not.toBe(stored);
    expect(await verifyPassword('Geheim', stored)).toBe(false);
    expect(await verifyPassword('geheim', 'plain text')).toBe(false);
    expect(await verifyPassword('geheim', stored.replace(/\$[^$]+$/, '$AAAA'))).toBe(false);
  });
});
