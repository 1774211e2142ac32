import { HOUR, type Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { MessageSource, MessageSourceFactory } from './messageSource';
import type { Messenger } from './messenger';
import type { QueueCredits, QueueJobs, QueueSends, SendManagerHooks } from './queuePorts';
import { RateLimiter, type RateLimits } from './rateLimiter';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryPolicy';
import { describeSmtpError } from './smtpErrors';
import { SendRun, type SendRunDeps } from './sendRun';
import type { SendRow } from './sendStore';
import { Waker } from './waker';

export type { SendManagerHooks } from './queuePorts';
export { FLUSH_RESULTS } from './sendRun';

export interface SendManagerOptions {
  sends: QueueSends;
  jobs: QueueJobs;
  credits: QueueCredits;
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

/**
 * At most this many jobs are claimed ('sending') at once. A crash leaves only those whose
 * message was on a connection uncertain (WireLedger); the rest go back to 'queued'.
 */
export const DEFAULT_WINDOW = 40;
/** Waiting for a retry or a scheduled send: wake at least this often to look again. */
const MAX_IDLE_MS = 30_000;

/**
 * The send queue's worker (DESIGN.md, Sending). It sees the database through QueueSends and
 * QueueJobs, content through a MessageSource and delivery through a Messenger; throttling is a
 * RateLimiter. One send is pumped at a time (a SendRun) so the rate limit holds for all.
 */
export class SendManager {
  private readonly limiter: RateLimiter;
  private readonly waker = new Waker();
  private readonly runDeps: SendRunDeps;
  private loopDone: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly o: SendManagerOptions) {
    this.limiter = new RateLimiter(o.limits(), o.monotonicNow, this.sentLastHour());
    this.runDeps = {
      jobs: o.jobs,
      credits: o.credits,
      clock: o.clock,
      logger: o.logger,
      hooks: o.hooks,
      limiter: this.limiter,
      waker: this.waker,
      window: o.window ?? DEFAULT_WINDOW,
      retry: o.retry ?? DEFAULT_RETRY_POLICY,
      failureRunToPause: o.failureRunToPause ?? 10,
      commitEvery: o.commitEvery ?? 1000,
      isRunning: (sendId) => this.isRunning(sendId),
      isStopping: () => this.stopping,
    };
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
    this.waker.kick();
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
      this.waker.kicked = false;
      try {
        this.startDue();
        const worked = await this.workOnce();
        await this.settleEnded();
        if (!worked && !this.waker.kicked && !this.stopping) await this.idle();
      } catch (error) {
        this.o.logger.error('send queue loop failed', error);
        if (!this.stopping) await this.waker.sleep(1000);
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
    for (const id of this.o.sends.endedUnsettled()) {
      await this.o.credits.release(id, this.o.clock.now());
    }
  }

  private async idle(): Promise<void> {
    const now = this.o.clock.now();
    const moments = [this.o.sends.nextScheduledAt()];
    for (const send of this.o.sends.running()) moments.push(this.o.jobs.nextRetryAt(send.id));
    const next = Math.min(...moments.filter((m): m is number => m !== null));
    const wait = Number.isFinite(next) ? Math.max(0, next - now) : MAX_IDLE_MS;
    await this.waker.sleep(Math.min(MAX_IDLE_MS, Math.max(wait, 10)));
  }

  private isRunning(sendId: string): boolean {
    return this.o.sends.get(sendId)?.state === 'running';
  }

  /** Sends one send's due jobs until there are none, it is paused or cancelled, or the app stops. */
  private async pump(send: SendRow): Promise<void> {
    this.limiter.update(this.o.limits(), () => this.sentLastHour());
    const source = await this.prepare(send);
    if (!source) return;
    const run = new SendRun(send, source, this.o.messengers(send), this.runDeps);
    const pause = await run.run();
    if (pause) this.pause(send.id, pause.reason, pause.detail);
    await run.settleCredits();
  }

  /** The send's messages, compiled once; a mailing that cannot be prepared pauses its send. */
  private async prepare(send: SendRow): Promise<MessageSource | null> {
    try {
      return await this.o.sources.forSend(send);
    } catch (error) {
      this.o.logger.error(`send ${send.id}: the mailing could not be prepared`, error);
      this.pause(send.id, 'prepare', describeSmtpError(error).detail);
      return null;
    }
  }

  private pause(sendId: string, reason: string, detail: string): void {
    if (!this.isRunning(sendId)) return;
    this.o.sends.setState(sendId, 'paused', { reason, detail });
    this.o.logger.warn(`send ${sendId} paused: ${reason}`, detail);
    this.o.hooks.changed(sendId);
  }
}
