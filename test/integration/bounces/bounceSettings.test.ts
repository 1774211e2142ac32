import { afterEach, describe, expect, it } from 'vitest';
import {
  bounceAddressFor,
  parseBounceAddress,
  verpSecret,
} from '../../../electron/services/bounces/verp';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const base = { host: 'imap.shop.nl', port: 993, security: 'tls' as const, user: 'bounces' };

describe('bounce mailbox settings', () => {
  it('a partial update changes only the fields it names', async () => {
    t = await startTestApp();
    await t.call('bounces.updateSettings', { ...base, address: 'bounces@shop.nl', password: 'x' });
    const view = await t.call('bounces.updateSettings', { enabled: false });
    expect(view).toMatchObject({
      ...base,
      address: 'bounces@shop.nl',
      enabled: false,
      passwordSet: true,
    });
    const cleared = await t.call('bounces.updateSettings', { password: '' });
    expect(cleared).toMatchObject({ passwordSet: false, configured: false, host: 'imap.shop.nl' });
  });

  it('rejects a malformed address or port with a field message and saves nothing', async () => {
    t = await startTestApp();
    await expect(
      t.call('bounces.updateSettings', { ...base, address: 'geen adres', port: 0 }),
    ).rejects.toMatchObject({
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([
          expect.objectContaining({ field: 'address', key: 'common:errors.email' }),
          expect.objectContaining({ field: 'port', key: 'bounces:errors.port' }),
        ]),
      },
    });
    expect(await t.call('bounces.getSettings', {})).toMatchObject({ host: '', configured: false });
  });
});

describe('the per-install VERP secret', () => {
  it('is made once, kept in the database, and signs Return-Paths that check out', async () => {
    t = await startTestApp();
    const secret = verpSecret(t.app.context.kv);
    expect(secret).toHaveLength(32);
    expect(verpSecret(t.app.context.kv).equals(secret)).toBe(true);
    const address = bounceAddressFor('bounces@shop.nl', 123, secret);
    expect(parseBounceAddress(address, verpSecret(t.app.context.kv))).toBe(123);
  });
});
