import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../../../tracker/adminCommands';
import { ManualClock } from '../../../tracker/clock';
import { verifyPassword } from '../../../tracker/password';
import type { TrackerStore } from '../../../tracker/store/types';
import { T0, TEST_SCRYPT } from './helpers/fixtures';
import { sqliteFactory } from './helpers/storeFactories';

describe('tracker admin commands', () => {
  let store: TrackerStore;
  let cleanup: () => Promise<void>;
  let lines: string[];
  let secret: string;
  const admin = (...argv: string[]) =>
    runAdmin(argv, {
      store,
      clock: new ManualClock(T0),
      out: (line) => lines.push(line),
      readSecret: async () => secret,
      scrypt: TEST_SCRYPT,
    });

  beforeEach(async () => {
    ({ store, cleanup } = await sqliteFactory());
    lines = [];
    secret = '';
  });
  afterEach(async () => cleanup());

  it('creates an account with a signing key and a generated password', async () => {
    expect(await admin('create-account', '--user', 'modezaak', '--shop', 'Jouw Modezaak')).toBe(0);
    const password =
      lines.find((l) => l.startsWith('Password: '))?.slice('Password: '.length) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    const account = await store.findAccountByUserName('modezaak');
    expect(account?.shopName).toBe('Jouw Modezaak');
    expect((await store.currentKey(account!.id))?.kid).toBe('k1');
    expect(await verifyPassword(password, (await store.getLogin('modezaak'))!.passwordHash)).toBe(
      true,
    );
  });

  it('reads a chosen password from stdin and refuses a short one', async () => {
    secret = 'kort';
    expect(await admin('create-account', '--user', 'a', '--shop', 'A', '--password-stdin')).toBe(1);
    expect(lines.at(-1)).toContain('at least 10 characters');
    expect(await store.findAccountByUserName('a')).toBeNull();
    secret = 'lang genoeg wachtwoord\n';
    expect(await admin('create-account', '--user', 'a', '--shop', 'A', '--password-stdin')).toBe(0);
    expect(lines.some((l) => l.startsWith('Password:'))).toBe(false);
    expect(
      await verifyPassword('lang genoeg wachtwoord', (await store.getLogin('a'))!.passwordHash),
    ).toBe(true);
  });

  it('grants credits, rotates keys, lists, renames and unlocks', async () => {
    await admin('create-account', '--user', 'modezaak', '--shop', 'Jouw Modezaak');
    const id = (await store.findAccountByUserName('modezaak'))!.id;
    expect(await admin('grant', 'modezaak', '500', '--note', 'factuur 12')).toBe(0);
    expect(await admin('grant', id, '--', '-20')).toBe(0);
    expect(await admin('grant', 'modezaak', '--', '-1000')).toBe(1);
    expect(await admin('grant', 'modezaak', '-5')).toBe(2);
    expect(await admin('grant', 'modezaak', 'veel')).toBe(1);
    expect((await store.getBalance(id)).balance).toBe(480);
    expect(await admin('rotate-key', 'modezaak')).toBe(0);
    expect(await store.listKids(id)).toEqual(['k1', 'k2']);
    expect(await admin('set-shop-name', 'modezaak', 'Modezaak', '&', 'Co')).toBe(0);
    await store.recordLoginFailure(id, '192.0.2.0', () => T0 + 60_000);
    await store.recordLoginFailure(id, '2001:db8:1::', () => T0 + 60_000);
    expect(await admin('unlock', 'modezaak')).toBe(0);
    expect(await store.loginLock(id, '192.0.2.0')).toEqual({ failures: 0, lockedUntil: 0 });
    expect(await store.loginLock(id, '2001:db8:1::')).toEqual({ failures: 0, lockedUntil: 0 });
    lines = [];
    expect(await admin('list')).toBe(0);
    expect(lines).toEqual([`${id}\tmodezaak\tModezaak & Co\t480 credits\tkeys k1,k2`]);
    expect(await admin('grant', 'nobody', '5')).toBe(1);
    expect(lines.at(-1)).toBe('Error: No account "nobody".');
  });

  it('adds bundles and fulfils order requests once', async () => {
    await admin('create-account', '--user', 'modezaak', '--shop', 'Jouw Modezaak');
    const id = (await store.findAccountByUserName('modezaak'))!.id;
    expect(
      await admin(
        'add-bundle',
        '--id',
        'b1000',
        '--name',
        '1.000 credits',
        '--credits',
        '1000',
        '--price-cents',
        '4500',
      ),
    ).toBe(0);
    expect(
      await admin(
        'add-bundle',
        '--id',
        'bad',
        '--name',
        'x',
        '--credits',
        '0',
        '--price-cents',
        '1',
      ),
    ).toBe(1);
    await store.createOrder({
      id: 'o1',
      account: id,
      bundleId: 'b1000',
      idempotencyKey: 'k',
      note: null,
      now: T0,
    });
    expect(await admin('fulfil-order', 'o1')).toBe(0);
    expect(await admin('fulfil-order', 'o1')).toBe(1);
    expect((await store.getBalance(id)).balance).toBe(1000);
    lines = [];
    await admin('orders');
    expect(lines[0]).toContain('fulfilled');
  });

  it('prints the usage for an unknown command', async () => {
    expect(await admin('frobnicate')).toBe(2);
    expect(lines[0]).toContain('Usage: npm run tracker:admin');
  });
});
