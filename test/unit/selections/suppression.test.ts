import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyToken } from '../../../tracker/tokens';
import { DAY, HOUR } from '../../../electron/services/core/clock';
import {
  confirmResubscribe,
  RESUBSCRIBE_MAILING,
} from '../../../electron/services/suppression/resubscribe';
import { saveTrackerLink } from '../../../electron/services/tracking/trackingConfig';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { importLines } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const KEY = Buffer.alloc(32, 7);

function linkTracker(app: TestApp): void {
  saveTrackerLink(app.app.context.kv, app.app.context.cipher, {
    baseUrl: 'https://track.example.nl/',
    account: 'acc-1',
    kid: 'k1',
    key: KEY,
    token: 'bearer',
    userName: 'winkel',
  });
}

function outbox(app: TestApp): string[] {
  const dir = join(app.dataDir, 'outbox');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    return [];
  }
}

/** The confirm link as the customer sees it in the plain-text part. */
function confirmToken(eml: string): string {
  const unfolded = eml.replace(/=\r?\n/g, '');
  const match = /https:\/\/track\.example\.nl\/confirm\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(
    unfolded,
  );
  if (!match) throw new Error('no confirm link in the mail');
  return match[1]!;
}

describe('suppression channels', () => {
  it('adds a manual block, shows the status, and lists and searches the list', async () => {
    t = await startTestApp();
    await importLines(t, ['email', 'klant@example.nl']);
    const status = await t.call('suppression.add', {
      email: 'Klant@Example.nl',
      detail: 'Belde de winkel',
    });
    expect(status).toMatchObject({
      email: 'klant@example.nl',
      suppression: { reason: 'manual', detail: 'Belde de winkel', source: 'app' },
      selections: 1,
      canLift: false,
      canResubscribe: true,
    });
    t.app.context.suppression.suppress('ander@example.nl', 'hard_bounce', 'smtp', '5.1.1');
    const all = await t.call('suppression.list', {});
    expect(all.total).toBe(2);
    const found = await t.call('suppression.list', { query: 'ANDER' });
    expect(found.entries.map((e) => [e.email, e.reason])).toEqual([
      ['ander@example.nl', 'hard_bounce'],
    ]);
    expect((await t.call('suppression.list', { query: '%' })).total).toBe(0);
  });

  it('lifts only soft-bounce blocks by hand', async () => {
    t = await startTestApp();
    const store = t.app.context.suppression;
    for (let i = 0; i < 3; i += 1) store.recordSoftBounce('vol@example.nl', '4.2.2 mailbox full');
    store.suppress('weg@example.nl', 'unsubscribed', 'tracker');
    expect((await t.call('suppression.status', { email: 'vol@example.nl' })).canLift).toBe(true);
    const lifted = await t.call('suppression.lift', { email: 'vol@example.nl' });
    expect(lifted).toMatchObject({ suppression: null, softBounces: 0 });
    const refused = await t.app.handlers['suppression.lift']({ email: 'weg@example.nl' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'suppression:errors.cannotLift' },
    });
    expect(store.isSuppressed('weg@example.nl')).toBe(true);
  });
});

describe('re-subscription by double opt-in', () => {
  it('says plainly that it needs the account link when there is no tracker', async () => {
    t = await startTestApp();
    t.app.context.suppression.suppress('weg@example.nl', 'unsubscribed', 'tracker');
    const envelope = await t.app.handlers['suppression.resubscribe']({ email: 'weg@example.nl' });
    expect(envelope).toMatchObject({
      ok: false,
      error: { key: 'suppression:errors.noTracker' },
    });
    expect(outbox(t)).toEqual([]);
  });

  it('mails a signed confirm link once; only the confirmation lifts the block', async () => {
    t = await startTestApp();
    linkTracker(t);
    await t.call('settings.update', {
      shop: {
        name: 'Mode Marijke',
        address: '',
        postalCode: '',
        city: '',
        phone: '',
        website: '',
        email: 'info@modemarijke.nl',
      },
    });
    t.app.context.suppression.suppress('Weg@Example.nl', 'unsubscribed', 'tracker');
    const notBlocked = await t.app.handlers['suppression.resubscribe']({ email: 'x@example.nl' });
    expect(notBlocked).toMatchObject({
      ok: false,
      error: { key: 'suppression:errors.notSuppressed' },
    });

    const result = await t.call('suppression.resubscribe', { email: 'weg@example.nl' });
    expect(result.sentTo).toBe('weg@example.nl');
    expect(result.status.resubscribe).toEqual({
      requestedAt: t.clock.now(),
      confirmedAt: null,
      machineClickAt: null,
    });
    expect(result.status.suppression?.reason).toBe('unsubscribed');

    const mails = outbox(t);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('To: weg@example.nl');
    expect(mails[0]).toMatch(/Subject: .*Mode Marijke/);
    const payload = verifyToken(confirmToken(mails[0]!), 'confirm', (account, kid) =>
      account === 'acc-1' && kid === 'k1' ? KEY : undefined,
    );
    expect(payload).toMatchObject({
      mailing: RESUBSCRIBE_MAILING,
      kind: 'confirm',
      account: 'acc-1',
    });

    // A second click the same day does not mail the customer again.
    const again = await t.app.handlers['suppression.resubscribe']({ email: 'weg@example.nl' });
    expect(again).toMatchObject({
      ok: false,
      error: { key: 'suppression:errors.alreadyRequested' },
    });
    expect(outbox(t)).toHaveLength(1);

    t.clock.advance(HOUR);
    expect(confirmResubscribe(t.app.context, payload!.recipient)).toEqual({
      outcome: 'lifted',
      email: 'weg@example.nl',
    });
    expect(t.app.context.suppression.isSuppressed('weg@example.nl')).toBe(false);
    const status = await t.call('suppression.status', { email: 'weg@example.nl' });
    expect(status.resubscribe?.confirmedAt).toBe(t.clock.now());
    // The tracker may report the same event twice.
    expect(confirmResubscribe(t.app.context, payload!.recipient).outcome).toBe('alreadyConfirmed');
    expect(confirmResubscribe(t.app.context, 'unknown-id').outcome).toBe('unknown');
  });

  it('does not lift the block when the confirmation comes after the link expired', async () => {
    t = await startTestApp();
    linkTracker(t);
    t.app.context.suppression.suppress('weg@example.nl', 'manual', 'app');
    await t.call('suppression.resubscribe', { email: 'weg@example.nl' });
    const token = confirmToken(outbox(t)[0]!);
    const payload = verifyToken(token, 'confirm', () => KEY)!;
    t.clock.advance(15 * DAY);
    expect(confirmResubscribe(t.app.context, payload.recipient).outcome).toBe('expired');
    expect(t.app.context.suppression.isSuppressed('weg@example.nl')).toBe(true);
  });
});
