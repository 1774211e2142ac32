import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { failedJob } from './failedJob';
import type { ClaimCursor, ClaimedJob, JobResult } from './jobStore';
import { MaybeDeliveredError } from './maybeDelivered';
import type { MessageSource } from './messageSource';
import type { Messenger } from './messenger';
import type { PauseReason, QueueCredits, QueueJobs, SendManagerHooks } from './queuePorts';
import type { RateLimiter } from './rateLimiter';
import type { RetryPolicy } from './retryPolicy';
import { describeSmtpError } from './smtpErrors';
import type { SendRow } from './sendStore';
import type { Waker } from './waker';
import { JobNoLongerDue, WireLedger } from './wireLedger';

/** Outcomes are written in batches of this many (or every FLUSH_MS), one transaction each. */
export const FLUSH_RESULTS = 50;
const FLUSH_MS = 250;
/** Messages built and handed to the pool at once: enough that no connection waits for the next. */
const HANDED_TO_TRANSPORT = 8;

/** What a run shares with the manager that starts it. */
export interface SendRunDeps {
  jobs: QueueJobs;
  credits: QueueCredits;
  clock: Clock;
  logger: Logger;
  hooks: Pick<SendManagerHooks, 'changed' | 'hardBounce' | 'softBounce'>;
  limiter: RateLimiter;
  waker: Waker;
  /** At most this many jobs claimed ('sending') at once. */
  window: number;
  retry: RetryPolicy;
  failureRunToPause: number;
  commitEvery: number;
  isRunning(sendId: string): boolean;
  isStopping(): boolean;
}

/**
 * One pump of one send: claims due jobs as the rate limit allows, builds their messages a few at
 * a time and hands them to the messenger, and writes the outcomes (WireLedger), until no job is
 * due, the send is paused or cancelled, or the app stops. Its state lives as long as the pump.
 */
export class SendRun {
  /** Claimed and not yet given an outcome. */
  private inFlight = 0;
  /** Handed to the messenger and not yet answered. */
  private handed = 0;
  /** Claimed, waiting to be built and handed on as connections free up. */
  private readonly waiting: ClaimedJob[] = [];
  /** The jobs this run holds in memory (a claim writes nothing; the wire mark does). */
  private readonly cursor: ClaimCursor = { after: 0, held: new Set() };
  private failuresInRow = 0;
  private sentSinceCommit = 0;
  private settling: Promise<unknown> | null = null;
  private pauseWith: PauseReason | null = null;
  private lastRecord = performance.now();
  private onCompletion: (() => void) | null = null;
  private readonly ledger: WireLedger;

  constructor(
    private readonly send: SendRow,
    private readonly source: MessageSource,
    private readonly messenger: Messenger,
    private readonly d: SendRunDeps,
  ) {
    this.ledger = new WireLedger(
      d.jobs,
      () => d.clock.now(),
      (batch) => this.recorded(batch),
    );
  }

  /** Sends until done; says why the send must pause, if it must. The messenger is closed after. */
  async run(): Promise<PauseReason | null> {
    try {
      while (await this.step());
      this.dropWaiting();
      while (this.inFlight > 0) await this.completion();
      this.ledger.flush();
    } finally {
      this.messenger.close();
    }
    return this.pauseWith;
  }

  /** The credits of the mails sent, committed at the tracker (after a background commit ends). */
  async settleCredits(): Promise<void> {
    await this.settling;
    await this.d.credits.settle(this.send.id);
  }

  /** One turn of the pump; false once it is done. */
  private async step(): Promise<boolean> {
    if (this.pauseWith || this.d.isStopping()) return false;
    // Refill when three quarters of the window are free: fewer and larger claims (each is a
    // transaction); a quarter still keeps the connections busy.
    if (this.inFlight > this.d.window / 4) {
      await this.completion();
      return true;
    }
    if (!this.d.isRunning(this.send.id)) return false;
    const granted = this.d.limiter.take(this.d.window - this.inFlight);
    if (granted === 0) {
      await this.waitForRate();
      return true;
    }
    return this.claim(granted);
  }

  /**
   * Claims up to `granted` jobs in memory and hands them on. Nothing is written: a claimed job
   * stays 'queued' until its wire mark, which is what a crash would leave of it anyway.
   */
  private async claim(granted: number): Promise<boolean> {
    const jobs = this.d.jobs.claim(this.send.id, this.d.clock.now(), granted, this.cursor);
    // Slots granted but not used (fewer jobs due) go back, or the hourly limit would shrink.
    this.d.limiter.giveBack(granted - jobs.length);
    if (jobs.length === 0) {
      if (this.inFlight === 0) return false;
      await this.completion();
      return true;
    }
    this.inFlight += jobs.length;
    // No wait for the disk here: each message waits for its own wire mark (WireLedger).
    for (const job of jobs) this.waiting.push(job);
    this.handOn();
    return true;
  }

  /**
   * The rate limit allows nothing now. Outcomes never wait for it: once nothing is in flight, or
   * after FLUSH_MS, they are written down (a crash would otherwise leave delivered mails
   * uncertain). A kick (stop, pause, resume) ends the wait too.
   */
  private async waitForRate(): Promise<void> {
    const pending = this.ledger.pendingOutcomes;
    const recordDue = pending >= FLUSH_RESULTS || performance.now() - this.lastRecord >= FLUSH_MS;
    if (pending > 0 && (recordDue || this.inFlight === 0)) this.ledger.flush();
    const wait = this.d.limiter.waitMs();
    const ms = this.ledger.pendingOutcomes > 0 ? Math.min(wait, FLUSH_MS) : wait;
    await this.d.waker.sleep(Math.max(1, ms), this.completion());
  }

