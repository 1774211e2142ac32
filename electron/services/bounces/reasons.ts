/**
 * Stage one of the classification: why a message came back, in sisimai's taxonomy of bounce
 * reasons (https://libsisimai.org/en/reason/). Stage two (`actionFor`) turns a reason into what
 * the app does about it. Both are pure, so each is testable on its own.
 */
/** Refusals about the sender (its address, IP, domain, authentication or content), not the customer. */
const SENDER_SIDE_REASONS = [
  'blocked',
  'spamdetected',
  'policyviolation',
  'authfailure',
  'badreputation',
  'requireptr',
  'norelaying',
  'rejected',
  'securityerror',
] as const;

export const BOUNCE_REASONS = [
  'userunknown',
  'hostunknown',
  'hasmoved',
  'mailboxfull',
  'exceedlimit',
  'suspend',
  'filtered',
  'expired',
  ...SENDER_SIDE_REASONS,
  'toomanyconn',
  'speeding',
  'systemerror',
  'networkerror',
  'contenterror',
  'virusdetected',
  'feedback',
  'vacation',
  'delivered',
  'undefined',
] as const;

export type BounceReason = (typeof BOUNCE_REASONS)[number];

/**
 * suppress: the address is gone for good; pause: the receiving side refuses the shop as a
 * sender, so every further mail to it would fail too; soft: counted, three in a row suppress;
 * unsubscribe: the customer asked to stop; none: nothing to do (auto-replies, delivery notices).
 */
export type BounceAction = 'suppress' | 'pause' | 'soft' | 'unsubscribe' | 'none';

const SUPPRESS: ReadonlySet<BounceReason> = new Set(['userunknown', 'hostunknown', 'hasmoved']);

const PAUSE: ReadonlySet<BounceReason> = new Set(SENDER_SIDE_REASONS);

export function actionFor(reason: BounceReason): BounceAction {
  if (SUPPRESS.has(reason)) return 'suppress';
  if (PAUSE.has(reason)) return 'pause';
  if (reason === 'feedback') return 'unsubscribe';
  if (reason === 'vacation' || reason === 'delivered') return 'none';
  return 'soft';
}

export function isSenderSide(reason: BounceReason): boolean {
  return PAUSE.has(reason);
}
