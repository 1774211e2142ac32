import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import { isUsable } from '../selections/ages';
import type { AutomationStore, RunRow } from './automationStore';
import { BIRTH_DATE_VARIABLE, celebratesOn, parseBirthDate } from './birthDate';
import { RunSelectionStore } from './runSelectionStore';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** YYYY-MM-DD: a birthday run's source key. */
  key: string;
}

/** The shop's calendar day of a moment (the computer's own time zone). */
export function localDate(at: number): LocalDate {
  const d = new Date(at);
  const [year, month, day] = [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  const key = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, key };
}

/** The calendar day `days` before (negative: after), at noon so summer time cannot skip a day. */
export function daysBefore(date: LocalDate, days: number): LocalDate {
  return localDate(new Date(date.year, date.month - 1, date.day - days, 12).getTime());
}

/**
 * The run's own selection: the contacts of the newest usable selection with birth dates (the
 * shop's own, never a run's) who
 * celebrate on the run's day, made and linked to the run in one transaction (a crash leaves the
 * run without a selection, and the next start makes it again).
 */
export function buildBirthdaySelection(
  context: AppContext,
  store: AutomationStore,
  run: RunRow,
): void {
  const selections = new RunSelectionStore(context.database.sqlite);
  const now = context.clock.now();
  const source = selections
    .shopSelections()
    .find(
      (s) =>
        isUsable(s.created_at, now) &&
        (JSON.parse(s.extra_columns) as string[]).includes(BIRTH_DATE_VARIABLE),
    );
  if (!source)
    throw new DomainError(
      ERROR_CODES.conflict,
      'No usable selection holds birth dates',
      'automations:reasons.noBirthdaySelection',
    );
  const [year, month, day] = run.sourceKey.split('-').map(Number) as [number, number, number];
  const celebrating = selections.contactsOf(source.id).filter((c) => {
    const birth = parseBirthDate(
      (JSON.parse(c.data) as Record<string, string>)[BIRTH_DATE_VARIABLE],
    );
    return birth !== null && celebratesOn(birth, { year, month, day });
  });
  const selectionId = `bday-${run.id}`;
  selections.transaction(() => {
    selections.insertSelection(
      {
        ...source,
        id: selectionId,
        description: `${source.description} (${run.sourceKey})`,
        createdAt: now,
      },
      celebrating,
    );
    store.updateRun(run.id, { selectionId, rows: celebrating.length, state: 'checking' });
  });
}
