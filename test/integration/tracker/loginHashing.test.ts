import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrackerClient, TrackerError } from '../../../tracker/client';
import { verifyPassword } from '../../../tracker/password';
import { sqliteFactory } from './helpers/storeFactories';
import { PASSWORD, startTestTracker, type TestTracker } from './helpers/testTracker';

/**
 * Over HTTP: each login answer (unknown name, wrong password, locked, right password) cost one
 * password hash, so the answer time does not reveal which one it was.
 */
describe('login over HTTP hashes once per attempt', () => {
  let t: TestTracker;
  let hashes = 0;
  beforeEach(async () => {
    hashes = 0;
    t = await startTestTracker(sqliteFactory, {
      loginPolicy: { ipAttempts: 1000, freeFailures: 2 },
      verifyPassword: (password, stored) => {
        hashes += 1;
        return verifyPassword(password, stored);
      },
    });
  });
  afterEach(async () => t.close());

  const attempt = async (userName: string, password: string) => {
    const before = hashes;
    const code = await new TrackerClient({ baseUrl: t.url }).login(userName, password).then(
      () => 'ok',
      (error: unknown) => (error instanceof TrackerError ? error.code : String(error)),
    );
    return { code, hashes: hashes - before };
  };

  it('unknown user, wrong password, locked account and success each cost one hash', async () => {
    expect(await attempt('nobody', 'x')).toEqual({ code: 'wrong_password', hashes: 1 });
    expect(await attempt('nobody', 'y')).toEqual({ code: 'wrong_password', hashes: 1 });
    expect(await attempt('modezaak', 'wrong-1')).toEqual({ code: 'wrong_password', hashes: 1 });
    expect(await attempt('modezaak', 'wrong-2')).toEqual({ code: 'locked', hashes: 1 });
    expect(await attempt('modezaak', 'wrong-3')).toEqual({ code: 'locked', hashes: 1 });
    expect(await attempt('modezaak', PASSWORD)).toEqual({ code: 'locked', hashes: 1 });
    t.clock.advance(60_000);
    expect(await attempt('modezaak', PASSWORD)).toEqual({ code: 'ok', hashes: 1 });
  });
});
