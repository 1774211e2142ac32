import type { ChannelInput } from '../../../../../../electron/contract';
import {
  isoDay,
  parseDutchDate,
  parseDutchNumber,
  type ColumnType,
} from '../../../../../../electron/contract/plain/columnValues';

type Segment = NonNullable<ChannelInput<'mailings.setSegment'>['segment']>;
type Condition = Segment['conditions'][number];

/** The column a behaviour condition "uses": an earlier mailing instead of a column. */
export const BEHAVIOUR = '@gedrag';

export type ConditionKind = ColumnType | 'behaviour';

export const OPERATORS: Record<ConditionKind, readonly string[]> = {
  number: ['gte', 'lte', 'eq', 'between'],
  text: ['is', 'contains', 'empty', 'notEmpty'],
  date: ['inMonth', 'before', 'after'],
  behaviour: ['opened', 'clicked', 'notOpened'],
};

/** One condition as the shop types it: values stay text until they read as a number or date. */
export interface DraftCondition {
  key: number;
  column: string;
  kind: ConditionKind;
  op: string;
  value: string;
  to: string;
}

export interface Draft {
  match: 'all' | 'any';
  conditions: DraftCondition[];
}

let nextKey = 0;
export const newKey = () => (nextKey += 1);

export function newCondition(column: string, kind: ConditionKind): DraftCondition {
  return { key: newKey(), column, kind, op: OPERATORS[kind][0]!, value: '', to: '' };
}

/** A typed day for the contract ("17-05-1980" → "1980-05-17"), or null. */
const day = (text: string) => {
  const parsed = parseDutchDate(text);
  return parsed === null ? null : isoDay(parsed);
};

/** The condition the app can apply, or null while the shop has not filled it in yet. */
export function toCondition(d: DraftCondition): Condition | null {
  switch (d.kind) {
    case 'number': {
      const value = parseDutchNumber(d.value);
      const to = parseDutchNumber(d.to);
      if (value === null || (d.op === 'between' && to === null)) return null;
      return {
        kind: 'number',
        column: d.column,
        op: d.op as 'gte',
        value,
        ...(d.op === 'between' ? { to: to! } : {}),
      };
    }
    case 'text':
      if ((d.op === 'is' || d.op === 'contains') && d.value.trim() === '') return null;
      return { kind: 'text', column: d.column, op: d.op as 'is', value: d.value };
    case 'date': {
      if (d.op === 'inMonth')
        return d.value === ''
          ? null
          : { kind: 'date', column: d.column, op: 'inMonth', month: Number(d.value) };
      const parsed = day(d.value);
      return parsed === null
        ? null
        : { kind: 'date', column: d.column, op: d.op as 'before', day: parsed };
    }
    case 'behaviour':
      return d.value === ''
        ? null
        : { kind: 'behaviour', op: d.op as 'opened', mailingId: d.value };
  }
}

/** The segment of the complete conditions, or null when none is complete yet. */
export function toSegment(draft: Draft): Segment | null {
  const conditions = draft.conditions.map(toCondition).filter((c) => c !== null);
  return conditions.length === 0 ? null : { match: draft.match, conditions };
}

/** A stored segment back into editable conditions (numbers and days written the Dutch way). */
export function fromSegment(segment: Segment): Draft {
  // Always with a decimal comma: parseDutchNumber reads 1.234 as a thousand and more.
  const number = (n: number | undefined) =>
    n === undefined
      ? ''
      : n.toLocaleString('nl-NL', {
          useGrouping: false,
          maximumFractionDigits: 10,
        });
  const dutchDay = (iso: string | undefined) => (iso ? iso.split('-').reverse().join('-') : '');
  return {
    match: segment.match,
    conditions: segment.conditions.map((c): DraftCondition => {
      const base = { key: newKey(), op: c.op, to: '' };
      switch (c.kind) {
        case 'number':
          return {
            ...base,
            column: c.column,
            kind: 'number',
            value: number(c.value),
            to: number(c.to),
          };
        case 'text':
          return { ...base, column: c.column, kind: 'text', value: c.value ?? '' };
        case 'date':
          return {
            ...base,
            column: c.column,
            kind: 'date',
            value: c.op === 'inMonth' ? String(c.month ?? '') : dutchDay(c.day),
          };
        case 'behaviour':
          return { ...base, column: BEHAVIOUR, kind: 'behaviour', value: c.mailingId };
      }
    }),
  };
}
