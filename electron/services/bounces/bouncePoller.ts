import { createHash } from 'node:crypto';
import type { PollResultT } from '../../contract/bounces';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { Clock } from '../core/clock';
import type { EventBus } from '../core/eventBus';
import type { Logger } from '../core/logger';
import { BounceMailbox, connectionError, type FetchedMessage } from './bounceMailbox';
import type { BounceRecorder } from './bounceRecorder';
import type { BounceSettingsStore } from './bounceSettings';
import { classifyReport } from './classify';
import { parseBounce } from './parseBounce';
import type { BounceReport } from './report';
import { verpEvidence } from './verp';

export interface BouncePollerDeps {
  settings: BounceSettingsStore;
  recorder: BounceRecorder;
  verpSecret: () => Buffer;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  /** Names the folder processed messages go to (<product>/verwerkt). */
  productName: string;
  /** Unsubscribe requests by mail (List-Unsubscribe's mailto:), handled before any bounce. */
  unsubscribes?: { handle(source: Buffer): boolean };
  /** Housekeeping after each successful poll (retention). */
  afterPoll?: () => void;
}

/** A poll reads at most this many messages; the rest wait for the next round. */
const MAX_PER_POLL = 500;
const CHUNK = 50;
export const POLL_INTERVAL_MS = 5 * 60 * 1000;
const FIRST_POLL_DELAY_MS = 30 * 1000;

type Tally = PollResultT;

/**
 * Reads the unseen messages of the bounce mailbox, records each, and moves what it processed to
 * <product>/verwerkt. One poll at a time; a message recorded but not moved (connection lost) is
 * recognised by its hash next time and only moved.
 */
export class BouncePoller {
  private running: Promise<PollResultT> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private active: BounceMailbox | null = null;

  constructor(private readonly deps: BouncePollerDeps) {}

  pollNow(): Promise<PollResultT> {
    if (this.stopped) {
      return Promise.reject(
        new DomainError(ERROR_CODES.unavailable, 'The app is closing', 'bounces:errors.closing'),
      );
    }
    this.running ??= this.poll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Polls every few minutes while the mailbox is configured and switched on; never keeps the process alive. */
  start(intervalMs = POLL_INTERVAL_MS, firstDelayMs = FIRST_POLL_DELAY_MS): void {
    const tick = () => {
      const settings = this.deps.settings.read();
      if (this.stopped || !settings.enabled || !this.deps.settings.isConfigured(settings)) return;
      this.pollNow().catch((error) =>
        this.deps.logger.warn('bounce mailbox poll failed', (error as Error).message),
      );
    };
    const first = setTimeout(tick, firstDelayMs);
    const every = setInterval(tick, intervalMs);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.active?.abort();
    await this.running?.catch(() => undefined);
  }

  private async poll(): Promise<PollResultT> {
    const { settings, clock } = this.deps;
    const stored = settings.read();
    if (!settings.isConfigured(stored)) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'The bounce mailbox is not set up',
        'bounces:errors.notConfigured',
      );
    }
    const tally: Tally = {
      processed: 0,
      hard: 0,
      soft: 0,
      blocked: 0,
      complaints: 0,
      delayed: 0,
      autoReplies: 0,
      unmatched: 0,
      leftInInbox: 0,
    };
    let mailbox: BounceMailbox | null = null;
    try {
      mailbox = await BounceMailbox.open(settings.connectionFor(), this.deps.productName);
      this.active = mailbox;
      const folder = await mailbox.ensureProcessedFolder();
      const uids = await mailbox.unseenUids(MAX_PER_POLL);
      for (let i = 0; i < uids.length && !this.stopped; i += CHUNK) {
        const toMove: number[] = [];
        const notBounces: number[] = [];
        for await (const message of mailbox.fetch(uids.slice(i, i + CHUNK))) {
          const moved = await this.processOne(message, tally);
          (moved ? toMove : notBounces).push(message.uid);
        }
        await mailbox.markNotBounce(notBounces);
        await mailbox.moveProcessed(toMove, folder);
      }
      settings.setStatus({ lastPollAt: clock.now(), lastProblemKey: null, lastProblem: null });
    } catch (error) {
      const problem = error instanceof DomainError ? error : connectionError(error);
      // Cut off because the app is closing: not a problem worth showing next time.
      if (this.stopped) throw problem;
      settings.setStatus({
        lastPollAt: clock.now(),
        lastProblemKey: problem.key ?? null,
        lastProblem: problem.message,
      });
      throw problem;
    } finally {
      this.active = null;
      await mailbox?.close();
    }
    try {
      this.deps.afterPoll?.();
    } catch (error) {
      this.deps.logger.warn('bounce log housekeeping failed', (error as Error).message);
    }
    this.deps.events.emit('bounces.processed', {
      at: clock.now(),
      processed: tally.processed,
      hard: tally.hard,
      soft: tally.soft,
      blocked: tally.blocked,
      complaints: tally.complaints,
    });
    return tally;
  }

  /** Returns true when the message is dealt with (to be moved), false when it is left in the inbox. */
  private async processOne(message: FetchedMessage, tally: Tally): Promise<boolean> {
    const sourceHash = createHash('sha256').update(message.source).digest('hex');
    if (this.deps.recorder.alreadyProcessed(sourceHash)) return true;
    if (this.deps.unsubscribes?.handle(message.source)) return true;
    let report: BounceReport;
    try {
      report = await parseBounce(message.source);
    } catch (error) {
      this.deps.logger.warn(
        'unreadable message in the bounce mailbox left in place',
        (error as Error).message,
      );
      tally.leftInInbox += 1;
      return false;
    }
    const verdict = classifyReport(report);
    if (verdict.kind === 'not_bounce') {
      tally.leftInInbox += 1;
      return false;
    }
    const verp = verpEvidence(verpHints(report), this.deps.verpSecret());
    const outcome = this.deps.recorder.record({
      sourceHash,
      receivedAt: message.receivedAt,
      subject: report.subject,
      verdict,
      verpJobId: verp.jobId,
      recipientFallback: !verp.forged,
    });
    tally.processed += 1;
    // A code-only hard bounce waits for review: not counted as an unknown address yet.
    if (verdict.kind === 'hard') tally.hard += verdict.review ? 0 : 1;
    else if (verdict.kind === 'soft') tally.soft += 1;
    else if (verdict.kind === 'blocked') tally.blocked += 1;
    else if (verdict.kind === 'complaint') tally.complaints += 1;
    else if (verdict.kind === 'delayed') tally.delayed += 1;
    else tally.autoReplies += 1;
    if (!outcome.matched && verdict.kind !== 'delayed' && verdict.kind !== 'auto_reply')
      tally.unmatched += 1;
    for (const paused of outcome.pausedSends) this.deps.events.emit('bounces.sendPaused', paused);
    return true;
  }
}

/** Where our VERP Return-Path can show up in a report. */
function verpHints(report: BounceReport): string {
  return [
    ...report.envelopeHints,
    report.original?.get('return-path') ?? '',
    report.feedback?.originalMailFrom ?? '',
  ].join('\n');
}
