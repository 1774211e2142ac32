import { isUsable } from '../selections/ages';
import type { RecipientsAnswer } from '../selections/recipients';
import type { Check } from './check';

/** Step 2 (Selecties): something attached, and nothing older than two months. */
export function selectionCheck(
  attached: readonly { description: string; createdAt: number }[],
  now: number,
): Check {
  if (attached.length === 0) return { id: 'selections', status: 'fail', outcome: 'none' };
  const old = attached.filter((s) => !isUsable(s.createdAt, now));
  if (old.length > 0) {
    return {
      id: 'selections',
      status: 'fail',
      outcome: 'tooOld',
      params: { names: old.map((s) => s.description).join(', ') },
    };
  }
  return { id: 'selections', status: 'ok', outcome: 'ok', params: { count: attached.length } };
}

/** Who the mailing reaches, and who was left out and why. */
export function recipientsCheck(resolved: RecipientsAnswer): Check {
  const count = resolved.recipients.length;
  const params = {
    duplicates: resolved.skipped.duplicates.length,
    suppressed: resolved.skipped.suppressed.length,
    recentlyMailed: resolved.skipped.recentlyMailed.length,
    hours: resolved.fairUseHours,
  };
  return count > 0
    ? { id: 'recipients', status: 'ok', outcome: 'ok', params: { count, ...params } }
    : { id: 'recipients', status: 'fail', outcome: 'none', params };
}

/** Credits for everyone at the mailing's price; without a linked account nothing can go. */
export function creditsCheck(credits: {
  needed: number;
  perMail: number;
  available: number | null;
}): Check {
  const { needed, perMail, available } = credits;
  if (available === null) return { id: 'account', status: 'fail', outcome: 'missing' };
  const params = { needed, available, perMail };
  return available >= needed
    ? { id: 'credits', status: 'ok', outcome: 'ok', params }
    : { id: 'credits', status: 'fail', outcome: 'short', params };
}
