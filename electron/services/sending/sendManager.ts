import { HOUR, type Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { CreditBook } from './creditBook';
import type { ClaimedJob, JobResult, JobStore } from './jobStore';
import type { MessageSource, MessageSourceFactory } from './messageSource';
import type { Messenger } from './messenger';
import { RateLimiter, type RateLimits } from './rateLimiter';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retryPolicy';
import { deliveryOutcome, describeSmtpError, type SmtpProblem } from './smtpErrors';
import type { SendRow, SendStore } from './sendStore';
import { WireLedger } from './wireLedger';

/** What the manager tells the rest of the app; the service turns these into events and statuses. */
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

export interface SendManagerOptions {
  sends: SendStore;
  jobs: JobStore;
  credits: CreditBook;
  sources: MessageSourceFactory;
  messengers: (send: SendRow) => Messenger;
  clock: Clock;
  logger: Logger;
  limits: () => RateLimits;
  hooks: SendManagerHooks;
  /** Messages handed to the transport at once (the pool queues them over its connections). */
  window?: number;
  retry?: RetryPolicy;
  /** This many failures in a row without one success pause the send. */
  failureRunToPause?: number;
  /**
   * Commit credits to the tracker after this many sent mails (and at the end). Each commit is an
   * HTTP call and three small transactions; the reservation already covers the mails in between.
   */
  commitEvery?: number;
  monotonicNow?: () => number;
}

/** Outcomes are written in batches of this many (or every FLUSH_MS), one transaction each. */
export const FLUSH_RESULTS = 50;
const FLUSH_MS = 250;
/** Messages built and handed to the pool at once: enough that no connection waits for the next. */
const HANDED_TO_TRANSPORT = 8;
/**
 * At most this many jobs are claimed ('sending') at once. A crash leaves only those whose
 * message was on a connection uncertain (WireLedger); the rest go back to 'queued'.
 */
export const DEFAULT_WINDOW = 40;
/** Waiting for a retry or a scheduled send: wake at least this often to look again. */
const MAX_IDLE_MS = 30_000;

/**
 * The send queue's worker (DESIGN.md, Sending). It sees the database through JobStore/SendStore,
 * content through a MessageSource and delivery through a Messenger; throttling is a RateLimiter
 * and auto-pause plain state. One send is pumped at a time so the rate limit holds for all.
 */
export class SendManager {
  private readonly limiter: RateLimiter;
  private readonly window: number;
  private readonly retry: RetryPolicy;
  private readonly failureRunToPause: number;
  private readonly commitEvery: number;
  private loopDone: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private kicked = false;

  constructor(private readonly o: SendManagerOptions) {
    this.limiter = new RateLimiter(o.limits(), o.monotonicNow, this.sentLastHour());
    this.window = o.window ?? DEFAULT_WINDOW;
    this.retry = o.retry ?? DEFAULT_RETRY_POLICY;
    this.failureRunToPause = o.failureRunToPause ?? 10;
    this.commitEvery = o.commitEvery ?? 1000;
  }

  /**
   * Jobs whose message was on its way when the app died become 'uncertain', those only claimed
   * go back to 'queued'; then the loop starts.
   */
  start(): { uncertain: number; requeued: number } {
    const recovered = this.o.jobs.recoverInFlight(this.o.clock.now());
    if (!this.loopDone) this.loopDone = this.loop();
    return recovered;
  }

  /** Look again now (a send started, resumed, or the clock moved). */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Lets the messages in flight finish and records them; takes nothing new. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.kick();
    await this.loopDone;
    this.loopDone = null;
  }

  private sentLastHour(): number {
    return this.o.jobs.sentSince(this.o.clock.now() - HOUR);
  }

  /** Milliseconds the rest of a send needs at the current rate limits. */
  estimateMs(remaining: number): number {
    return this.limiter.estimateMs(remaining);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.kicked = false;
      try {
        this.startDue();
        const worked = await this.workOnce();
        await this.settleEnded();
        if (!worked && !this.kicked && !this.stopping) await this.idle();
      } catch (error) {
        this.o.logger.error('send queue loop failed', error);
        if (!this.stopping) await this.sleep(1000);
      }
    }
  }

  /** Scheduled sends whose moment has come: they start (also those due while the app was closed). */
  private startDue(): void {
    const now = this.o.clock.now();
    for (const send of this.o.sends.due(now)) {
      if (this.o.sends.start(send.id, now, null)) this.o.hooks.started(this.o.sends.get(send.id)!);
    }
  }

  private async workOnce(): Promise<boolean> {
    const now = this.o.clock.now();
    for (const send of this.o.sends.running()) {
      const counts = this.o.jobs.counts(send.id);
      if (counts.queued + counts.sending + counts.retry === 0) {
        await this.finish(send);
        continue;
      }
      const nextRetry = counts.retry > 0 ? this.o.jobs.nextRetryAt(send.id) : null;
      if (counts.queued > 0 || (nextRetry !== null && nextRetry <= now)) {
        await this.pump(send);
        return true;
      }
    }
    return false;
  }

  private async finish(send: SendRow): Promise<void> {
    const now = this.o.clock.now();
    this.o.sends.finish(send.id, 'finished', now);
    this.o.hooks.ended(this.o.sends.get(send.id)!);
    await this.o.credits.release(send.id, now);
  }

  /** Ended sends whose credits could not be settled (tracker offline) get another try. */
  private async settleEnded(): Promise<void> {
    const pending = this.o.sends.sqlite
      .prepare(
        `select id from sends where state in ('finished', 'cancelled') and credits_released_at is null
         and credits_reserved > 0 and not (state = 'finished' and exists (
           select 1 from send_jobs where send_id = sends.id and state = 'uncertain'))`,
      )
      .all() as { id: string }[];
    for (const { id } of pending) await this.o.credits.release(id, this.o.clock.now());
  }

  private async idle(): Promise<void> {
    const now = this.o.clock.now();
    const moments = [this.o.sends.nextScheduledAt()];
    for (const send of this.o.sends.running()) moments.push(this.o.jobs.nextRetryAt(send.id));
    const next = Math.min(...moments.filter((m): m is number => m !== null));
    const wait = Number.isFinite(next) ? Math.max(0, next - now) : MAX_IDLE_MS;
    await this.sleep(Math.min(MAX_IDLE_MS, Math.max(wait, 10)));
  }

  /** Waits `ms`, or less when kicked or when `alsoOn` settles first; leaves no timer behind. */
  private async sleep(ms: number, alsoOn?: Promise<void>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slept = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
    await (alsoOn ? Promise.race([slept, alsoOn]) : slept);
    clearTimeout(timer);
  }

  private isRunning(sendId: string): boolean {
    return this.o.sends.get(sendId)?.state === 'running';
  }

  /** Sends one send's due jobs until there are none, it is paused or cancelled, or the app stops. */
  private async pump(send: SendRow): Promise<void> {
    this.limiter.update(this.o.limits(), () => this.sentLastHour());
    let source: MessageSource;
    try {
      source = await this.o.sources.forSend(send);
    } catch (error) {
      const problem = describeSmtpError(error);
      this.o.logger.error(`send ${send.id}: the mailing could not be prepared`, error);
      this.pause(send.id, 'prepare', problem.detail);
      return;
    }
    const messenger = this.o.messengers(send);
    let inFlight = 0;
    let lastRecord = performance.now();
    let failuresInRow = 0;
    let sentSinceCommit = 0;
    let settling: Promise<unknown> | null = null;
    const pauseWith: { value: { reason: string; detail: string } | null } = { value: null };
    let onCompletion: (() => void) | null = null;
    const completion = () => new Promise<void>((resolve) => (onCompletion = resolve));

    const recorded = (batch: readonly JobResult[]) => {
      lastRecord = performance.now();
      if (batch.length === 0) return;
      this.o.hooks.changed(send.id);
      sentSinceCommit += batch.filter((r) => r.state === 'sent').length;
      // Credits are committed in the background: a slow or absent tracker never holds up mail.
      if (sentSinceCommit >= this.commitEvery && !settling) {
        sentSinceCommit = 0;
        settling = this.o.credits.settle(send.id).finally(() => (settling = null));
      }
    };

    const ledger = new WireLedger(this.o.jobs, () => this.o.clock.now(), recorded);
    const deliver = async (job: ClaimedJob) => {
      let result: JobResult;
      let markFailed = false;
      const onWire = () =>
        ledger.onWire(job.id).catch((error: unknown) => {
          markFailed = true;
          throw error;
        });
      try {
        await messenger.send({ ...source.build(job), onWire });
        result = { id: job.id, state: 'sent' };
        failuresInRow = 0;
      } catch (error) {
        if (markFailed) {
          // Not on the wire, not sent: the job waits, and the send pauses (a disk problem).
          this.o.logger.error(`send ${send.id}: the wire mark could not be written`, error);
          ledger.outcome({ id: job.id, state: 'retry', nextAt: this.o.clock.now() });
          pauseWith.value ??= { reason: 'disk', detail: describeSmtpError(error).detail };
          return;
        }
        const handled = this.failed(job, error);
        result = handled.result;
        if (handled.countsAsFailure) failuresInRow += 1;
        if (handled.pause) pauseWith.value ??= handled.pause;
        if (!pauseWith.value && failuresInRow >= this.failureRunToPause) {
          pauseWith.value = { reason: 'failures', detail: describeSmtpError(error).detail };
        }
      }
      ledger.outcome(result);
    };
    // Claimed jobs (already 'sending' in the database) wait here and are built and handed to the
    // transport a few at a time, as connections free up: rendering a whole claim at once would
    // hold the event loop while the connections' answers wait.
    const waiting: ClaimedJob[] = [];
    let handed = 0;
    const handOn = () => {
      while (handed < HANDED_TO_TRANSPORT && waiting.length > 0) {
        handed += 1;
        dispatch(waiting.shift()!);
      }
    };
    const dispatch = (job: ClaimedJob) => {
      deliver(job)
        .catch((error: unknown) => {
          // Only a bug gets here (classifying threw): the job waits and is tried again later.
          this.o.logger.error(`send ${send.id}: job ${job.id} failed unexpectedly`, error);
          ledger.outcome({ id: job.id, state: 'retry', nextAt: this.o.clock.now() + 60_000 });
        })
        .finally(() => {
          inFlight -= 1;
          handed -= 1;
          handOn();
          onCompletion?.();
        });
    };

    try {
      for (;;) {
        if (pauseWith.value || this.stopping) break;
        // Refill when three quarters of the window are free: each claim is a transaction with its
        // own disk sync, so fewer and larger claims; a quarter still keeps the connections busy.
        if (inFlight > this.window / 4) {
          await completion();
          continue;
        }
        if (!this.isRunning(send.id)) break;
        const granted = this.limiter.take(this.window - inFlight);
        const pending = ledger.pendingOutcomes;
        const recordDue = pending >= FLUSH_RESULTS || performance.now() - lastRecord >= FLUSH_MS;
        if (granted === 0) {
          // Outcomes never wait for the rate limit: once nothing is in flight, or after FLUSH_MS,
          // they are written down (a crash would otherwise leave delivered mails uncertain).
          if (pending > 0 && (recordDue || inFlight === 0)) ledger.flush();
          const wait = this.limiter.waitMs();
          // A kick (stop, pause, resume) ends the wait too: closing the app never waits for it.
          await this.sleep(
            Math.max(1, ledger.pendingOutcomes > 0 ? Math.min(wait, FLUSH_MS) : wait),
            completion(),
          );
          continue;
        }
        const batch = ledger.takeOutcomes();
        const jobs = this.o.jobs.recordAndClaim(batch, send.id, this.o.clock.now(), granted);
        recorded(batch);
        // Slots granted but not used (fewer jobs due) go back, or the hourly limit would shrink.
        this.limiter.giveBack(granted - jobs.length);
        if (jobs.length === 0) {
          if (inFlight === 0) break;
          await completion();
          continue;
        }
        inFlight += jobs.length;
        // No wait for the disk here: each message waits for its own wire mark (WireLedger).
        waiting.push(...jobs);
        handOn();
      }
      while (inFlight > 0) await completion();
      ledger.flush();
    } finally {
      messenger.close();
    }
    if (pauseWith.value) this.pause(send.id, pauseWith.value.reason, pauseWith.value.detail);
    await settling;
    await this.o.credits.settle(send.id);
  }

  private pause(sendId: string, reason: string, detail: string): void {
    if (!this.isRunning(sendId)) return;
    this.o.sends.setState(sendId, 'paused', { reason, detail });
    this.o.logger.warn(`send ${sendId} paused: ${reason}`, detail);
    this.o.hooks.changed(sendId);
  }

  /** Turns a delivery error into the job's next state, and maybe a reason to pause the send. */
  private failed(
    job: ClaimedJob,
    error: unknown,
  ): { result: JobResult; countsAsFailure: boolean; pause?: { reason: string; detail: string } } {
    const outcome = deliveryOutcome(error);
    const { problem } = outcome;
    const detail = problem.detail;
    const now = this.o.clock.now();
    switch (outcome.action) {
      case 'hardBounce':
        this.o.hooks.hardBounce(job.email, detail);
        return {
          result: { id: job.id, state: 'bounced_hard', error: detail },
          countsAsFailure: false,
        };
      case 'softBounce':
        this.o.hooks.softBounce(job.email, detail);
        return {
          result: { id: job.id, state: 'bounced_soft', error: detail },
          countsAsFailure: false,
        };
      case 'fail':
        return { result: { id: job.id, state: 'failed', error: detail }, countsAsFailure: true };
      case 'pause':
        // The job itself did nothing wrong: it goes out again right after the resume.
        return {
          result: { id: job.id, state: 'retry', nextAt: now, error: detail },
          countsAsFailure: false,
          pause: { reason: problem.kind, detail },
        };
      case 'retry':
        return { result: this.retryOrGiveUp(job, problem, now), countsAsFailure: true };
    }
  }

  private retryOrGiveUp(job: ClaimedJob, problem: SmtpProblem, now: number): JobResult {
    const delay = retryDelay(this.retry, job.attempts);
    if (delay !== null)
      return { id: job.id, state: 'retry', nextAt: now + delay, error: problem.detail };
    if (problem.enhanced?.startsWith('4.2.')) {
      this.o.hooks.softBounce(job.email, problem.detail);
      return { id: job.id, state: 'bounced_soft', error: problem.detail };
    }
    return { id: job.id, state: 'failed', error: problem.detail };
  }
}
