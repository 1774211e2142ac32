import { afterEach, describe, expect, it } from 'vitest';
import { createReturnPathBuilder } from '../../../electron/services/bounces/returnPath';
import { parseBounceAddress, verpSecret } from '../../../electron/services/bounces/verp';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const base = { host: 'imap.shop.nl', port: 993, security: 'tls' as const, user: 'bounces' };

describe('the Return-Path the send queue puts on each mail', () => {
  it('is absent until a bounce mailbox address is set', async () => {
    t = await startTestApp();
    expect(createReturnPathBuilder(t.app.context)(5)).toBeNull();
  });

  it('carries the signed job id, with one secret kept for the install', async () => {
    t = await startTestApp();
    await t.call('bounces.updateSettings', { ...base, address: 'bounces@shop.nl' });
    const returnPath = createReturnPathBuilder(t.app.context);
    const address = returnPath(123);
    expect(address).toMatch(/^bounces\+j123-[0-9a-f]+@shop\.nl$/);
    expect(parseBounceAddress(address!, verpSecret(t.app.context.kv))).toBe(123);
    expect(verpSecret(t.app.context.kv).equals(verpSecret(t.app.context.kv))).toBe(true);
    expect(createReturnPathBuilder(t.app.context)(123)).toBe(address);
  });

  it('is the plain address when the provider does not take +tags', async () => {
    t = await startTestApp();
    await t.call('bounces.updateSettings', { ...base, address: 'bounces@shop.nl', useVerp: false });
    expect(createReturnPathBuilder(t.app.context)(123)).toBe('bounces@shop.nl');
  });

  it('rejects a malformed address or port with a field message', async () => {
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
    expect((await t.call('bounces.getSettings', {})).configured).toBe(false);
  });
});

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
});
