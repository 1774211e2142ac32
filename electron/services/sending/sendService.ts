import { createHash } from 'node:crypto';
import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import { CREDITS_PER_MAIL } from '../../contract/credits';
import type { MailingT } from '../../contract/mailings';
import type { SendStatusT, UncertainRecipientT } from '../../contract/sending';
import { TrackerError } from '../../../tracker/client';
import { updateCredits } from '../credits/creditsState';
import { RESTORED_PAUSE_REASON } from '../desktop/restoredSends';
import type { TrackedLink } from '../render';
import type { ResolvedRecipients } from '../selections/recipients';
import { recordMailingLinks } from '../stats/mailingLinks';
import { CreditBook } from './creditBook';
import { trackerCredits, type CreditsPort } from './credits';
import { JobStore } from './jobStore';
import { newJobs } from './newJobs';
import type { MessageSourceFactory } from './messageSource';
import type { Messenger } from './messenger';
import { SendManager, type SendManagerOptions } from './sendManager';
import { parseSkipped, sendStatus } from './sendStatus';
import type { SendSnapshot } from './sendSnapshot';
import { compileSnapshot } from './snapshots';
import { SendStore, type SendRow } from './sendStore';
import { SnapshotStore } from './snapshotStore';
import { webVersionState } from './webVersion';

export interface StartRequest {
  mailingId: string;
  at?: number;
  confirmed: string[];
  idempotencyKey: string;
  /** Runs inside the transaction that records the send and its jobs (a follow-up's state). */
  recorded?: (sendId: string) => void;
}

export interface StartOutcome {
  sendId: string;
  state: 'scheduled' | 'running' | 'paused' | 'finished' | 'cancelled';
  recipients: number;
  skipped: SendStatusT['skipped'];
  credits: number;
  existing: boolean;
}

