import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import { MANUAL_CHECKS } from '../../contract/checklist';
import type { MailingT } from '../../contract/mailings';
import { SAMPLE_DATA } from '../render/variables';
import { computeChecklist, type ChecklistDeps } from '../checklist/checklist';
import type { ResolvedRecipients } from '../selections/recipients';
import { RunSelectionStore } from './runSelectionStore';
import { matchesPattern } from './timeWindow';

export type ActivationDeps = ChecklistDeps;

/** Items about the selection: each run brings its own (the till file), checked when it runs. */
const PER_RUN_ITEMS = new Set(['selections', 'recipients']);

/**
 * Activation runs the full checklist on the mailing with the preview's sample customer (who has a
 * barcode and an amount) standing in for the file, and wants every manual item confirmed once.
 * The test mail after the last change is required here; the runs then skip it.
 */
export async function activationProblems(
  context: AppContext,
  deps: ActivationDeps,
  mailing: MailingT,
  confirmed: readonly string[],
  /** The till files' name pattern: the newest selection imported from such a file is the sample. */
  folderPattern?: string,
): Promise<DomainError | null> {
  const missing = MANUAL_CHECKS.filter((id) => !confirmed.includes(id));
  if (missing.length > 0)
    return new DomainError(
      ERROR_CODES.conflict,
      `Not confirmed: ${missing.join(', ')}`,
      'automations:errors.manualNotConfirmed',
    );
  const sample: ResolvedRecipients = {
    recipients: [
      {
        contactId: 0,
        email: SAMPLE_DATA.email!,
        normalizedEmail: SAMPLE_DATA.email!,
        data: SAMPLE_DATA,
      },
    ],
    skipped: { duplicates: [], suppressed: [], recentlyMailed: [] },
    fairUseHours: 0,
    outsideSegment: 0,
  };
  const earlier =
    folderPattern === undefined ? undefined : newestTillSelection(context, folderPattern);
  const checklist = await computeChecklist(context, mailing.id, deps, () => sample, {
    sampleSelectionIds: earlier ? [earlier] : [],
  });
  const failing = checklist.items.filter((i) => i.status === 'fail' && !PER_RUN_ITEMS.has(i.id));
  if (failing.length === 0) return null;
  return new DomainError(
    ERROR_CODES.conflict,
    `The checklist fails: ${failing.map((i) => i.id).join(', ')}`,
    'automations:errors.checklistFails',
    { items: failing.map((i) => i.id).join(', ') },
  );
}

/**
 * The newest selection imported from a file the pattern names (an earlier till export, by hand or
 * by a run): its columns are what the next exports bring, so [[filiaal]] counts as known. Without
 * one, each run's own checks still refuse an unknown variable before anything is sent.
 */
function newestTillSelection(context: AppContext, folderPattern: string): string | undefined {
  return new RunSelectionStore(context.database.sqlite)
    .recentFiles()
    .find((row) => matchesPattern(row.fileName, folderPattern))?.id;
}
