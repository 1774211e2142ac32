import type { RecipientCounters } from './peopleCounts';

export const OUTCOME_KINDS = ['unsubscribe', 'complaint', 'bounce_hard', 'bounce_soft'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const isOutcomeKind = (kind: string): kind is OutcomeKind =>
  (OUTCOME_KINDS as readonly string[]).includes(kind);

/** What a recipient's row says about unsubscribing, complaining and bouncing. */
export interface Outcome {
  unsubscribedAt: number | null;
  complainedAt: number | null;
  bounce: RecipientCounters['bounce'];
  bounceAt: number | null;
  bounceDetail: string | null;
}

export const NO_OUTCOME: Outcome = {
  unsubscribedAt: null,
  complainedAt: null,
  bounce: null,
  bounceAt: null,
  bounceDetail: null,
};

/**
 * One more unsubscribe, complaint or bounce event of a recipient: the first unsubscribe and
 * complaint are kept; a hard bounce outranks a soft one (and the latest hard one is shown), a
 * soft one counts only while there is none.
 */
export function withOutcome(
  before: Outcome,
  event: { kind: OutcomeKind; at: number; detail: string },
): Outcome {
  const bounce =
    event.kind === 'bounce_hard' ? 'hard' : event.kind === 'bounce_soft' ? 'soft' : null;
  const replacesBounce = bounce !== null && (bounce === 'hard' || before.bounce === null);
  return {
    unsubscribedAt: before.unsubscribedAt ?? (event.kind === 'unsubscribe' ? event.at : null),
    complainedAt: before.complainedAt ?? (event.kind === 'complaint' ? event.at : null),
    bounce: replacesBounce ? bounce : before.bounce,
    bounceAt: replacesBounce ? event.at : before.bounceAt,
    bounceDetail: replacesBounce ? event.detail : before.bounceDetail,
  };
}

/**
 * After an event was undone: the bounce is the first hard one left, else the first soft one; the
 * complaint the first one left. Unsubscribing is never undone here (the block list keeps it).
 */
export function outcomeOfRemaining(
  before: Outcome,
  remaining: {
    bounce: { kind: string; at: number; detail: string } | undefined;
    firstComplaintAt: number | null;
  },
): Outcome {
  const { bounce } = remaining;
  return {
    unsubscribedAt: before.unsubscribedAt,
    complainedAt: remaining.firstComplaintAt,
    bounce: bounce ? (bounce.kind === 'bounce_hard' ? 'hard' : 'soft') : null,
    bounceAt: bounce?.at ?? null,
    bounceDetail: bounce?.detail ?? null,
  };
}