  /**
   * The run stops (paused, cancelled, the app closing): claimed jobs not yet handed on stay
   * queued, as nothing was written for them; only those with the pool finish.
   */
  private dropWaiting(): void {
    for (const job of this.waiting) this.cursor.held.delete(job.id);
    // Their rate slots were taken at the claim; unsent, they are the next run's to use.
    this.d.limiter.giveBack(this.waiting.length);
    this.inFlight -= this.waiting.length;
    this.waiting.length = 0;
  }

  /** Resolves when the next job in flight gets its outcome. */
  private completion(): Promise<void> {
    return new Promise<void>((resolve) => (this.onCompletion = resolve));
  }

  /**
   * Claimed jobs are built and handed to the messenger a few at a time, as connections free up:
   * rendering a whole claim at once would hold the event loop while the answers wait.
   */
  private handOn(): void {
    while (this.handed < HANDED_TO_TRANSPORT && this.waiting.length > 0) {
      this.handed += 1;
      void this.dispatch(this.waiting.shift()!);
    }
  }

  private async dispatch(job: ClaimedJob): Promise<void> {
    try {
      await this.deliver(job);
    } catch (error) {
      // Only a bug gets here (classifying threw): the job waits and is tried again later.
      this.d.logger.error(`send ${this.send.id}: job ${job.id} failed unexpectedly`, error);
      this.ledger.outcome({ id: job.id, state: 'retry', nextAt: this.d.clock.now() + 60_000 });
    } finally {
      // A held retry job stays held until its outcome is written (`recorded`): until then the
      // database still shows it due, and the next claim would take it again at once.
      this.inFlight -= 1;
      this.handed -= 1;
      this.handOn();
      this.onCompletion?.();
    }
  }

  private async deliver(job: ClaimedJob): Promise<void> {
    let mark: Promise<void> | undefined;
    try {
      const mail = this.source.build(job);
      // One mark per job: the pool asks again for a message it sends once more on a new connection.
      mail.onWire = () => (mark ??= this.ledger.onWire(job.id));
      await this.messenger.send(mail);
    } catch (error) {
      // The envelope goes while the mark is written, so a refusal can come first; its outcome
      // must follow the mark's commit, which would otherwise make the job 'sending' again.
      const markError = mark && (await mark.then(noError, (failed: unknown) => failed ?? error));
      // Cancelled after it was claimed: never sent, and already 'skipped'.
      if (markError instanceof JobNoLongerDue) {
        this.cursor.held.delete(job.id);
        this.d.limiter.giveBack(1);
        return;
      }
      if (markError) this.wireMarkFailed(job, markError);
      else if (error instanceof MaybeDeliveredError) this.maybeDelivered(job, error);
      else this.deliveryFailed(job, error);
      return;
    }
    this.failuresInRow = 0;
    this.ledger.outcome({ id: job.id, state: 'sent' });
  }

  /** Not on the wire, not sent: the job waits, and the send pauses (a disk problem). */
  private wireMarkFailed(job: ClaimedJob, error: unknown): void {
    this.d.logger.error(`send ${this.send.id}: the wire mark could not be written`, error);
    this.ledger.outcome({ id: job.id, state: 'retry', nextAt: this.d.clock.now() });
    this.pauseWith ??= { reason: 'disk', detail: describeSmtpError(error).detail };
  }

  /**
   * The server may have the message (its connection broke before it answered the data): sending
   * it again could mail the customer twice, so it is `uncertain`, as after a crash, and the shop
   * decides (it costs credits only when sent again). Not a failure in a row: the next message on
   * a new connection tells whether the server is gone.
   */
  private maybeDelivered(job: ClaimedJob, error: MaybeDeliveredError): void {
    this.d.logger.warn(`send ${this.send.id}: job ${job.id} may have arrived: ${error.message}`);
    this.ledger.outcome({ id: job.id, state: 'uncertain', error: describeSmtpError(error).detail });
  }

  private deliveryFailed(job: ClaimedJob, error: unknown): void {
    const handled = failedJob(job, error, this.d.retry, this.d.clock.now(), this.d.hooks);
    if (handled.countsAsFailure) this.failuresInRow += 1;
    if (handled.pause) this.pauseWith ??= handled.pause;
    if (!this.pauseWith && this.failuresInRow >= this.d.failureRunToPause) {
      this.pauseWith = { reason: 'failures', detail: describeSmtpError(error).detail };
    }
    this.ledger.outcome(handled.result);
  }

  /** Outcomes that went into a commit: progress, and credits committed now and then. */
  private recorded(batch: readonly JobResult[]): void {
    this.lastRecord = performance.now();
    if (batch.length === 0) return;
    for (const result of batch) this.cursor.held.delete(result.id);
    this.d.hooks.changed(this.send.id);
    for (const result of batch) if (result.state === 'sent') this.sentSinceCommit += 1;
    // Credits are committed in the background: a slow or absent tracker never holds up mail.
    if (this.sentSinceCommit >= this.d.commitEvery && !this.settling) {
      this.sentSinceCommit = 0;
      this.settling = this.d.credits.settle(this.send.id).finally(() => (this.settling = null));
    }
  }
}

function noError(): undefined {
  return undefined;
}
