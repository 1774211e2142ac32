import { afterEach, describe, expect, it } from 'vitest';
import {
  ALLOW_HTTP_TRACKER_ENV,
  trackerAddressItem,
  unsubscribeMailItem,
} from '../../../electron/services/checklist/deliverabilityItems';
import { saveTrackerLink } from '../../../electron/services/tracking/trackingConfig';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function link(app: TestApp, baseUrl: string) {
  saveTrackerLink(app.app.context.kv, app.app.context.cipher, {
    baseUrl,
    account: 'acc',
    kid: 'k1',
    key: Buffer.alloc(32, 7),
    token: 'token',
    userName: 'winkel@example.nl',
  });
}

describe('checklist: tracker address and unsubscribing by mail', () => {
  it('fails on a plain-http tracker address, except on this machine or when allowed for a test setup', async () => {
    t = await startTestApp();
    const { context } = t.app;
    expect(trackerAddressItem(context)).toBeNull();
    link(t, 'https://volg.winkelpost.nl');
    expect(trackerAddressItem(context, {})).toMatchObject({ status: 'ok' });
    link(t, 'http://volg.winkelpost.nl');
    expect(trackerAddressItem(context, {})).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.trackerAddress.http',
      params: { address: 'http://volg.winkelpost.nl' },
    });
    expect(trackerAddressItem(context, { [ALLOW_HTTP_TRACKER_ENV]: '1' })).toMatchObject({
      status: 'warn',
    });
    link(t, 'http://127.0.0.1:8787');
    expect(trackerAddressItem(context, {})).toMatchObject({
      status: 'warn',
      key: 'sending:checklist.trackerAddress.httpAllowed',
    });
  });

  it('says that requests by mail cannot be processed without a bounce mailbox', async () => {
    t = await startTestApp();
    const { context } = t.app;
    expect(unsubscribeMailItem(context)).toMatchObject({
      status: 'warn',
      key: 'sending:checklist.unsubscribeMail.notRead',
    });
    await t.call('bounces.updateSettings', {
      enabled: true,
      useVerp: true,
      address: 'bounces@bakkerij.nl',
      host: 'imap.bakkerij.nl',
      port: 993,
      security: 'tls',
      user: 'bounces',
      password: 'geheim',
    });
    expect(unsubscribeMailItem(context)).toMatchObject({
      status: 'ok',
      params: { address: 'bounces@bakkerij.nl' },
    });
  });
});
