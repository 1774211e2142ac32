import type { ChecklistItemT } from '../../contract/checklist';
import type { MailingT } from '../../contract/mailings';
import { emptyVariables, type CompiledMailing } from '../render';
import { Turns } from '../core/turns';
import type { Recipient } from '../selections/recipients';
import type { AppContext } from '../core/appContext';
import { ChecklistStore } from './checklistStore';
import { eachStagedRange, valueQueries, type StagedTable } from './stagedReads';
import { fixes, item } from './items';

/** Without these a voucher cannot be cashed at the till: an empty one is a failure, not a note. */
export const VOUCHER_VARIABLES = ['waardebon_barcode', 'waardebon_bedrag'] as const;
const LISTED = 10;

export function hasVoucher(mailing: MailingT): boolean {
  return mailing.document.blocks.some((b) => b.type === 'voucher');
}

/**
 * A voucher mailing whose selection lacks a barcode or amount for some customers would send those
 * customers a voucher the till cannot scan ("Code: " and nothing after it). Counts them and names
 * the first few, so the shop can fix the export.
 */
export async function voucherItems(
  context: Pick<AppContext, 'database'>,
  mailing: MailingT,
  compiled: CompiledMailing,
  recipients: Iterable<Recipient>,
  staged: StagedTable | null = null,
): Promise<ChecklistItemT[]> {
  if (!hasVoucher(mailing)) return [];
  const fix = fixes.selections(mailing.id);
  const { lacking, fields } = staged
    ? await lackingStaged(context, compiled, staged)
    : await lackingInMemory(compiled, recipients);
  if (lacking.length === 0) {
    return [
      item(
        'voucherCodes',
        'ok',
        'Every voucher has its code and amount',
        'sending:checklist.voucherCodes.ok',
        fix,
      ),
    ];
  }
  // Only the barcode missing, and every reference number one a till can scan (EAN-13 or Code 128:
  // printable ASCII): the shop may choose to make the barcode from it, in the voucher block.
  const fromReference =
    !fields.has('waardebon_bedrag') &&
    lacking.every((r) => /^[\x20-\x7e]{1,48}$/.test((r.referentienummer ?? '').trim()));
  const names = lacking
    .map(describe)
    .sort((a, b) => a.localeCompare(b, 'nl'))
    .slice(0, LISTED);
  return [
    item(
      'voucherCodes',
      'fail',
      `${lacking.length} customers have no barcode or amount`,
      fromReference
        ? 'sending:checklist.voucherCodes.missingReferenceUsable'
        : 'sending:checklist.voucherCodes.missing',
      fromReference ? fixes.content(mailing.id) : fix,
      {
        count: lacking.length,
        fields: [...fields].map((f) => `[[${f}]]`).join(', '),
        list: names.join(', ') + (lacking.length > LISTED ? ', …' : ''),
      },
    ),
  ];
}

/** Who lacks a voucher variable: what the line names and tests of them. */
interface Lacking {
  email: string;
  naam: string | undefined;
  referentienummer: string | undefined;
}

function isVoucherVariable(name: string): boolean {
  return (VOUCHER_VARIABLES as readonly string[]).includes(name);
}

async function lackingInMemory(
  compiled: CompiledMailing,
  recipients: Iterable<Recipient>,
): Promise<{ lacking: Lacking[]; fields: Set<string> }> {
  const lacking: Lacking[] = [];
  const fields = new Set<string>();
  const turns = new Turns();
  for (const recipient of recipients) {
    await turns.pause();
    const empty = emptyVariables(compiled, recipient.data).filter(isVoucherVariable);
    if (empty.length === 0) continue;
    const { naam, referentienummer } = recipient.data;
    lacking.push({ email: recipient.email, naam, referentienummer });
    for (const name of empty) fields.add(name);
  }
  return { lacking, fields };
}

/** The same over a send's staged recipients: only those lacking something leave SQLite. */
async function lackingStaged(
  context: Pick<AppContext, 'database'>,
  compiled: CompiledMailing,
  staged: StagedTable,
): Promise<{ lacking: Lacking[]; fields: Set<string> }> {
  const names = compiled.variables
    .filter((v) => v.withoutFallback && isVoucherVariable(v.name))
    .map((v) => v.name);
  const read = new ChecklistStore(context.database.sqlite).lackingReader(
    staged.table,
    valueQueries(compiled, names),
  );
  const lacking: Lacking[] = [];
  const fields = new Set<string>();
  if (names.length > 0)
    await eachStagedRange(staged, read, (rows) => {
      for (const row of rows) {
        lacking.push({ email: row.email, naam: row.naam, referentienummer: row.referentienummer });
        names.forEach((name, i) => {
          if (row.empty[i]) fields.add(name);
        });
      }
    });
  return { lacking, fields };
}

function describe(recipient: Lacking): string {
  const name = (recipient.naam ?? '').trim();
  return name === '' ? recipient.email : `${name} (${recipient.email})`;
}