export interface SendServiceOptions {
  sources: MessageSourceFactory;
  messengers: (send: SendRow) => Messenger;
  /** The tracker's credit ledger; null when the app is not linked to an account. */
  credits?: () => CreditsPort | null;
  /**
   * Says whether the mailing may go (checklist without failures, manual items ticked) and returns
   * the recipients it checked, worked out afresh for this start: the send uses that one answer.
   */
  guard: (mailingId: string, confirmed: readonly string[]) => Promise<ResolvedRecipients>;
  /** Registers the send's link table at the tracker before the first mail goes out. */
  prepareAtTracker?: (mailingId: string, links: readonly TrackedLink[]) => Promise<void>;
  /** The one compile of a send (default: compileSnapshot); tests pass another compiler. */
  compileSnapshot?: (mailing: MailingT) => Promise<SendSnapshot>;
  /** Uploads the mailing's web version once credits are reserved; must not throw (retried later). */
  publishWebVersion?: (mailingId: string) => Promise<unknown>;
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
  private readonly starting = new Map<string, Promise<StartOutcome>>();
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
  }

  /**
   * On app start: in-flight jobs become uncertain, sends that were due while the app was closed
   * start now (marked, so the "Versturen" page can say so), and the worker begins.
   */
  start(): { uncertain: number; startedLate: number } {
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
    const running = this.starting.get(request.idempotencyKey);
    if (running) return running.then((outcome) => ({ ...outcome, existing: true }));
    const promise = this.doStart(request).finally(() =>
      this.starting.delete(request.idempotencyKey),
    );
    this.starting.set(request.idempotencyKey, promise);
    return promise;
  }

  private existingOutcome(row: SendRow): StartOutcome {
    return {
      sendId: row.id,
      state: row.state,
      recipients: row.recipients,
      skipped: parseSkipped(row.skipped),
      credits: row.creditsReserved,
      existing: true,
    };
  }

  private async doStart(request: StartRequest): Promise<StartOutcome> {
    const existing = this.sends.byIdempotencyKey(request.idempotencyKey);
    if (existing) return this.existingOutcome(existing);
    const { context } = this;
    const mailing = context.mailings.get(request.mailingId);
    if (mailing.templateKey) {
      throw new DomainError(
        ERROR_CODES.forbidden,
        'Templates cannot be sent',
        'mailings:errors.templateSend',
      );
    }
    const active = this.sends.activeForMailing(mailing.id);
    if (active || mailing.status === 'sent' || mailing.status === 'sending') {
      throw new DomainError(
        ERROR_CODES.conflict,
        'This mailing is already being sent or was sent',
        'sending:errors.alreadySent',
      );
    }
    const credits = this.credits();
    if (!credits) {
      throw new DomainError(
        'unavailable',
        'Sending needs a linked account',
        'sending:errors.accountNeeded',
      );
    }
    // The checklist resolves the recipients (~0.5 s at 100,000 contacts); its answer is the one
    // the send uses, rather than resolving them a second time.
    const resolved = await this.options.guard(mailing.id, request.confirmed);

    const now = context.clock.now();
    const scheduledAt =
      // Any moment ahead, however close, is kept as a schedule; one already past means now.
      request.at !== undefined && request.at > now ? request.at : null;
    if (resolved.recipients.length === 0) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'Nobody to send to',
        'sending:errors.noRecipients',
      );
    }
    const skipped = {
      duplicates: resolved.skipped.duplicates.length,
      suppressed: resolved.skipped.suppressed.length,
      recentlyMailed: resolved.skipped.recentlyMailed.length,
    };
    const perMail = CREDITS_PER_MAIL[mailing.type];
    const amount = resolved.recipients.length * perMail;
    // The send id follows from the key: a retry after a crash reserves under the same id.
    const sendId = `snd_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 24)}`;

    // The one compile of this send: everything after reads this snapshot, never the mailing.
    const snapshot = await (this.options.compileSnapshot ?? ((m) => compileSnapshot(context, m)))(
      mailing,
    );
    await this.options.prepareAtTracker?.(mailing.id, snapshot.links).catch((error: unknown) => {
      throw trackerProblem(error);
    });
    try {
      updateCredits(context, await credits.reserve(sendId, amount));
    } catch (error) {
      throw trackerProblem(error);
    }

    const senderEmail =
      context.settings.read().senders.find((s) => s.id === mailing.from)?.email ?? '';
    const state = scheduledAt === null ? 'running' : 'scheduled';
    const inserted = context.database.sqlite.transaction(() => {
      const again = this.sends.byIdempotencyKey(request.idempotencyKey);
      if (again) return again;
      this.sends.insert({
        id: sendId,
        mailingId: mailing.id,
        idempotencyKey: request.idempotencyKey,
        state,
        scheduledAt,
        recipients: 0,
        creditsPerMail: perMail,
        creditsReserved: amount,
        skipped,
        createdAt: now,
      });
      this.snapshots.put(sendId, snapshot, now);
      // Kept locally too, so "Bezoeken van links" can name each link's URL.
      recordMailingLinks(context.database.sqlite, mailing.id, snapshot.links);
      const jobs = newJobs(resolved.recipients, senderEmail);
      const added = this.jobs.enqueue(sendId, mailing.id, jobs, now);
      context.database.sqlite
        .prepare('update sends set recipients = ? where id = ?')
        .run(added, sendId);
      request.recorded?.(sendId);
      return null;
    })();
    if (inserted) return this.existingOutcome(inserted);
    this.setMailingStatus(mailing.id, state === 'running' ? 'sending' : 'scheduled');
    const row = this.sends.get(sendId)!;
    this.progress(sendId, true);
    this.manager.kick();
    // From the stored snapshot; never throws (a failed upload stays pending and is retried).
    await this.options.publishWebVersion?.(mailing.id);
    return {
      sendId,
      state,
      recipients: row.recipients,
      skipped,
      credits: amount,
      existing: false,
    };
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
        this.context.database.sqlite
          .prepare('update sends set started_at = coalesce(started_at, ?) where id = ?')
          .run(now, sendId);
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
      this.subjectOf(row.mailingId),
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

  private subjectOf(mailingId: string): string {
    const row = this.context.database.sqlite
      .prepare('select subject from mailings where id = ?')
      .get(mailingId) as { subject: string } | undefined;
    return row?.subject ?? '';
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

/** The tracker's answer to a reservation in the shopkeeper's words. */
function trackerProblem(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof TrackerError) {
    if (error.code === 'insufficient_credits') {
      return new DomainError(
        ERROR_CODES.conflict,
        'Not enough credits',
        'sending:errors.insufficientCredits',
      );
    }
    if (error.code === 'unauthorized') {
      return new DomainError(
        'unavailable',
        'The account session expired',
        'sending:errors.sessionExpired',
      );
    }
  }
  return new DomainError(
    'unavailable',
    'The tracker cannot be reached',
    'sending:errors.trackerOffline',
    {
      detail: error instanceof Error ? error.message : String(error),
    },
  );
}
