import { createHash } from 'node:crypto';
import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import { CREDITS_PER_MAIL } from '../../contract/credits';
import type { MailingT } from '../../contract/mailings';
import type { StartResult } from '../../contract/sending';
import type { z } from 'zod';
import { TrackerError } from '../../../tracker/client';
import { updateCredits } from '../credits/creditsState';
import type { TrackedLink } from '../render';
import type { StagedRecipients } from '../selections/recipientsStaging';
import { statsAggregatesOf } from '../stats/statsAggregateStore';
import type { CreditsPort } from './credits';
import { insertJobs } from './newJobs';
import { parseSkipped } from './sendStatus';
import type { SendSnapshot } from './sendSnapshot';
import type { SendRow, SendStore } from './sendStore';
import type { SnapshotStore } from './snapshotStore';
import { compileSnapshot } from './snapshots';
import { refuseUnticked } from '../checklist/handlers';

export interface StartRequest {
  mailingId: string;
  at?: number;
  confirmed: string[];
  idempotencyKey: string;
  /** Runs inside the transaction that makes the send ready (a follow-up's state). */
  recorded?: (sendId: string) => void;
}

/** What `send.start` answers: the contract's shape, declared there once. */
export type StartOutcome = z.infer<typeof StartResult>;

export interface StartOptions {
  /**
   * Says whether the mailing may go (checklist without failures, manual items ticked) and returns
   * the recipients it checked, staged afresh for this start: the send's jobs come from that one
   * answer. The caller disposes of it.
   */
  guard: (mailingId: string, confirmed: readonly string[]) => Promise<StagedRecipients>;
  /** Registers the send's link table at the tracker before the first mail goes out. */
  prepareAtTracker?: (mailingId: string, links: readonly TrackedLink[]) => Promise<void>;
  /** The one compile of a send (default: compileSnapshot); tests pass another compiler. */
  compileSnapshot?: (mailing: MailingT) => Promise<SendSnapshot>;
  /** Uploads the mailing's web version once credits are reserved; must not throw (retried later). */
  publishWebVersion?: (mailingId: string) => Promise<unknown>;
}

/** What a start needs of the service around it. */
export interface StartDeps {
  context: AppContext;
  sends: SendStore;
  snapshots: SnapshotStore;
  credits: () => CreditsPort | null;
  /** The send is ready: the mailing's status, send.progress and the queue's kick. */
  ready: (send: SendRow) => void;
}

/**
 * send.start: idempotent per key, guarded by the checklist, credits reserved at the tracker, the
 * snapshot stored, then one job per recipient. The jobs are written in chunks with turns of the
 * event loop between them while the send is 'preparing' (no queue, list or status sees it); one
 * last small transaction makes it ready. A preparation that fails, or that a crash interrupted
 * (see discardUnprepared), leaves nothing behind and hands the reservation back.
 */
export class SendStarter {
  private readonly starting = new Map<string, Promise<StartOutcome>>();

  constructor(
    private readonly deps: StartDeps,
    private readonly options: StartOptions,
  ) {}

  /** A double click or a second window with the same key gets the same send, never a second one. */
  start(request: StartRequest): Promise<StartOutcome> {
    const running = this.starting.get(request.idempotencyKey);
    if (running) return running.then((outcome) => ({ ...outcome, existing: true }));
    const promise = this.doStart(request).finally(() =>
      this.starting.delete(request.idempotencyKey),
    );
    this.starting.set(request.idempotencyKey, promise);
    return promise;
  }

