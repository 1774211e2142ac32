import type { AppContext } from '../core/appContext';
import { HOUR } from '../core/clock';
import type { ResolvedRecipients } from '../selections/recipients';
import { IncrementalRecipients } from './incrementalRecipients';
import { installRecipientsVersion } from './recipientsVersionStore';

/** Safety net for anything the version does not see (another connection, a clock set back). */
export const RECIPIENTS_MAX_AGE_MS = 60_000;
/** Each entry can hold 100,000 contacts' data; a handful of mailings open at once is plenty. */
const MAX_ENTRIES = 4;

interface Entry {
  version: number;
  fairUseHours: number;
  computedAt: number;
  validUntil: number;
  resolved: ResolvedRecipients;
}

/**
 * Resolving from scratch takes ~0.5 s at 100,000 contacts (~30 ms from IncrementalRecipients'
 * kept contacts, which hold addresses only) and step 3 (Selecties) asks on every visit, so the
 * answer is kept per mailing until a write that could change it (see recipientsVersion), the
 * fair-use setting changes, a recently mailed contact leaves the fair-use window, or it is a
 * minute old. The checklist stages its own answer in SQL and keeps nothing.
 */
export class RecipientsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly version: () => number;

  constructor(
    private readonly context: AppContext,
    private readonly resolve: (mailingId: string) => ResolvedRecipients,
    private readonly release: (mailingId: string) => void = () => {},
  ) {
    this.version = installRecipientsVersion(context.database.sqlite);
  }

  /** Drops the mailing's answer and what it was built from (its send is starting). */
  forget(mailingId: string): void {
    this.entries.delete(mailingId);
    this.release(mailingId);
  }

  get(mailingId: string): ResolvedRecipients {
    const now = this.context.clock.now();
    const version = this.version();
    const fairUseHours = this.context.settings.read().limits.fairUseHours;
    const cached = this.entries.get(mailingId);
    if (
      cached &&
      cached.version === version &&
      cached.fairUseHours === fairUseHours &&
      now >= cached.computedAt &&
      now < cached.validUntil
    ) {
      // Most recently used last, so the oldest entry is the one dropped.
      this.entries.delete(mailingId);
      this.entries.set(mailingId, cached);
      return cached.resolved;
    }
    const resolved = this.resolve(mailingId);
    this.entries.delete(mailingId);
    this.entries.set(mailingId, {
      version,
      fairUseHours: resolved.fairUseHours,
      computedAt: now,
      validUntil: Math.min(now + RECIPIENTS_MAX_AGE_MS, fairUseEnds(resolved)),
      resolved,
    });
    if (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return resolved;
  }
}

const perApp = new WeakMap<AppContext, RecipientsCache>();

/** The one cache of an app, step 3's (send.start lets go of a mailing's entry). */
export function sharedRecipientsCache(context: AppContext): RecipientsCache {
  let cache = perApp.get(context);
  if (!cache) {
    const incremental = new IncrementalRecipients(context);
    cache = new RecipientsCache(
      context,
      (id) => incremental.resolve(id),
      (id) => incremental.forget(id),
    );
    perApp.set(context, cache);
  }
  return cache;
}

/** The first moment a contact skipped for fair use may be mailed again (its detail is sentAt). */
function fairUseEnds(resolved: ResolvedRecipients): number {
  let first = Infinity;
  for (const skipped of resolved.skipped.recentlyMailed) {
    const sentAt = Date.parse(skipped.detail);
    first = Math.min(first, Number.isNaN(sentAt) ? -Infinity : sentAt);
  }
  return first + resolved.fairUseHours * HOUR;
}
