import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import { MANUAL_CHECKS } from '../../contract/checklist';
import { CREDITS_PER_MAIL } from '../../contract/credits';
import { FOLLOW_UP_DAYS, type FollowUpT } from '../../contract/followUps';
import type { MailingT } from '../../contract/mailings';
import { DAY } from '../core/clock';
import { refuseUnticked } from '../checklist/handlers';
import { assertAgreementsAccepted } from '../desktop/agreements';
import { resolveRecipients } from '../selections/recipients';
import type { SendService } from '../sending/sendService';
import { parseSkipped } from '../sending/sendStatus';
import { FollowUpStore, type FollowUpRow } from './followUpStore';

export interface FollowUpServiceOptions {
  sending: SendService;
  /** Fetches the latest opens and clicks from the tracker before an audience is worked out. */
  sync?: () => Promise<unknown>;
  /** How often to look for due follow-ups while the app runs. */
  intervalMs?: number;
}

const CHECK_EVERY_MS = 60_000;

/**
 * "Tweede kans voor niet-openers": plans one follow-up per sent mailing and, when it is due,
 * makes its mailing (a copy with its own subject) and starts it through the ordinary send path,
 * so suppression, fair use, the agreements, the checklist and credits apply as to any send.
 * Exactly once: the original is the row's key, the copy and its state change share a transaction,
 * the send's idempotency key follows from the original, and the send's jobs and the state
 * "started" share the send's transaction. A run a crash interrupted is found again on start.
 */
