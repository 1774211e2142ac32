import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import { isUsable } from '../selections/ages';
import type { AutomationStore, RunRow } from './automationStore';
import { BIRTH_DATE_VARIABLE, celebratesOn, parseBirthDate } from './birthDate';

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

interface SourceSelection {
  id: string;
  description: string;
  mapping: string;
  extra_columns: string;
  consent_confirmed_at: number;
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
  const sqlite = context.database.sqlite;
  const now = context.clock.now();
  const source = (
    sqlite
      .prepare(
        `select id, description, mapping, extra_columns, consent_confirmed_at, created_at
         from selections
         where id not in (select selection_id from automation_runs where selection_id is not null)
         order by created_at desc, id`,
      )
      .all() as (SourceSelection & { created_at: number })[]
  ).find(
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
  const contacts = sqlite
    .prepare(
      'select email, normalized_email, data, row_number from contacts where selection_id = ?',
    )
    .all(source.id) as {
    email: string;
    normalized_email: string;
    data: string;
    row_number: number;
  }[];
  const celebrating = contacts.filter((c) => {
    const birth = parseBirthDate(
      (JSON.parse(c.data) as Record<string, string>)[BIRTH_DATE_VARIABLE],
    );
    return birth !== null && celebratesOn(birth, { year, month, day });
  });
  const selectionId = `bday-${run.id}`;
  const insertContact = sqlite.prepare(
    `insert into contacts (selection_id, email, normalized_email, data, row_number)
     values (?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `insert into selections (id, description, file_name, created_at, mapping, extra_columns,
           count, consent_confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        selectionId,
        `${source.description} (${run.sourceKey})`,
        '',
        now,
        source.mapping,
        source.extra_columns,
        celebrating.length,
        source.consent_confirmed_at,
      );
    for (const c of celebrating)
      insertContact.run(selectionId, c.email, c.normalized_email, c.data, c.row_number);
    store.updateRun(run.id, { selectionId, rows: celebrating.length, state: 'checking' });
  })();
}
