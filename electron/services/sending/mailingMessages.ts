import type { AppContext } from '../core/appContext';
import { BounceSettingsStore } from '../bounces/bounceSettings';
import { unsubscribeAddressFor } from '../bounces/unsubscribeRequests';
import { bounceAddressFor, verpSecret } from '../bounces/verp';
import { composeForRecipient } from '../render';
import { readTrackingConfig } from '../tracking/trackingConfig';
import type { MessageSource, MessageSourceFactory } from './messageSource';
import type { SendSnapshot } from './sendSnapshot';
import { compiledOfSnapshot, snapshotOfSend, type SnapshotDeps } from './snapshots';
import { SnapshotStore } from './snapshotStore';

/** Where bounces go: VERP per job when a bounce mailbox is set up, otherwise the sender itself. */
export function envelopeSender(
  context: Pick<AppContext, 'kv' | 'cipher'>,
  senderEmail: string,
): (jobId: number) => string {
  const bounces = new BounceSettingsStore(context.kv, context.cipher).read();
  if (!bounces.enabled || bounces.address === '') return () => senderEmail;
  if (!bounces.useVerp) return () => bounces.address;
  const secret = verpSecret(context.kv);
  return (jobId) => bounceAddressFor(bounces.address, jobId, secret);
}

/**
 * Where a recipient's unsubscribe request by mail goes: a tagged address in the bounce mailbox,
 * which the app reads (needs plus-addressing, as VERP does); otherwise the sender's own address.
 */
export function unsubscribeMailbox(
  context: Pick<AppContext, 'kv' | 'cipher'>,
): (jobId: number) => string | undefined {
  const bounces = new BounceSettingsStore(context.kv, context.cipher).read();
  if (!bounces.enabled || bounces.address === '' || !bounces.useVerp) return () => undefined;
  const secret = verpSecret(context.kv);
  return (jobId) => unsubscribeAddressFor(bounces.address, jobId, secret);
}

/** The real message source: the send's snapshot (compiled once at send.start), then per job. */
export function mailingMessageSources(context: SnapshotDeps): MessageSourceFactory {
  const snapshots = new SnapshotStore(context.database.sqlite);
  return {
    async forSend(send): Promise<MessageSource> {
      return messagesOfSnapshot(context, await snapshotOfSend(context, snapshots, send));
    },
  };
}

/** Per job only personalisation and MIME; the tracking key as linked now (never stored). */
export function messagesOfSnapshot(context: SnapshotDeps, snapshot: SendSnapshot): MessageSource {
  const tracking = readTrackingConfig(context.kv, context.cipher);
  const compiled = compiledOfSnapshot(context, snapshot, tracking);
  const returnPath = envelopeSender(context, compiled.sender.email);
  const unsubscribeAddress = unsubscribeMailbox(context);
  return {
    build(job) {
      const raw = composeForRecipient(
        compiled,
        {
          email: job.email,
          data: job.data,
          recipientId: job.recipientId,
          unsubscribeAddress: unsubscribeAddress(job.id),
        },
        { to: job.email, messageId: job.messageId, date: new Date(context.clock.now()) },
      );
      return { envelopeFrom: returnPath(job.id), to: job.email, messageId: job.messageId, raw };
    },
  };
}