export class FollowUpService {
  readonly store: FollowUpStore;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly context: AppContext,
    private readonly options: FollowUpServiceOptions,
  ) {
    this.store = new FollowUpStore(context.database.sqlite);
  }

  /** On app start: catches up once on what fell due while it was closed, then checks regularly. */
  start(): void {
    void this.runDue();
    this.timer = setInterval(() => void this.runDue(), this.options.intervalMs ?? CHECK_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  estimate(mailingId: string, days: number) {
    const original = this.sentOriginal(mailingId);
    checkDays(days);
    const dueAt = (original.sentAt ?? 0) + days * DAY;
    // Fair use as it will be judged when due: mails sent in the 48 hours before that moment.
    const resolved = resolveRecipients(this.context, mailingId, {
      now: Math.max(dueAt, this.context.clock.now()),
      audience: this.store.nonOpeners(mailingId),
    });
    const perMail = CREDITS_PER_MAIL[original.type];
    const recipients = resolved.recipients.length;
    const manual = MANUAL_CHECKS.map((id) => ({ id, key: `sending:manual.${id}` }));
    return { dueAt, recipients, credits: recipients * perMail, perMail, manual };
  }

  schedule(input: {
    mailingId: string;
    days: number;
    subject: string;
    confirmed: readonly string[];
  }): FollowUpT {
    const subject = input.subject.trim();
    if (subject === '') {
      throw new DomainError(
        ERROR_CODES.invalidInput,
        'The follow-up needs its own subject',
        'followUps:errors.subjectEmpty',
        undefined,
        [{ field: 'subject', message: 'empty', key: 'followUps:errors.subjectEmpty' }],
      );
    }
    refuseUnticked(input.confirmed);
    const estimate = this.estimate(input.mailingId, input.days);
    const now = this.context.clock.now();
    this.context.database.sqlite.transaction(() => {
      const existing = this.store.get(input.mailingId);
      if (existing && existing.state !== 'cancelled') throw alreadyPlanned();
      if (existing) this.store.remove(input.mailingId);
      this.store.insert({
        originalMailingId: input.mailingId,
        days: input.days,
        subject,
        dueAt: estimate.dueAt,
        state: 'planned',
        confirmed: JSON.stringify(MANUAL_CHECKS),
        estimatedRecipients: estimate.recipients,
        estimatedCredits: estimate.credits,
        createdAt: now,
        updatedAt: now,
      });
    })();
    void this.runDue();
    return this.view(this.store.get(input.mailingId)!);
  }

  cancel(mailingId: string): FollowUpT {
    const row = this.store.get(mailingId);
    if (!row) throw notPlanned();
    if (row.state !== 'cancelled' && !this.store.cancel(mailingId, this.context.clock.now())) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'This follow-up has already started',
        'followUps:errors.alreadyStarted',
      );
    }
    return this.view(this.store.get(mailingId)!);
  }

  list(): FollowUpT[] {
    return this.store.all().map((row) => this.view(row));
  }

  forMailing(mailingId: string): { followUp: FollowUpT | null; followUpOf: FollowUpT | null } {
    const own = this.store.get(mailingId);
    const of = this.store.byFollowUpMailing(mailingId);
    return { followUp: own ? this.view(own) : null, followUpOf: of ? this.view(of) : null };
  }

  /** Runs every follow-up that is due, one at a time; a second call meanwhile shares this run. */
  runDue(): Promise<void> {
    this.running ??= this.runAll()
      .catch((error: unknown) => this.context.logger.warn('follow-ups: run failed', error))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async runAll(): Promise<void> {
    if (this.store.due(this.context.clock.now()).length === 0) return;
    // Someone who opened since the last sync must not get the second chance.
    await this.options.sync?.().catch(() => undefined);
    for (const row of this.store.due(this.context.clock.now())) await this.runOne(row);
  }

  private async runOne(row: FollowUpRow): Promise<void> {
    const { context } = this;
    const original = row.originalMailingId;
    const mailingId = this.prepareCopy(original);
    if (mailingId === null) return;
    try {
      assertAgreementsAccepted(context.kv);
      const outcome = await this.options.sending.startSend({
        mailingId,
        confirmed: JSON.parse(row.confirmed) as string[],
        idempotencyKey: `follow-up:${original}`,
        recorded: (sendId) => this.store.started(original, sendId, context.clock.now()),
      });
      if (outcome.existing) this.store.started(original, outcome.sendId, context.clock.now());
    } catch (error) {
      // An unreachable tracker is tried again at the next check; anything else is the reason.
      const now = context.clock.now();
      if (error instanceof DomainError && error.code !== 'unavailable') {
        this.store.failed(original, error.key ?? 'followUps:errors.failed', error.params, now);
      } else {
        context.logger.warn(`follow-up of ${original}: not started yet`, error);
        const key = error instanceof DomainError ? error.key : undefined;
        this.store.waiting(
          original,
          key ?? 'followUps:errors.waiting',
          error instanceof DomainError ? error.params : undefined,
          now,
        );
      }
    }
  }

  /**
   * Makes the follow-up's mailing once: a copy of the original with the new subject and the
   * original's selections. The content is the original's, tested and sent; the subject the shop
   * typed when planning it. Returns the mailing, or null when there is nothing to run.
   */
  private prepareCopy(original: string): string | null {
    const { context } = this;
    return context.database.sqlite.transaction(() => {
      const row = this.store.get(original);
      if (row?.state === 'preparing') return row.followUpMailingId;
      if (row?.state !== 'planned') return null;
      const copy = context.mailings.copy(original);
      const now = context.clock.now();
      this.store.fitCopy(copy.id, original, row.subject, now);
      this.store.preparing(original, copy.id, now);
      return copy.id;
    })();
  }

  private sentOriginal(mailingId: string): MailingT {
    const mailing = this.context.mailings.get(mailingId);
    if (mailing.status !== 'sent' || mailing.sentAt === null) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'Only a sent mailing can get a second chance',
        'followUps:errors.notSent',
      );
    }
    if (this.store.byFollowUpMailing(mailingId)) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'A second chance gets no second chance of its own',
        'followUps:errors.isFollowUp',
      );
    }
    return mailing;
  }

  private view(row: FollowUpRow): FollowUpT {
    const originalSubject = this.store.mailingSubject(row.originalMailingId);
    const send = row.sendId ? this.options.sending.sends.get(row.sendId) : undefined;
    return {
      originalMailingId: row.originalMailingId,
      originalSubject,
      subject: row.subject,
      days: row.days,
      dueAt: row.dueAt,
      state: row.state,
      estimatedRecipients: row.estimatedRecipients,
      estimatedCredits: row.estimatedCredits,
      followUpMailingId: row.followUpMailingId,
      sendId: row.sendId,
      recipients: send ? send.recipients : null,
      sent: send ? this.options.sending.jobs.counts(send.id).sent : null,
      skipped: send ? parseSkipped(send.skipped) : null,
      creditsCharged: send ? send.creditsCommitted : null,
      errorKey: row.errorKey,
      errorParams: row.errorParams
        ? (JSON.parse(row.errorParams) as Record<string, string | number>)
        : null,
    };
  }
}

function checkDays(days: number): void {
  if (days < FOLLOW_UP_DAYS.min || days > FOLLOW_UP_DAYS.max) {
    throw new DomainError(
      ERROR_CODES.invalidInput,
      `A follow-up goes ${FOLLOW_UP_DAYS.min} to ${FOLLOW_UP_DAYS.max} days after the mailing`,
      'followUps:errors.days',
      { min: FOLLOW_UP_DAYS.min, max: FOLLOW_UP_DAYS.max },
      [{ field: 'days', message: 'out of range', key: 'followUps:errors.days' }],
    );
  }
}

function alreadyPlanned(): DomainError {
  return new DomainError(
    ERROR_CODES.conflict,
    'This mailing already has a second chance',
    'followUps:errors.exists',
  );
}

function notPlanned(): DomainError {
  return new DomainError(
    ERROR_CODES.notFound,
    'This mailing has no second chance planned',
    'followUps:errors.notFound',
  );
}
