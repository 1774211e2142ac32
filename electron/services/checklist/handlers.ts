import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import { MANUAL_CHECKS } from '../../contract/checklist';
import type { HandlerImpls } from '../core/handlerTable';
import type { RecipientsAnswer } from '../selections/recipients';
import { StagedRecipients } from '../selections/recipientsStaging';
import { computeChecklist, type ChecklistDeps, type ChecklistOptions } from './checklist';

export function createChecklistHandlers(
  context: AppContext,
  deps: ChecklistDeps,
): Pick<HandlerImpls, 'checklist.get'> {
  return {
    // Staged in SQL on every visit, as send.start does: ~150 ms CPU at 100,000 recipients and
    // nothing kept afterwards (an answer kept in memory held ~85 MB until the send started).
    'checklist.get': async ({ mailingId }) => {
      const staged = await StagedRecipients.stage(context, mailingId);
      try {
        return await computeChecklist(context, mailingId, deps, () => staged);
      } finally {
        staged.dispose();
      }
    },
  };
}

/**
 * send.start's gate: the same checklist, nothing failing, every manual item ticked. It resolves
 * the recipients afresh (no cache): it runs once per send and must not pass on an old answer.
 */
export async function checklistGuard(
  context: AppContext,
  deps: ChecklistDeps,
  mailingId: string,
  confirmed: readonly string[],
  /** Resolves afresh by default; send.start passes its own fresh resolver to keep the answer. */
  recipientsOf?: (mailingId: string) => RecipientsAnswer,
  options: ChecklistOptions = {},
): Promise<void> {
  refuseUnticked(confirmed);
  const checklist = await computeChecklist(context, mailingId, deps, recipientsOf, options);
  const failing = checklist.items.filter((i) => i.status === 'fail');
  if (failing.length > 0) {
    throw new DomainError(
      ERROR_CODES.conflict,
      `The checklist fails: ${failing.map((i) => i.id).join(', ')}`,
      'sending:errors.checklistFails',
      { items: failing.map((i) => i.id).join(', ') },
    );
  }
}

/** Every manual item of the checklist must be ticked before anything of a send is done. */
export function refuseUnticked(confirmed: readonly string[]): void {
  const missing = MANUAL_CHECKS.filter((id) => !confirmed.includes(id));
  if (missing.length > 0) {
    throw new DomainError(
      ERROR_CODES.conflict,
      `Not ticked: ${missing.join(', ')}`,
      'sending:errors.manualNotTicked',
    );
  }
}
