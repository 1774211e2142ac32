import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { SelectionSummaryT } from '../../contract/selections';
import type { AppContext } from '../core/appContext';
import { isUsable, removedAt, usableUntil } from './ages';
import { columnsOf, type SelectionColumns } from '../segments/typedValues';

interface SelectionRow {
  id: string;
  createdAt: number;
  description: string;
  fileName: string;
  count: number;
  consentConfirmedAt: number;
  extraColumns: string;
  mapping: string;
  columnTypes: string | null;
}

const COLUMNS = `id, created_at as createdAt, description, file_name as fileName, count,
  consent_confirmed_at as consentConfirmedAt, extra_columns as extraColumns, mapping,
  (select types from selection_column_types where selection_id = selections.id) as columnTypes`;

function summary(row: SelectionRow, now: number): SelectionSummaryT {
  return {
    id: row.id,
    createdAt: row.createdAt,
    description: row.description,
    fileName: row.fileName,
    count: row.count,
    usable: isUsable(row.createdAt, now),
    usableUntil: usableUntil(row.createdAt),
    removedAt: removedAt(row.createdAt),
    columns: Object.entries(
      row.columnTypes ? (JSON.parse(row.columnTypes) as SelectionColumns) : {},
    ).map(([name, info]) => ({ name, type: info.type })),
  };
}

/** The selections still kept (three months), newest first. */
export function listSelections(context: AppContext): SelectionSummaryT[] {
  const now = context.clock.now();
  const rows = context.database.sqlite
    .prepare(`select ${COLUMNS} from selections order by created_at desc, id`)
    .all() as SelectionRow[];
  return rows.filter((r) => removedAt(r.createdAt) > now).map((r) => summary(r, now));
}

export function findSelection(context: AppContext, id: string): SelectionRow {
  const row = context.database.sqlite
    .prepare(`select ${COLUMNS} from selections where id = ?`)
    .get(id) as SelectionRow | undefined;
  if (!row || removedAt(row.createdAt) <= context.clock.now())
    throw new DomainError(ERROR_CODES.notFound, 'No such selection', 'selections:errors.notFound');
  return row;
}

export function getSelection(
  context: AppContext,
  input: { id: string; limit: number; offset: number },
) {
  const row = findSelection(context, input.id);
  const contacts = context.database.sqlite
    .prepare(
      `select id, email, row_number as rowNumber, data from contacts where selection_id = ?
       order by row_number limit ? offset ?`,
    )
    .all(input.id, input.limit, input.offset) as {
    id: number;
    email: string;
    rowNumber: number;
    data: string;
  }[];
  const mapping = JSON.parse(row.mapping) as { target: string; variable: string }[];
  const variables = mapping
    .filter((c) => c.target !== 'ignore')
    .map((c) => (c.target === 'extra' ? c.variable : c.target));
  return {
    ...summary(row, context.clock.now()),
    consentConfirmedAt: row.consentConfirmedAt,
    variables,
    columnTypes: Object.fromEntries(
      Object.entries(columnsOf(context.database.sqlite, [row.id]).get(row.id) ?? {}).map(
        ([name, info]) => [name, info.type],
      ),
    ),
    contacts: contacts.map((c) => ({ ...c, data: JSON.parse(c.data) as Record<string, string> })),
  };
}