  private async doStart(request: StartRequest): Promise<StartOutcome> {
    const { context, sends } = this.deps;
    const existing = sends.byIdempotencyKey(request.idempotencyKey);
    if (existing) return existingOutcome(existing);
    const mailing = context.mailings.get(request.mailingId);
    if (mailing.templateKey) {
      throw new DomainError(
        ERROR_CODES.forbidden,
        'Templates cannot be sent',
        'mailings:errors.templateSend',
      );
    }
    if (sends.activeForMailing(mailing.id) || ['sent', 'sending'].includes(mailing.status)) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'This mailing is already being sent or was sent',
        'sending:errors.alreadySent',
      );
    }
    const credits = this.deps.credits();
    if (!credits) {
      throw new DomainError(
        'unavailable',
        'Sending needs a linked account',
        'sending:errors.accountNeeded',
      );
    }
    // Unticked items refuse the start before its compile hosts the mailing's images.
    refuseUnticked(request.confirmed);
    // The one compile of this send: everything after reads this snapshot, never the mailing. It
    // comes before the guard, which compiles for its checks and then ends MJML's worker before it
    // stages (sending/index.ts), so the worker is started at most once per start.
    const snapshot = await (
      this.options.compileSnapshot ?? ((m) => compileSnapshot(this.deps.context, m))
    )(mailing);
    // The checklist stages the recipients; its answer is the one the send's jobs come from.
    const staged = await this.options.guard(mailing.id, request.confirmed);
    try {
      return await this.startStaged(request, mailing, credits, staged, snapshot);
    } finally {
      staged.dispose();
    }
  }

  private async startStaged(
    request: StartRequest,
    mailing: MailingT,
    credits: CreditsPort,
    staged: StagedRecipients,
    snapshot: SendSnapshot,
  ): Promise<StartOutcome> {
    const { context, sends, snapshots } = this.deps;
    const sqlite = context.database.sqlite;
    const now = context.clock.now();
    const scheduledAt =
      // Any moment ahead, however close, is kept as a schedule; one already past means now.
      request.at !== undefined && request.at > now ? request.at : null;
    if (staged.recipients.length === 0) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'Nobody to send to',
        'sending:errors.noRecipients',
      );
    }
    const skipped = {
      duplicates: staged.skipped.duplicates.length,
      suppressed: staged.skipped.suppressed.length,
      recentlyMailed: staged.skipped.recentlyMailed.length,
    };
    const perMail = CREDITS_PER_MAIL[mailing.type];
    const amount = staged.recipients.length * perMail;
    // The send id follows from the key: a retry after a crash reserves under the same id.
    const sendId = `snd_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 24)}`;

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
    const inserted = sqlite.transaction(() => {
      const again = sends.byIdempotencyKey(request.idempotencyKey);
      if (again) return again;
      sends.insertPreparing({
        id: sendId,
        mailingId: mailing.id,
        idempotencyKey: request.idempotencyKey,
        creditsPerMail: perMail,
        creditsReserved: amount,
        skipped,
        createdAt: now,
      });
      snapshots.put(sendId, snapshot, now);
      // Kept locally too, so "Bezoeken van links" can name each link's URL.
      statsAggregatesOf(sqlite).recordMailingLinks(mailing.id, snapshot.links);
      return null;
    })();
    if (inserted) return existingOutcome(inserted);

    let added: number;
    try {
      added = await insertJobs(sqlite, staged, {
        sendId,
        mailingId: mailing.id,
        senderEmail,
        now,
      });
      sqlite.transaction(() => {
        sends.markPrepared(sendId, { state, scheduledAt, recipients: added, now });
        request.recorded?.(sendId);
      })();
    } catch (error) {
      await discardUnprepared(this.deps, sendId);
      throw error;
    }
    this.deps.ready(sends.get(sendId)!);
    // From the stored snapshot; never throws (a failed upload stays pending and is retried).
    await this.options.publishWebVersion?.(mailing.id);
    return { sendId, state, recipients: added, skipped, credits: amount, existing: false };
  }
}

/**
 * A send whose preparation did not finish (it failed, or the app stopped): its jobs, snapshot and
 * row go, and its reservation is handed back when the tracker can be reached (a start again with
 * the same key reserves anew under the same id).
 */
export async function discardUnprepared(
  deps: Pick<StartDeps, 'sends' | 'credits' | 'context'>,
  sendId: string,
): Promise<void> {
  deps.sends.discardPreparing(sendId);
  try {
    const port = deps.credits();
    if (port) updateCredits(deps.context, await port.release(sendId));
  } catch (error) {
    deps.context.logger.warn(`credit release for unprepared send ${sendId} failed`, error);
  }
}

function existingOutcome(row: SendRow): StartOutcome {
  return {
    sendId: row.id,
    state: row.state,
    recipients: row.recipients,
    skipped: parseSkipped(row.skipped),
    credits: row.creditsReserved,
    existing: true,
  };
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
