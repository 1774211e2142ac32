import type { SyncStateT } from '../../contract/account';
import type { AppContext } from '../core/appContext';
import { linkedClient, SESSION_EXPIRED_KEY } from '../account/accountLink';
import { trackerErrorKey } from '../account/trackerErrors';
import { refreshCreditsFromTracker } from '../credits/creditsRefresh';
import { anonymiseExpiredDetails } from '../stats/retention';
import { confirmResubscribe } from '../suppression/resubscribe';
import { EventApplier } from './applyEvents';
import { cursorKey, readSyncState, writeSyncState } from './syncState';

export interface SyncOptions {
  /** Events per page asked from the tracker (its maximum is 10,000). */
  pageSize?: number;
  /**
   * Called for each re-subscription a person confirmed (request id); must be idempotent.
   * Default: confirmResubscribe (lifts the suppression).
   */
  onConfirm?: (requestId: string) => void | Promise<void>;
}

export const SYNC_INTERVAL_MS = 5 * 60_000;

/**
 * Pulls what happened at the tracker since the last cursor, page by page, and the credit balance.
 * One sync at a time: "Nu bijwerken" during a running sync runs once more after it. A failure (offline,
 * expired session) is recorded and reported; the cursor only moves with stored pages, so the next
 * sync simply continues.
 */
export class SyncService {
  private running: Promise<SyncStateT> | null = null;
  private followUp: Promise<SyncStateT> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly applier: EventApplier;
  private readonly pageSize: number;

  constructor(
    private readonly context: AppContext,
    private readonly options: SyncOptions = {},
  ) {
    this.applier = new EventApplier(context.database.sqlite, context.suppression);
    this.pageSize = options.pageSize ?? 5000;
  }

  /** Every few minutes while the app runs; the timer never keeps the process alive. */
  start(intervalMs = SYNC_INTERVAL_MS): void {
    if (this.timer) return;
    // Details older than three months go also when the app is not linked (no sync runs then).
    anonymiseExpiredDetails(this.context.database.sqlite, this.context.clock.now());
    this.timer = setInterval(() => void this.now(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.followUp?.catch(() => undefined);
  }

  /** Waits for a running sync to end (logout: the link is removed only after it). */
  async stopRunning(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.followUp?.catch(() => undefined);
  }

  state(): SyncStateT {
    return { ...readSyncState(this.context.kv), running: this.running !== null };
  }

  /**
   * Starts a sync. During a running one, a single follow-up is queued instead ("Nu bijwerken"
   * must also bring what happened after the running sync fetched its pages).
   */
  now(): Promise<SyncStateT> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.followUp ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.followUp = null;
        return this.now();
      });
    return this.followUp;
  }

  private async run(): Promise<SyncStateT> {
    const { context } = this;
    const linked = linkedClient(context);
    if (!linked) return { ...readSyncState(context.kv), running: false };
    let newEvents = 0;
    try {
      let cursor = context.kv.get<string>(cursorKey(linked.account)) ?? null;
      for (;;) {
        const page = await linked.client.eventsAfter(cursor, this.pageSize);
        const next = page.nextCursor ?? cursor;
        const applied = this.applier.apply(page.events, () => {
          if (next !== null) context.kv.set(cursorKey(linked.account), next);
        });
        newEvents += applied.inserted;
        for (const requestId of applied.confirmations) await this.confirm(requestId);
        if (page.events.length < this.pageSize || next === cursor) break;
        cursor = next;
      }
      await refreshCreditsFromTracker(context, linked.client);
      anonymiseExpiredDetails(context.database.sqlite, context.clock.now());
      context.kv.delete(SESSION_EXPIRED_KEY);
      const at = context.clock.now();
      writeSyncState(context.kv, {
        lastSyncAt: at,
        lastAttemptAt: at,
        errorKey: null,
        lastNewEvents: newEvents,
      });
      context.events.emit('sync.finished', { at, ok: true });
    } catch (error) {
      const errorKey = trackerErrorKey(error);
      if (errorKey === 'accountLink:errors.sessionExpired')
        context.kv.set(SESSION_EXPIRED_KEY, true);
      if (errorKey === 'accountLink:errors.syncFailed') context.logger.warn('sync failed', error);
      const at = context.clock.now();
      writeSyncState(context.kv, { ...readSyncState(context.kv), lastAttemptAt: at, errorKey });
      context.events.emit('sync.finished', { at, ok: false, message: errorKey });
    }
    return { ...readSyncState(context.kv), running: false };
  }

  private async confirm(requestId: string): Promise<void> {
    try {
      if (this.options.onConfirm) await this.options.onConfirm(requestId);
      else confirmResubscribe(this.context, requestId);
    } catch (error) {
      this.context.logger.warn(`re-subscription ${requestId} could not be confirmed`, error);
    }
  }
}
