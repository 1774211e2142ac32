import { TrackerClient } from '../../../tracker/client';
import { saveTrackerLink } from '../../../electron/services/tracking/trackingConfig';
import type { ChannelOutput } from '../../../electron/contract';
import type { TestApp } from '../../helpers/testApp';
import { TRACKER_PASSWORD, TRACKER_USER, type RunningTracker } from '../sync/trackerFixture';

import { ALL_TICKED } from './seedParts';

// Apart, so a process that only drives the app (the send-start bench) does not load the tracker.
export { ALL_TICKED, fakeResolver } from './seedParts';

export function recipientAddress(i: number): string {
  return `klant${String(i).padStart(5, '0')}@example.nl`;
}

/**
 * Imports a CSV (one string per line) as a new selection, with consent, and attaches it to the
 * mailing beside the selections it has; returns the new selection and setSelections' answer.
 */
export async function importAndAttach(t: TestApp, mailingId: string, lines: string[]) {
  const imported = await t.call('selections.import', {
    fileName: 'extra.csv',
    dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
    description: 'Extra',
    consent: true,
  });
  const attached = (await t.call('mailings.recipients', { id: mailingId })).selectionIds;
  const answer = await t.call('mailings.setSelections', {
    id: mailingId,
    selectionIds: [...attached, imported.selectionId],
  });
  return { selectionId: imported.selectionId, attached: answer };
}

/** Logs in at the tracker as the app would and stores the link. */
export async function linkTracker(t: TestApp, tracker: RunningTracker): Promise<void> {
  const client = new TrackerClient({ baseUrl: tracker.url });
  const login = await client.login(TRACKER_USER, TRACKER_PASSWORD);
  saveTrackerLink(t.app.context.kv, t.app.context.cipher, {
    baseUrl: tracker.url,
    account: login.account,
    kid: login.kid,
    key: Buffer.from(login.signingKey, 'base64'),
    token: login.token,
    userName: TRACKER_USER,
  });
}

/** A shop with its details, one sender (not yet verified) and SMTP to a local sink. */
export function shopSettings(smtpPort: number, perSecond = 500) {
  return {
    shop: {
      name: 'Bakkerij Jansen',
      address: 'Dorpsstraat 1',
      postalCode: '1234 AB',
      city: 'Ons Dorp',
      phone: '',
      website: 'https://bakkerij.nl',
      email: 'info@bakkerij.nl',
    },
    senders: [
      { name: 'Bakkerij Jansen', email: 'nieuws@bakkerij.nl', replyTo: 'info@bakkerij.nl' },
    ],
    smtp: { host: '127.0.0.1', port: smtpPort, security: 'none' as const, user: '' },
    limits: { perSecond, perHour: 1_000_000, fairUseHours: 48 },
  };
}

export interface SeededMailing {
  mailingId: string;
  senderId: string;
}

/** Shop details, one verified sender (nieuws@bakkerij.nl) and SMTP to the sink; its id. */
export async function setUpShop(
  t: TestApp,
  options: { smtpPort: number; perSecond?: number },
): Promise<string> {
  const view = await t.call('settings.update', shopSettings(options.smtpPort, options.perSecond));
  const senderId = view.senders[0]!.id;
  t.app.context.settings.markSenderVerified(senderId, true);
  return senderId;
}

/**
 * A mailing that passes the checklist: shop details, a verified sender, SMTP to the sink, a
 * selection of `count` customers, a test mail after the last change.
 */
export async function seedMailing(
  t: TestApp,
  options: { smtpPort: number; count: number; type?: 'newsletter' | 'voucher'; perSecond?: number },
): Promise<SeededMailing> {
  const { context } = t.app;
  const senderId = await setUpShop(t, options);
  const mailing = await t.call('mailings.create', { type: options.type ?? 'newsletter' });
  await t.call('mailings.update', {
    id: mailing.id,
    patch: {
      subject: 'Nieuw in de winkel: verse stol',
      topLine: 'Alleen deze week, [[voornaam|beste klant]]',
      from: senderId,
    },
  });
  const rows = ['email;naam;voornaam'];
  for (let i = 0; i < options.count; i += 1) rows.push(`${recipientAddress(i)};Klant ${i};Klant`);
  const imported = await t.call('selections.import', {
    fileName: 'klanten.csv',
    dataBase64: Buffer.from(rows.join('\n'), 'utf8').toString('base64'),
    description: 'Vaste klanten',
    consent: true,
  });
  await t.call('mailings.setSelections', { id: mailing.id, selectionIds: [imported.selectionId] });
  context.mailings.markTested(mailing.id, t.clock.now() + 1);
  t.clock.advance(1000);
  return { mailingId: mailing.id, senderId };
}

type Blocks = ChannelOutput<'mailings.get'>['document']['blocks'];

/** Saves the mailing's blocks as `edit` makes them from the stored ones, as the editor would. */
export async function editBlocks(
  t: TestApp,
  mailingId: string,
  edit: (blocks: Blocks) => unknown[],
): Promise<void> {
  const mailing = await t.call('mailings.get', { id: mailingId });
  await t.call('mailings.update', {
    id: mailingId,
    patch: { document: { ...mailing.document, blocks: edit(mailing.document.blocks) as Blocks } },
  });
}

/** Puts blocks at the top of the mailing's document, then tests it again (the checklist wants that). */
export async function prependBlocks(
  t: TestApp,
  mailingId: string,
  blocks: unknown[],
): Promise<void> {
  await editBlocks(t, mailingId, (stored) => [...blocks, ...stored]);
  t.app.context.mailings.markTested(mailingId, t.clock.now() + 1);
  t.clock.advance(1000);
}

/** Waits (real time) until the predicate holds; the failure names what was awaited. */
export async function until<T>(
  what: string,
  probe: () => Promise<T> | T,
  ok: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Starts the mailing's send with every manual check ticked and waits until it has finished. */
export async function sendAndWait(t: TestApp, mailingId: string, idempotencyKey: string) {
  const started = await t.call('send.start', { mailingId, confirmed: ALL_TICKED, idempotencyKey });
  return until(
    'the send to finish',
    () => t.call('send.status', { sendId: started.sendId }),
    (s) => s?.state === 'finished',
  );
}
