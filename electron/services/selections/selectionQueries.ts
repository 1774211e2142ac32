import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { SelectionSummaryT } from '../../contract/selections';
import type { AppContext } from '../core/appContext';
import { isUsable, removedAt, usableUntil } from './ages';
import type { SelectionColumns } from '../segments/cellTypes';
import { columnsOf } from '../segments/store/typedCells';
import { selectionStoreOf, type SelectionRow } from './selectionStore';

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
  const rows = selectionStoreOf(context.database.sqlite).selections();
  return rows.filter((r) => removedAt(r.createdAt) > now).map((r) => summary(r, now));
}

export function findSelection(context: AppContext, id: string): SelectionRow {
  const row = selectionStoreOf(context.database.sqlite).selection(id);
  if (!row || removedAt(row.createdAt) <= context.clock.now())
    throw new DomainError(ERROR_CODES.notFound, 'No such selection', 'selections:errors.notFound');
  return row;
}

export function getSelection(
  context: AppContext,
  input: { id: string; limit: number; offset: number },
) {
  const row = findSelection(context, input.id);
  const contacts = selectionStoreOf(context.database.sqlite).contactsPage(
    input.id,
    input.limit,
    input.offset,
  );
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
    contacts,
  };
}
