import type { MailingT } from '../../contract/mailings';
import type { AppContext } from '../core/appContext';
import { Turns } from '../core/turns';
import { emptyVariables, type CompiledMailing } from '../render';
import type { RecipientList } from '../selections/recipients';
import type { Check } from './check';
import { ChecklistStore } from './checklistStore';
import { eachStagedRange, valueQueries, type StagedTable } from './stagedReads';
import { hasVoucher, VOUCHER_VARIABLES } from './voucherItems';

/** The variables whose emptiness the check counts: vouchers lacking theirs fail on their own line. */
function countedVariables(mailing: MailingT, compiled: CompiledMailing): string[] {
  const skipVoucher = hasVoucher(mailing);
  return compiled.variables
    .filter((v) => v.withoutFallback)
    .map((v) => v.name)
    .filter((name) => !(skipVoucher && (VOUCHER_VARIABLES as readonly string[]).includes(name)));
}

/** The line for step 4, from the empty counts in the order they were first met. */
function emptyValuesLine(empty: ReadonlyMap<string, number>): Check {
  if (empty.size === 0) return { id: 'emptyValues', status: 'ok', outcome: 'ok' };
  const list = [...empty].map(([name, count]) => `[[${name}]]: ${count}`).join(', ');
  return { id: 'emptyValues', status: 'warn', outcome: 'some', params: { list } };
}

/**
 * Counts empty variables over recipients held in memory: an automation's sample recipient. The
 * checklist page and send.start count over their staged recipients in SQL.
 */
export async function emptyValuesInMemory(
  mailing: MailingT,
  compiled: CompiledMailing,
  recipients: RecipientList,
): Promise<Check> {
  const counted = new Set(countedVariables(mailing, compiled));
  const empty = new Map<string, number>();
  // 100,000 recipients take a while: in turns, so the app stays responsive.
  const turns = new Turns();
  for (const { data } of recipients) {
    await turns.pause();
    for (const name of emptyVariables(compiled, data)) {
      if (counted.has(name)) empty.set(name, (empty.get(name) ?? 0) + 1);
    }
  }
  return emptyValuesLine(empty);
}

/**
 * The same line for a send's staged recipients, counted inside SQLite (ChecklistStore): only the
 * mailing's variables are read out of each contact's JSON, so send.start makes no object per
 * recipient. The variables come in the order the in-memory pass meets them: by the first
 * recipient lacking each, then by their place in the mailing.
 */
export async function emptyValuesStaged(
  context: Pick<AppContext, 'database'>,
  mailing: MailingT,
  compiled: CompiledMailing,
  staged: StagedTable,
): Promise<Check> {
  const names = countedVariables(mailing, compiled);
  const counter = new ChecklistStore(context.database.sqlite).emptyValueCounter(
    staged.table,
    valueQueries(compiled, names),
  );
  const totals = names.map((name, index) => ({ name, index, count: 0, firstSeq: Infinity }));
  if (names.length > 0)
    await eachStagedRange(staged, counter, (ranges) =>
      ranges.forEach((range, i) => {
        const total = totals[i]!;
        total.count += range.count;
        if (range.firstSeq !== null) total.firstSeq = Math.min(total.firstSeq, range.firstSeq);
      }),
    );
  const found = totals
    .filter((t) => t.count > 0)
    .sort((a, b) => a.firstSeq - b.firstSeq || a.index - b.index);
  return emptyValuesLine(new Map(found.map((t) => [t.name, t.count])));
}
