import type { AppContext } from '../core/appContext';
import { DomainError } from '../../contract';
import type { ReasonT } from '../../contract/automations';
import { CREDITS_PER_MAIL } from '../../contract/credits';
import { resolveRecipients } from '../selections/recipients';
import type { SendService } from '../sending/sendService';
import type { AutomationRow, AutomationStore, RunRow } from './automationStore';
import { RunSelectionStore } from './runSelectionStore';

export type RunOutcome = { ok: true } | { ok: false; reason: ReasonT; pause: boolean };

export interface RunSendDeps {
  context: AppContext;
  store: AutomationStore;
  sending: SendService;
}

/**
 * The part every run shares once its selection exists: its own copy of the frozen mailing, leaving
 * out who already got this voucher or birthday (the key), the caps, the keys claimed, and an
 * ordinary send (idempotency key = the run), so a resumed run finds its send instead of a second.
 */
export async function sendRun(
  deps: RunSendDeps,
  automation: AutomationRow,
  run: RunRow,
  /** The key's item for a contact: the barcode, or the birthday's year; null: cannot be sent. */
  keyItemOf: (data: Record<string, string>) => string | null,
): Promise<RunOutcome> {
  const { context, store, sending } = deps;
  const selectionId = run.selectionId!;
  const skipped = leaveOutKeyed(deps, automation, run, selectionId, keyItemOf);
  const selections = new RunSelectionStore(context.database.sqlite);
  if (selections.contactCount(selectionId) === 0 && !run.runMailingId) {
    // Nobody to mail (no birthday today, every voucher sent before): no mailing copy either.
    store.updateRun(run.id, { recipients: 0, credits: 0, skipped });
    return { ok: true };
  }
  let runMailingId = run.runMailingId;
  if (!runMailingId) {
    const copy = context.mailings.copy(automation.mailingId);
    selections.attach(copy.id, selectionId);
    // Activation stood in for the test mail: the copy is the activated content itself.
    context.mailings.markTested(copy.id, Math.max(context.clock.now(), copy.contentChangedAt));
    runMailingId = copy.id;
    store.updateRun(run.id, { runMailingId });
  }

  const resolved = resolveRecipients(context, runMailingId);
  const perMail = CREDITS_PER_MAIL[context.mailings.get(runMailingId).type];
  const recipients = resolved.recipients.length;
  const credits = recipients * perMail;
  const allSkipped = {
    ...skipped,
    duplicates: resolved.skipped.duplicates.length,
    suppressed: resolved.skipped.suppressed.length,
    recentlyMailed: resolved.skipped.recentlyMailed.length,
  };
  store.updateRun(run.id, { recipients, credits, skipped: allSkipped });
  const { maxRecipients, maxCredits } = automation.settings;
  if (recipients > maxRecipients || credits > maxCredits) {
    return {
      ok: false,
      pause: true,
      reason: {
        key: 'automations:reasons.capExceeded',
        params: { recipients, credits, maxRecipients, maxCredits },
      },
    };
  }
  if (recipients === 0) return { ok: true };

  const keys = resolved.recipients.flatMap((r) => {
    const item = keyItemOf(r.data);
    return item === null ? [] : [{ email: r.normalizedEmail, item }];
  });
  store.claimKeys(automation.id, run.id, keys);
  try {
    const started = await sending.startSend({
      mailingId: runMailingId,
      confirmed: automation.confirmed,
      idempotencyKey: `automation-run:${run.id}`,
    });
    store.updateRun(run.id, {
      state: 'sending',
      sendId: started.sendId,
      recipients: started.recipients,
      credits: started.credits,
    });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    store.releaseKeys(run.id);
    return {
      ok: false,
      pause: true,
      reason: { key: error.key ?? 'automations:reasons.error', params: error.params ?? {} },
    };
  }
}

/**
 * Takes out of the run's selection whoever another run already sent this item (a voucher still
 * unredeemed in the next export) and whoever has no item at all; returns how many of each.
 */
function leaveOutKeyed(
  deps: RunSendDeps,
  automation: AutomationRow,
  run: RunRow,
  selectionId: string,
  keyItemOf: (data: Record<string, string>) => string | null,
): { alreadySent: number; noKey: number } {
  const selections = new RunSelectionStore(deps.context.database.sqlite);
  const held = deps.store.heldByOtherRun(automation.id, run.id);
  const leaveOut: number[] = [];
  let alreadySent = 0;
  let noKey = 0;
  for (const contact of selections.keyedContacts(selectionId)) {
    const item = keyItemOf(JSON.parse(contact.data) as Record<string, string>);
    if (item === null) noKey += 1;
    else if (held(contact.email, item)) alreadySent += 1;
    else continue;
    leaveOut.push(contact.id);
  }
  selections.removeContacts(selectionId, leaveOut);
  const before = run.skipped;
  // A resumed run removed some already; the counts add up over both passes.
  return {
    alreadySent: alreadySent + (before.alreadySent ?? 0),
    noKey: noKey + (before.noKey ?? 0),
  };
}
