import type { ClaimCursor, ClaimedJob, JobCounts, JobResult } from './jobStore';
import type { SendRow } from './sendStore';

/**
 * What the send queue needs of the database and the credits (DESIGN.md, Sending; listmonk's
 * narrow seams): SendStore, JobStore and CreditBook fit them, and the queue knows no more of them.
 */

/** The sends as the queue moves them: started when due, finished, paused by itself. */
export interface QueueSends {
  get(id: string): SendRow | undefined;
  running(): SendRow[];
  due(now: number): SendRow[];
  nextScheduledAt(): number | null;
  start(id: string, now: number, lateAt: number | null): boolean;
  finish(id: string, state: 'finished', now: number): void;
  setState(id: string, state: 'paused', pause: { reason: string; detail: string }): void;
  /** Ended sends whose reserved credits still wait to be released (the tracker was offline). */
  endedUnsettled(): string[];
}

/** A send's jobs: claimed in memory, marked on the wire and given their outcome, in batches. */
export interface QueueJobs {
  recoverInFlight(now: number): { uncertain: number; requeued: number };
  sentSince(since: number): number;
  counts(sendId: string): JobCounts;
  nextRetryAt(sendId: string): number | null;
  /** Due jobs after `cursor`, taken in memory (nothing is written for a claim). */
  claim(sendId: string, now: number, limit: number, cursor: ClaimCursor): ClaimedJob[];
  record(results: readonly JobResult[], now: number): void;
  /**
   * One group commit of outcomes and wire marks (each also the job's claim). `onDisk` resolves
   * once it is on disk; `notDue` were not marked (no longer queued) and must not be sent.
   */
  recordAndMarkOnWire(
    results: readonly JobResult[],
    onWire: readonly number[],
    now: number,
  ): { notDue: readonly number[]; onDisk: Promise<void> };
}

/** The tracker's credits for a send: committed as mails go out, the rest released at the end. */
export interface QueueCredits {
  settle(sendId: string): Promise<unknown>;
  release(sendId: string, now: number): Promise<unknown>;
}

/** What the queue tells the rest of the app; the service turns these into events and statuses. */
export interface SendManagerHooks {
  /** Progress or a change of state (throttled for progress). */
  changed(sendId: string): void;
  /** The send started (scheduled → running), ended (finished/cancelled) or paused by itself. */
  started(send: SendRow): void;
  ended(send: SendRow): void;
  /** A 5.1.x answer: never mail this address again. */
  hardBounce(email: string, detail: string): void;
  softBounce(email: string, detail: string): void;
}

/** Why a send paused by itself, in the words of its pause_reason and pause_detail. */
export interface PauseReason {
  reason: string;
  detail: string;
}
