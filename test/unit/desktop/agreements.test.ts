import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGREEMENTS_VERSION } from '../../../electron/services/desktop/agreements';
import { startTestApp, type TestApp } from '../../helpers/testApp';

describe('agreements', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ firstStart: true });
  });
  afterEach(async () => {
    await t.close();
  });

  it('must be accepted on the first start', async () => {
    expect(await t.call('desktop.agreements.get', {})).toEqual({
      version: AGREEMENTS_VERSION,
      acceptedVersion: null,
      acceptedAt: null,
      mustAccept: true,
    });
  });

  it('records the accepted version and the moment', async () => {
    const state = await t.call('desktop.agreements.accept', { version: AGREEMENTS_VERSION });
    expect(state).toMatchObject({ acceptedVersion: AGREEMENTS_VERSION, mustAccept: false });
    expect(state.acceptedAt).toBe(t.clock.now());
    expect((await t.call('desktop.agreements.get', {})).mustAccept).toBe(false);
  });

  it('asks again when the texts changed since the last acceptance', async () => {
    t.app.context.kv.set('desktop.agreements', { version: '2020-01', acceptedAt: 1 });
    expect(await t.call('desktop.agreements.get', {})).toMatchObject({
      acceptedVersion: '2020-01',
      mustAccept: true,
    });
  });

  it('refuses accepting a version the window no longer shows', async () => {
    const envelope = await t.app.handlers['desktop.agreements.accept']({ version: '2020-01' });
    expect(envelope).toMatchObject({
      ok: false,
      error: { key: 'desktop:errors.agreementsOutdated' },
    });
  });
});
