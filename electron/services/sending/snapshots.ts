import type { AppContext } from '../core/appContext';
import type { MailingT } from '../../contract/mailings';
import { compileStoredMailing, renderInputFor } from '../mailings/renderInput';
import { releaseMjmlWorker, type CompiledMailing } from '../render';
import type { TrackingConfig } from '../tracking/trackingConfig';
import { hostedImageLookup } from './hostedImages';
import { compiledFromSnapshot, toSnapshot, type SendSnapshot } from './sendSnapshot';
import { SendStore } from './sendStore';
import { SnapshotStore } from './snapshotStore';

/** What compiling and reading a send's snapshot needs (the queue and the web version too). */
export type SnapshotDeps = Pick<
  AppContext,
  | 'database'
  | 'db'
  | 'kv'
  | 'cipher'
  | 'settings'
  | 'images'
  | 'mailings'
  | 'clock'
  | 'logger'
  | 'branding'
>;

/**
 * The one compile of a send (send.start): images hosted at the tracker when it answers, the
 * mailing's selections' columns as variables, no tracking key inside (added per build).
 */
export async function compileSnapshot(
  deps: SnapshotDeps,
  mailing: MailingT,
): Promise<SendSnapshot> {
  const hostedImageUrl = await hostedImageLookup(deps, mailing.id, mailing.document);
  const { compiled } = await compileStoredMailing(deps, mailing, {
    ...renderInputFor(mailing, null).compile,
    tracking: null,
    ...(hostedImageUrl ? { hostedImageUrl } : {}),
  });
  return toSnapshot(compiled);
}

/**
 * The send's snapshot. A send started before snapshots existed has none: it is compiled once,
 * on the first need (the queue, the web version, the statistics), and stored, so from then on
 * that send too reads one fixed content.
 */
export async function snapshotOfSend(
  deps: SnapshotDeps,
  store: SnapshotStore,
  send: { id: string; mailingId: string },
): Promise<SendSnapshot> {
  const stored = store.get(send.id);
  if (stored) return stored;
  const built = await compileSnapshot(deps, deps.mailings.get(send.mailingId));
  // The send's mails need no more compiles: MJML's worker need not wait for its idle end.
  void releaseMjmlWorker();
  store.put(send.id, built, deps.clock.now());
  return store.get(send.id) ?? built;
}

/** What the mailing's latest send mailed; null when it was never sent (nothing to keep yet). */
export async function snapshotOfMailing(
  deps: SnapshotDeps,
  mailingId: string,
): Promise<SendSnapshot | null> {
  const sqlite = deps.database.sqlite;
  const send = new SendStore(sqlite).latestForMailing(mailingId);
  return send ? snapshotOfSend(deps, new SnapshotStore(sqlite), send) : null;
}

/** The snapshot ready for renderForRecipient/composeMessage; inline images from `images`. */
export function compiledOfSnapshot(
  deps: Pick<AppContext, 'images'>,
  snapshot: SendSnapshot,
  tracking: TrackingConfig | null,
): CompiledMailing {
  return compiledFromSnapshot(
    snapshot,
    tracking,
    (sha256) => deps.images.findBySha256(snapshot.mailingId, sha256)?.bytes,
  );
}
