import type { SegmentConditionT, SegmentT } from '../../contract/segments';
import { parseDutchDate } from '../../contract/plain/columnValues';
import { lowered } from './typedValues';

export type SqlParams = Record<string, string | number>;

/**
 * A segment as a WHERE clause over `contacts c`. Each condition is `c.id in (…)` over the typed
 * values (an uncorrelated subquery SQLite runs once, on the partial indexes), so a condition costs
 * an index range plus one look-up per contact, never a parse. `selections` is the SQL naming the
 * selection ids the subqueries may read (the caller's parameters).
 */
export function segmentWhere(segment: SegmentT, selections: string, params: SqlParams): string {
  let next = 0;
  const param = (value: string | number) => {
    const name = `seg${(next += 1)}`;
    params[name] = value;
    return `@${name}`;
  };
  const values = (column: string, test: string) =>
    `c.id in (select contact_id from contact_values where selection_id in (${selections})
      and column = ${param(column)} and ${test})`;
  const person = (mailingId: string, test: string) =>
    `c.normalized_email in (select sj.normalized_email from send_jobs sj
      where sj.mailing_id = ${param(mailingId)} and sj.state = 'sent' and ${test})`;
  const humanAction = (column: string) =>
    `exists (select 1 from stats_recipients sr where sr.mailing_id = sj.mailing_id
      and sr.recipient_id = sj.recipient_id and sr.${column})`;

  const condition = (c: SegmentConditionT): string => {
    switch (c.kind) {
      case 'number':
        if (c.op === 'between') {
          const [low, high] = [c.value, c.to ?? c.value].sort((a, b) => a - b);
          return values(c.column, `number between ${param(low!)} and ${param(high!)}`);
        }
        return values(
          c.column,
          `number ${{ gte: '>=', lte: '<=', eq: '=' }[c.op]} ${param(c.value)}`,
        );
      case 'text':
        if (c.op === 'notEmpty') return values(c.column, '1');
        if (c.op === 'empty') return `not ${values(c.column, '1')}`;
        if (c.op === 'is') return values(c.column, `lowered = ${param(lowered(c.value))}`);
        return values(c.column, `instr(lowered, ${param(lowered(c.value))}) > 0`);
      case 'date':
        if (c.op === 'inMonth')
          return values(c.column, `day is not null and day / 100 % 100 = ${param(c.month ?? 0)}`);
        return values(
          c.column,
          `day ${c.op === 'before' ? '<' : '>'} ${param(parseDutchDate(c.day ?? '') ?? 0)}`,
        );
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
