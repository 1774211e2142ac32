import { describe, expect, it } from 'vitest';
import { decideLogin, dummyPasswordHash } from '../../../tracker/loginDecision';
import { hashPassword, parseHashParams, verifyPassword } from '../../../tracker/password';
import type { AccountLogin } from '../../../tracker/store/types';

const CHEAP = { N: 1024, r: 8, p: 1 };
const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);

/** The real scrypt check, counting the hashes it was asked for. */
function countingVerifier() {
  const calls: string[] = [];
  return {
    calls,
    verify: (password: string, stored: string) => {
      calls.push(stored);
      return verifyPassword(password, stored);
    },
  };
}

describe('login decision', async () => {
  const stored = await hashPassword('geheim', CHEAP);
  const dummyHash = dummyPasswordHash(CHEAP);
  const login: AccountLogin = { id: 'acc_1', passwordHash: stored };

  it('hashes exactly once on every path: unknown, locked, wrong and right password', async () => {
    const cases = [
      { login: null, lock: 0, password: 'geheim', kind: 'unknown', hashedAgainst: dummyHash },
      { login, lock: NOW + 30_000, password: 'fout', kind: 'locked', hashedAgainst: stored },
      { login, lock: NOW + 30_000, password: 'geheim', kind: 'locked', hashedAgainst: stored },
      { login, lock: 0, password: 'fout', kind: 'wrong', hashedAgainst: stored },
      { login, lock: NOW - 1, password: 'geheim', kind: 'ok', hashedAgainst: stored },
    ] as const;
    for (const c of cases) {
      const counter = countingVerifier();
      const decision = await decideLogin({
        login: c.login,
        lockedUntil: c.lock,
        password: c.password,
        now: NOW,
        dummyHash,
        verify: counter.verify,
      });
      expect(decision.kind, c.kind).toBe(c.kind);
      expect(counter.calls, c.kind).toEqual([c.hashedAgainst]);
    }
  });

  it('makes a dummy hash of the given cost that no password matches', async () => {
    expect(parseHashParams(dummyHash)).toEqual(CHEAP);
    expect(dummyPasswordHash(CHEAP)).not.toBe(dummyHash);
    expect(await verifyPassword('', dummyHash)).toBe(false);
    expect(await verifyPassword('no such user', dummyHash)).toBe(false);
  });
});
