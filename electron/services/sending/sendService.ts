import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import type { SendStatusT, UncertainRecipientT } from '../../contract/sending';
import { updateCredits } from '../credits/creditsState';
import { RESTORED_PAUSE_REASON } from '../desktop/restoredSends';
import { CreditBook } from './creditBook';
import { trackerCredits, type CreditsPort } from './credits';
import { JobStore } from './jobStore';
import type { MessageSourceFactory } from './messageSource';
import type { Messenger } from './messenger';
import { SendManager, type SendManagerOptions } from './sendManager';
import {
  discardUnprepared,
  SendStarter,
  type StartOptions,
  type StartOutcome,
  type StartRequest,
} from './sendStart';
import { sendStatus } from './sendStatus';
import { SendStore, type SendRow } from './sendStore';
import { SnapshotStore } from './snapshotStore';
import { webVersionState } from './webVersion';

export type { StartOutcome, StartRequest } from './sendStart';

export interface SendServiceOptions extends StartOptions {
  sources: MessageSourceFactory;
  messengers: (send: SendRow) => Messenger;
  /** The tracker's credit ledger; null when the app is not linked to an account. */
  credits?: () => CreditsPort | null;
  manager?: Partial<
    Pick<
      SendManagerOptions,
      'window' | 'retry' | 'failureRunToPause' | 'commitEvery' | 'limits' | 'monotonicNow'
    >
  >;
}

const PROGRESS_EVERY_MS = 250;

/**
 * The send queue as the rest of the app sees it: start (idempotent), pause, resume, cancel, retry
 * the uncertain, statuses; and the worker, started with the app.
 */
export class SendService {
  readonly sends: SendStore;
  readonly jobs: JobStore;
  readonly book: CreditBook;
  readonly snapshots: SnapshotStore;
  readonly manager: SendManager;
  private readonly starter: SendStarter;
  private readonly lastProgress = new Map<string, number>();
  private readonly credits: () => CreditsPort | null;

  constructor(
    private readonly context: AppContext,
    private readonly options: SendServiceOptions,
  ) {
    this.sends = new SendStore(context.database.sqlite);
    this.jobs = new JobStore(context.database.sqlite);
    this.snapshots = new SnapshotStore(context.database.sqlite);
    this.credits = options.credits ?? (() => trackerCredits(context.kv, context.cipher));
    this.book = new CreditBook(this.sends, this.jobs, this.credits, context.logger, (balance) =>
      updateCredits(context, balance),
    );
    this.manager = new SendManager({
      sends: this.sends,
      jobs: this.jobs,
      credits: this.book,
      sources: options.sources,
      messengers: options.messengers,
      clock: context.clock,
      logger: context.logger,
      limits: () => context.settings.read().limits,
      ...options.manager,
      hooks: {
        changed: (sendId) => this.progress(sendId, false),
        started: (send) => {
          this.setMailingStatus(send.mailingId, 'sending');
          this.progress(send.id, true);
        },
        ended: (send) => this.ended(send),
        hardBounce: (email, detail) =>
          context.suppression.suppress(email, 'hard_bounce', 'smtp', detail),
        softBounce: (email, detail) => {
          context.suppression.recordSoftBounce(email, detail, 'smtp');
        },
      },
    });
    this.starter = new SendStarter(
      {
        context,
        sends: this.sends,
        snapshots: this.snapshots,
        credits: this.credits,
        ready: (send) => {
          this.setMailingStatus(send.mailingId, send.state === 'running' ? 'sending' : 'scheduled');
          this.progress(send.id, true);
          this.manager.kick();
        },
      },
      options,
    );
  }

  /**
   * On app start: in-flight jobs become uncertain, sends that were due while the app was closed
   * start now (marked, so the "Versturen" page can say so), and the worker begins.
   */
  start(): { uncertain: number; startedLate: number } {
    // A start the app stopped in the middle of is undone (a retry of it starts afresh).
    for (const sendId of this.sends.preparing()) {
      void discardUnprepared(
        { context: this.context, sends: this.sends, credits: this.credits },
        sendId,
      );
    }
    const now = this.context.clock.now();
    let startedLate = 0;
    for (const send of this.sends.due(now)) {
      if (this.sends.start(send.id, now, now)) {
        startedLate += 1;
        this.setMailingStatus(send.mailingId, 'sending');
      }
    }
    const { uncertain } = this.manager.start();
    return { uncertain, startedLate };
  }

  stop(): Promise<void> {
    return this.manager.stop();
  }

  /** A double click or a second window with the same key gets the same send, never a second one. */
  startSend(request: StartRequest): Promise<StartOutcome> {
    return this.starter.start(request);
  }

  pause(sendId: string): SendStatusT {
    const row = this.require(sendId);
    if (row.state === 'running' || row.state === 'scheduled') {
      this.sends.setState(sendId, 'paused', null);
      this.progress(sendId, true);
    }
    return this.status(sendId);
  }

