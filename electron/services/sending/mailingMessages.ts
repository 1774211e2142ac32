import type { AppContext } from '../../app';
import { BounceSettingsStore } from '../bounces/bounceSettings';
import { unsubscribeAddressFor } from '../bounces/unsubscribeRequests';
import { bounceAddressFor, verpSecret } from '../bounces/verp';
import { compileStoredMailing } from '../mailings/renderInput';
import { composeMessage, renderForRecipient } from '../render';
import { hostedImageLookup } from './hostedImages';
import type { MessageSource, MessageSourceFactory } from './messageSource';

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

/** The real message source: the mailing compiled once by the rendering engine, then per job. */
export function mailingMessageSources(
  context: Pick<
    AppContext,
    'db' | 'kv' | 'cipher' | 'settings' | 'images' | 'mailings' | 'clock' | 'logger'
  >,
): MessageSourceFactory {
  return {
    async forSend(send): Promise<MessageSource> {
      const mailing = context.mailings.get(send.mailingId);
      // Images from the tracker when it is online: only the barcode is left to travel inline.
      const hostedImageUrl = await hostedImageLookup(context, mailing.id, mailing.document);
      const { compiled } = await compileStoredMailing(context, mailing, {
        ...(hostedImageUrl ? { hostedImageUrl } : {}),
      });
      const returnPath = envelopeSender(context, compiled.sender.email);
      const unsubscribeAddress = unsubscribeMailbox(context);
      return {
        build(job) {
          const mail = renderForRecipient(compiled, {
            email: job.email,
            data: job.data,
            recipientId: job.recipientId,
            unsubscribeAddress: unsubscribeAddress(job.id),
          });
          const raw = composeMessage(compiled, mail, {
            to: job.email,
            messageId: job.messageId,
            date: new Date(context.clock.now()),
          });
          return { envelopeFrom: returnPath(job.id), to: job.email, messageId: job.messageId, raw };
        },
      };
    },
  };
}
