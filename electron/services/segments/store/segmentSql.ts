import type { SegmentConditionT, SegmentT } from '../../../contract/segments';
import { parseDutchDate } from '../../../contract/plain/columnValues';
import { lowered, type SelectionColumns } from '../cellTypes';

export type SqlParams = Record<string, string | number>;

/** Never true: a condition on a column this selection lacks, or of another type. */
const NONE = '0';

/**
 * A segment as a WHERE clause over one selection's `contacts c` joined with their typed cells
 * `contact_fields f`: plain comparisons of typed slots, never a parse per row. Values go into
 * `params` as named parameters.
 */
export function segmentWhere(
  segment: SegmentT,
  columns: SelectionColumns,
  params: SqlParams,
): string {
  let next = 0;
  const param = (value: string | number) => {
    const name = `seg${(next += 1)}`;
    params[name] = value;
    return `@${name}`;
  };
  const slotOf = (column: string, type: 'number' | 'date' | 'text' | 'any') => {
    const info = columns[column];
    if (!info?.slot || (type !== 'any' && info.type !== type)) return null;
    return `f.${info.slot}`;
  };
  const person = (mailingId: string, test: string) =>
    `c.normalized_email in (select sj.normalized_email from send_jobs sj
      where sj.mailing_id = ${param(mailingId)} and sj.state = 'sent' and ${test})`;
  const humanAction = (column: string) =>
    `exists (select 1 from stats_recipients sr where sr.mailing_id = sj.mailing_id
      and sr.recipient_id = sj.recipient_id and sr.${column})`;

  const condition = (c: SegmentConditionT): string => {
    switch (c.kind) {
      case 'number': {
        const slot = slotOf(c.column, 'number');
        if (!slot) return NONE;
        if (c.op === 'between') {
          const [low, high] = [c.value, c.to ?? c.value].sort((a, b) => a - b);
          return `${slot} between ${param(low!)} and ${param(high!)}`;
        }
        return `${slot} ${{ gte: '>=', lte: '<=', eq: '=' }[c.op]} ${param(c.value)}`;
      }
      case 'text': {
        const slot = slotOf(c.column, c.op === 'empty' || c.op === 'notEmpty' ? 'any' : 'text');
        // A column this selection lacks is empty for all of its contacts.
        if (!slot) return c.op === 'empty' && !columns[c.column] ? '1' : NONE;
        if (c.op === 'empty') return `${slot} is null`;
        if (c.op === 'notEmpty') return `${slot} is not null`;
        if (c.op === 'is') return `${slot} = ${param(lowered(c.value))}`;
        return `instr(${slot}, ${param(lowered(c.value))}) > 0`;
      }
      case 'date': {
        const slot = slotOf(c.column, 'date');
        if (!slot) return NONE;
        // Days are stored as yyyymmdd.
        if (c.op === 'inMonth')
          return `cast(${slot} as integer) / 100 % 100 = ${param(c.month ?? 0)}`;
        const day = param(parseDutchDate(c.day ?? '') ?? 0);
        return `${slot} ${c.op === 'before' ? '<' : '>'} ${day}`;
      }
      case 'behaviour':
        // opened_at is the first open or click by a person; machine opens only set machine_at.
        if (c.op === 'opened') return person(c.mailingId, humanAction('opened_at is not null'));
        if (c.op === 'clicked') return person(c.mailingId, humanAction('clicks > 0'));
        return person(c.mailingId, `not ${humanAction('opened_at is not null')}`);
    }
  };
  const joiner = segment.match === 'all' ? ' and ' : ' or ';
  return `(${segment.conditions.map((c) => `(${condition(c)})`).join(joiner)})`;
}
