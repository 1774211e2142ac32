import type { AppContext } from '../core/appContext';
import { MANUAL_CHECKS, type ChecklistItemT, type ChecklistT } from '../../contract/checklist';
import { CREDITS_PER_MAIL } from '../../contract/credits';
import type { MailingT } from '../../contract/mailings';
import { readCredits } from '../app/appService';
import { compileStoredMailing } from '../mailings/renderInput';
import type { CompiledMailing } from '../render';
import { resolveRecipients, type RecipientsAnswer } from '../selections/recipients';
import { StagedRecipients } from '../selections/recipientsStaging';
import type { CreditsPort } from '../sending/credits';
import type { TxtResolver } from '../senders/dnsCheck';
import { creditsCheck, recipientsCheck, selectionCheck } from './audienceChecks';
import { blockItems } from './blockItems';
import { toItem, type Check } from './check';
import { ChecklistStore } from './checklistStore';
import { contentItem } from './contentItem';
import { contrastItem } from './contrastItem';
import {
  predictedHostedImages,
  trackerAddressItem,
  unsubscribeMailItem,
} from './deliverabilityItems';
import { dnsItems } from './dnsItems';
import { senderChecks, subjectChecks, testCheck } from './generalChecks';
import { mailContentChecks } from './mailContentChecks';
import { placeholderItems } from './placeholderItems';
import { voucherItems } from './voucherItems';

export interface ChecklistDeps {
  resolver: () => TxtResolver;
  credits: () => CreditsPort | null;
}

/** The free balance from the tracker, else the last known one; null without a linked account. */
async function availableCredits(
  context: AppContext,
  port: CreditsPort | null,
): Promise<number | null> {
  if (!port) return null;
  try {
    return (await port.balance()).balance;
  } catch {
    return readCredits(context.kv).balance;
  }
}

export interface ChecklistOptions {
  /** Selections (not attached) whose columns count as variables: an automation's earlier file. */
  sampleSelectionIds?: readonly string[];
  /** The mailing compiled by compileForChecklist beforehand (send.start: before it stages). */
  compiled?: CompiledMailing;
}

/** The compile the checklist's content checks read: hosted images as the send will host them. */
export async function compileForChecklist(
  context: AppContext,
  mailing: MailingT,
  sampleSelectionIds: readonly string[] = [],
): Promise<CompiledMailing> {
  const { compiled } = await compileStoredMailing(context, mailing, {
    ...predictedHostedImages(context),
    ...(sampleSelectionIds.length > 0 ? { alsoSelectionIds: [...sampleSelectionIds] } : {}),
  });
  return compiled;
}

/**
 * Step 6: everything that can be checked before a mailing goes out, each ok / warn / fail with a
 * plain message and a link to where it is fixed. Sending is possible when nothing fails (and the
 * shopkeeper ticked the manual items, which send.start checks again). The checks are plain
 * functions returning a `Check` (generalChecks, audienceChecks, mailContentChecks); this file
 * only gathers what they read and puts the lines in the order the page shows them.
 */
export async function computeChecklist(
  context: AppContext,
  mailingId: string,
  deps: ChecklistDeps,
  recipientsOf: (mailingId: string) => RecipientsAnswer = (id) => resolveRecipients(context, id),
  options: ChecklistOptions = {},
): Promise<ChecklistT> {
  const mailing = context.mailings.get(mailingId);
  const lines = (checks: readonly Check[]) => checks.map((check) => toItem(check, mailing.id));
  const items: ChecklistItemT[] = [];
  items.push(...lines(subjectChecks(mailing)));
  const sender = senderChecks(context, mailing);
  items.push(...lines(sender.checks));
  if (sender.email) items.push(...(await dnsItems(context, sender.email, deps.resolver)));

  const attached = new ChecklistStore(context.database.sqlite).attachedSelections(mailing.id);
  const resolved = recipientsOf(mailing.id);
  items.push(...lines([selectionCheck(attached, context.clock.now()), recipientsCheck(resolved)]));

  const compiled =
    options.compiled ?? (await compileForChecklist(context, mailing, options.sampleSelectionIds));
  // A send's staged answer is counted in SQL, not walked recipient by recipient.
  const staged = resolved instanceof StagedRecipients ? resolved : null;
  items.push(
    ...lines(await mailContentChecks(context, mailing, compiled, resolved.recipients, staged)),
  );
  items.push(contrastItem(mailing.id, mailing.document));
  items.push(contentItem(mailing));
  items.push(...blockItems(mailing));
  items.push(...placeholderItems(context, mailing));
  items.push(...(await voucherItems(context, mailing, compiled, resolved.recipients, staged)));
  items.push(toItem(testCheck(mailing), mailing.id));
  const tracker = trackerAddressItem(context);
  if (tracker) items.push(tracker);
  items.push(unsubscribeMailItem(context));

  const recipients = resolved.recipients.length;
  const perMail = CREDITS_PER_MAIL[mailing.type];
  const needed = recipients * perMail;
  const port = deps.credits();
  const available = await availableCredits(context, port);
  items.push(toItem(creditsCheck({ needed, perMail, available }), mailing.id));
  return {
    items,
    manual: MANUAL_CHECKS.map((id) => ({ id, key: `sending:manual.${id}` })),
    canSend: items.every((i) => i.status !== 'fail'),
    recipients,
    credits: { needed, perMail, available },
    accountLinked: port !== null,
  };
}
