import { z } from 'zod';
import { channel } from './channel';
import { Empty, Id, Ok, Timestamp } from './common';
import { RecipientsSummary } from './selections';

export const ColumnTypeSchema = z.enum(['number', 'date', 'text']);

const Column = z.string().min(1).max(200);
const Amount = z.number().finite();
/** A calendar day, yyyy-mm-dd. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'segments:errors.date' });

export const NumberCondition = z.object({
  kind: z.literal('number'),
  column: Column,
  op: z.enum(['gte', 'lte', 'eq', 'between']),
  value: Amount,
  /** The upper bound of "between" (inclusive). */
  to: Amount.optional(),
});
export const TextCondition = z.object({
  kind: z.literal('text'),
  column: Column,
  op: z.enum(['is', 'contains', 'empty', 'notEmpty']),
  value: z.string().max(200).default(''),
});
export const DateCondition = z.object({
  kind: z.literal('date'),
  column: Column,
  op: z.enum(['before', 'after', 'inMonth']),
  /** before/after: a day (yyyy-mm-dd); inMonth: none, see month. */
  day: Day.optional(),
  month: z.number().int().min(1).max(12).optional(),
});
/** Opened or clicked by a person (machine opens and link scanners never count). */
export const BehaviourCondition = z.object({
  kind: z.literal('behaviour'),
  op: z.enum(['opened', 'clicked', 'notOpened']),
  mailingId: Id,
});

export const SegmentCondition = z
  .discriminatedUnion('kind', [NumberCondition, TextCondition, DateCondition, BehaviourCondition])
  .superRefine((c, ctx) => {
    const missing = () =>
      ctx.addIssue({ code: 'custom', message: 'segments:errors.incomplete', path: [] });
    if (c.kind === 'number' && c.op === 'between' && c.to === undefined) missing();
    if (c.kind === 'text' && (c.op === 'is' || c.op === 'contains') && c.value.trim() === '')
      missing();
    if (c.kind === 'date' && c.op === 'inMonth' && c.month === undefined) missing();
    if (c.kind === 'date' && c.op !== 'inMonth' && c.day === undefined) missing();
  });
export type SegmentConditionT = z.infer<typeof SegmentCondition>;

/** Conditions on the columns of a mailing's selections: all must hold, or any one. */
export const Segment = z.object({
  match: z.enum(['all', 'any']),
  conditions: z.array(SegmentCondition).min(1).max(20),
});
export type SegmentT = z.infer<typeof Segment>;

export const SegmentColumn = z.object({ name: z.string(), type: ColumnTypeSchema });

export const SavedSegment = z.object({
  id: Id,
  name: z.string(),
  segment: Segment,
  updatedAt: Timestamp,
});
export type SavedSegmentT = z.infer<typeof SavedSegment>;

export const MailingSegment = z.object({
  segment: Segment.nullable(),
  /** The columns of the attached selections with their types (text where they disagree). */
  columns: z.array(SegmentColumn),
  /** Earlier sent mailings, for the behaviour conditions (newest first). */
  sentMailings: z.array(z.object({ id: Id, subject: z.string(), sentAt: Timestamp })),
});

const SegmentName = z
  .string()
  .trim()
  .min(1, { message: 'segments:errors.name' })
  .max(100, { message: 'segments:errors.name' });

export const segmentsChannels = {
  /** Step 3: the mailing's segment and what its conditions can use. */
  'mailings.segment': channel(z.object({ id: Id }).strict(), MailingSegment),
  /** Step 3: narrows the mailing's selections (null: everyone in them); answers the new count. */
  'mailings.setSegment': channel(
    z.object({ id: Id, segment: Segment.nullable() }).strict(),
    RecipientsSummary,
  ),
  'segments.list': channel(Empty, z.array(SavedSegment)),
  /** Saves under a name; the same name again replaces that segment. */
  'segments.save': channel(
    z.object({ name: SegmentName, segment: Segment }).strict(),
    SavedSegment,
  ),
  'segments.delete': channel(z.object({ id: Id }).strict(), Ok),
};
