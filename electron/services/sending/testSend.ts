import type { z } from 'zod';
import type { TestSendInput, TestSendResult } from '../../contract/sending';
import type { AppContext } from '../core/appContext';
import { compileStoredMailing, loadContact, renderInputFor } from '../mailings/renderInput';
import { composeMessage, newMessageId, renderForRecipient, type TrackedLink } from '../render';
import { dkimSigningFor } from '../senders/dkim';
import { newTestRecipientId } from '../tracking/testRecipients';
import { readTrackingConfig } from '../tracking/trackingConfig';
import { hostedImageLookup } from './hostedImages';
import { unsubscribeMailbox } from './mailingMessages';
import { describeSmtpError } from './smtpErrors';
import { createMailTransport } from './transport';

/** `send.test`'s input and answer: the contract's shapes, declared there once. */
export type TestSendRequest = z.infer<typeof TestSendInput>;
export type TestSendOutcome = z.infer<typeof TestSendResult>;

/** What a tracked test needs at the tracker first: the link table and the web version. */
export interface TestSendDeps {
  prepareAtTracker?: (mailingId: string, links: readonly TrackedLink[]) => Promise<void>;
  publishWebVersion?: (mailingId: string) => Promise<unknown>;
}

/**
 * Step 5: the mailing exactly as it will be sent — same compile, same personalisation, same MIME,
 * tracked links, web version, hosted images and one-click unsubscribe — to up to five of the
 * shopkeeper's own addresses. It costs no credits; its opens and clicks carry a test recipient
 * id and never count in the statistics. `differences` says what, if anything, still differs.
 */
export async function sendTestMails(
  context: AppContext,
  request: TestSendRequest,
  deps: TestSendDeps = {},
): Promise<TestSendOutcome> {
  const mailing = context.mailings.get(request.mailingId);
  // The same input as the preview for this contact, its own selection's columns included.
  const input = renderInputFor(mailing, loadContact(context.db, request.contactId));
  const differences: string[] = [];
  const linked = readTrackingConfig(context.kv, context.cipher);
  const hostedImageUrl = linked
    ? await hostedImageLookup(context, mailing.id, mailing.document)
    : undefined;
  const { compiled: fresh } = await compileStoredMailing(context, mailing, {
    ...input.compile,
    tracking: linked,
    ...(hostedImageUrl ? { hostedImageUrl } : {}),
  });
  let tracking = linked;
  if (tracking) {
    try {
      await deps.prepareAtTracker?.(mailing.id, fresh.links);
      await deps.publishWebVersion?.(mailing.id);
    } catch (error) {
      context.logger.warn('test mail sent untracked: the tracker did not answer', error);
      tracking = null;
    }
  }
  const compiled = tracking ? fresh : { ...fresh, tracking: null };
  if (!tracking) differences.push('sending:test.differences.untracked');
  if (!hostedImageUrl && context.images.forMailing(mailing.id).length > 0)
    differences.push('sending:test.differences.imagesInline');
  const dkim = dkimSigningFor(context.kv, context.cipher, compiled.sender.email);
  const transport = createMailTransport(context, dkim ? { dkim } : {});
  // As in the real mail, the mailto: goes to the bounce mailbox; job 0 never exists, so a
  // request from a test mail is read and unsubscribes nobody.
  const unsubscribeAddress = unsubscribeMailbox(context)(0);
  const results: TestSendOutcome['results'] = [];
  try {
    for (const to of [...new Set(request.to.map((t) => t.trim()))]) {
      const messageId = newMessageId(compiled.sender.email);
      const mail = renderForRecipient(compiled, {
        email: to,
        data: input.data,
        recipientId: newTestRecipientId(),
        unsubscribeAddress,
      });
      const raw = composeMessage(compiled, mail, {
        to,
        messageId,
        date: new Date(context.clock.now()),
      });
      try {
        const info = await transport.sendMail({
          envelope: { from: compiled.sender.email, to: [to] },
          raw,
        });
        results.push({
          to,
          ok: true,
          messageId,
          outboxFile: info.outboxFile ?? null,
          errorKey: null,
          errorDetail: null,
        });
      } catch (error) {
        const problem = describeSmtpError(error);
        results.push({
          to,
          ok: false,
          messageId: null,
          outboxFile: null,
          errorKey: problem.key,
          errorDetail: problem.detail,
        });
      }
    }
  } finally {
    transport.close();
  }
  // The test showed the content as of contentChangedAt, even when the clock has not moved since.
  const testedAt = Math.max(context.clock.now(), mailing.contentChangedAt);
  if (results.some((r) => r.ok)) context.mailings.markTested(mailing.id, testedAt);
  const after = context.mailings.get(mailing.id);
  return {
    results,
    lastTestAt: after.lastTestAt,
    contentChangedAt: after.contentChangedAt,
    differences,
  };
}