  resume(sendId: string, acknowledgeRestore = false): SendStatusT {
    const row = this.require(sendId);
    if (
      row.state === 'paused' &&
      row.pauseReason === RESTORED_PAUSE_REASON &&
      !acknowledgeRestore
    ) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'This send came back with a restored backup; confirm before it goes on',
        'sending:errors.restoreNotAcknowledged',
      );
    }
    if (row.state === 'paused') {
      const now = this.context.clock.now();
      const stillScheduled =
        row.startedAt === null && row.scheduledAt !== null && row.scheduledAt > now;
      this.sends.setState(sendId, stillScheduled ? 'scheduled' : 'running', null);
      if (!stillScheduled) {
        this.sends.markStarted(sendId, now);
        this.setMailingStatus(row.mailingId, 'sending');
      }
      this.progress(sendId, true);
      this.manager.kick();
    }
    return this.status(sendId);
  }

  /** Stops for good: open jobs are skipped, the unused credits go back (now or when online). */
  async cancel(sendId: string): Promise<SendStatusT> {
    const row = this.require(sendId);
    if (row.state === 'finished' || row.state === 'cancelled') return this.status(sendId);
    const now = this.context.clock.now();
    this.context.database.sqlite.transaction(() => {
      this.sends.setState(sendId, 'cancelled', null);
      this.jobs.skipOpenJobs(sendId, now);
    })();
    this.sends.finish(sendId, 'cancelled', now);
    this.ended(this.sends.get(sendId)!);
    await this.book.release(sendId, now);
    return this.status(sendId);
  }

  /** "Opnieuw proberen": the uncertain jobs go out again, each with the Message-ID it had. */
  retryUncertain(sendId: string): SendStatusT {
    const row = this.require(sendId);
    if (row.state === 'cancelled') return this.status(sendId);
    const now = this.context.clock.now();
    const moved = this.jobs.requeueUncertain(sendId, now);
    if (moved > 0) {
      if (row.state === 'finished') {
        this.sends.reopen(sendId);
        this.setMailingStatus(row.mailingId, 'sending');
      }
      this.manager.kick();
    }
    this.progress(sendId, true);
    return this.status(sendId);
  }

  /** The addresses whose mail may or may not have arrived, for the shop to decide about. */
  uncertain(sendId: string): UncertainRecipientT[] {
    this.require(sendId);
    return this.jobs.uncertainJobs(sendId).map(({ email, name, at }) => ({ email, name, at }));
  }

  /** "Niet verstuurd": those mails count as not sent and their credits go back. */
  async markUncertainNotSent(sendId: string): Promise<SendStatusT> {
    const row = this.require(sendId);
    const now = this.context.clock.now();
    if (this.jobs.markUncertainNotSent(sendId, now) > 0 && row.state === 'finished') {
      await this.book.release(sendId, now);
    }
    this.progress(sendId, true);
    return this.status(sendId);
  }

  status(sendId: string): SendStatusT {
    const row = this.require(sendId);
    return sendStatus(
      row,
      this.jobs,
      this.sends.mailingSubject(row.mailingId),
      this.context.clock.now(),
      (n) => this.manager.estimateMs(n),
      webVersionState(this.context.database.sqlite, row.mailingId),
    );
  }

  statusForMailing(mailingId: string): SendStatusT | null {
    const row = this.sends.latestForMailing(mailingId);
    return row ? this.status(row.id) : null;
  }

  list(): SendStatusT[] {
    const weekAgo = this.context.clock.now() - 7 * 24 * 60 * 60 * 1000;
    return this.sends.listVisible(weekAgo).map((row) => this.status(row.id));
  }

  private require(sendId: string): SendRow {
    const row = this.sends.get(sendId);
    if (!row) {
      throw new DomainError(
        ERROR_CODES.notFound,
        `Send ${sendId} does not exist`,
        'sending:errors.notFound',
      );
    }
    return row;
  }

  private ended(send: SendRow): void {
    const sent = this.jobs.counts(send.id).sent;
    this.setMailingStatus(
      send.mailingId,
      send.state === 'cancelled' && sent === 0 ? 'cancelled' : 'sent',
    );
    this.progress(send.id, true);
  }

  private setMailingStatus(
    mailingId: string,
    status: 'scheduled' | 'sending' | 'sent' | 'cancelled',
  ): void {
    try {
      this.context.mailings.setStatus(mailingId, status, this.context.clock.now());
    } catch (error) {
      this.context.logger.warn(`mailing ${mailingId}: status ${status} not set`, error);
    }
  }

  /** send.progress, at most a few times a second per send unless the state changed. */
  private progress(sendId: string, force: boolean): void {
    const now = performance.now();
    if (!force && now - (this.lastProgress.get(sendId) ?? 0) < PROGRESS_EVERY_MS) return;
    this.lastProgress.set(sendId, now);
    const row = this.sends.get(sendId);
    if (!row) return;
    const c = this.jobs.counts(sendId);
    this.context.events.emit('send.progress', {
      sendId,
      mailingId: row.mailingId,
      state: row.state,
      queued: c.queued + c.retry + c.sending,
      sent: c.sent,
      failed: c.failed + c.bounced_hard + c.bounced_soft,
    });
  }
}
