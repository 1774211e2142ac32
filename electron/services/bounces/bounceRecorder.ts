import type Database from 'better-sqlite3';
import type { BounceEffectsT } from '../../contract/bounces';
import type { SuppressionStore } from '../suppression/suppressionStore';
import type { Verdict } from './classify';
import { statsAggregatesOf, type StatsAggregateStore } from '../stats/statsAggregateStore';
import { bounceStoreOf, type BounceStore } from './bounceStore';
import { JobMatcher, type MatchedJob } from './jobMatcher';
import { policyPauseMessage } from './pauseMessage';

export interface IncomingBounce {
  sourceHash: string;
  receivedAt: number | null;
  subject: string;
  verdict: Verdict;
  verpJobId: number | null;
  /** False when the report carries a VERP tag that does not check out: only a Message-ID may match. */
  recipientFallback?: boolean;
}

export interface RecordOutcome {
  id: number;
  kind: RecordedKind;
  matched: boolean;
  pausedSends: { sendId: string; mailingId: string; reason: string }[];
}

type RecordedKind = 'hard' | 'soft' | 'blocked' | 'complaint' | 'delayed' | 'auto_reply' | 'review';
type JobState = 'bounced_hard' | 'bounced_soft';

/** Which job states a bounce may overwrite: never one the send queue is still working on. */
const OVERWRITABLE: Record<JobState, readonly string[]> = {
  bounced_hard: ['sent', 'uncertain', 'failed', 'bounced_soft', 'queued', 'retry'],
  bounced_soft: ['sent', 'uncertain', 'failed'],
};

/**
 * sends.pause_reason holds a short reason the send status turns into `sending:pause.<reason>`:
 * the same 'policy' the send queue uses when an SMTP server refuses on policy. pause_detail
 * carries the remote server's own words.
 */
export const POLICY_PAUSE_REASON = 'policy';

const EVENT_KIND = {
  hard: 'bounce_hard',
  soft: 'bounce_soft',
  blocked: 'bounce_soft',
  complaint: 'complaint',
};

/**
 * Turns one classified message into its effects, in one transaction: the bounce row (the undo
 * log), the statistics event, the job state, the suppression list, and — for a policy refusal —
 * pausing the running sends of that mailing.
 */
export class BounceRecorder {
  private readonly matcher: JobMatcher;
  private readonly stats: StatsAggregateStore;
  private readonly store: BounceStore;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly suppression: SuppressionStore,
    private readonly now: () => number,
    private readonly language: () => 'nl' | 'en',
  ) {
    this.stats = statsAggregatesOf(sqlite);
    this.store = bounceStoreOf(sqlite);
    this.matcher = new JobMatcher(this.store);
  }

  alreadyProcessed(sourceHash: string): boolean {
    return this.store.alreadyProcessed(sourceHash);
  }

  record(input: IncomingBounce): RecordOutcome {
    const { verdict } = input;
    if (verdict.kind === 'not_bounce')
      throw new Error('Only bounces, complaints and notices are recorded');
    // A hard verdict resting on a code alone waits for the shopkeeper (resolveReview).
    const kind: RecordedKind = verdict.kind === 'hard' && verdict.review ? 'review' : verdict.kind;
    return this.sqlite.transaction((): RecordOutcome => {
      const recipient = input.recipientFallback === false ? null : verdict.recipient;
      const match = this.matcher.match(input.verpJobId, verdict.originalMessageId, recipient);
      const effects = noEffects();
      const pausedSends: RecordOutcome['pausedSends'] = [];
      let eventId: string | null = null;
      if (
        match &&
        (kind === 'hard' || kind === 'soft' || kind === 'blocked' || kind === 'complaint')
      ) {
        const job = match.job;
        if (!this.isDuplicate(kind, job)) {
          const detail = `${verdict.status} ${verdict.detail}`.trim().slice(0, 300);
          this.applyEffects(kind, job, detail, verdict, effects, pausedSends);
          eventId = `bounce:${input.sourceHash.slice(0, 32)}`;
          const eventDetail = kind === 'blocked' ? `blocked: ${detail}` : detail;
          this.stats.addOutcomeEvent({
            id: eventId,
            mailingId: job.mailingId,
            recipientId: job.recipientId,
            kind: EVENT_KIND[kind],
            at: this.now(),
            detail: eventDetail,
          });
        }
      }
      const job = match?.job;
      const id = this.store.insert({
        sourceHash: input.sourceHash,
        receivedAt: input.receivedAt,
        processedAt: this.now(),
        kind,
        email: job?.normalizedEmail ?? verdict.recipient,
        jobId: job?.id ?? null,
        sendId: job?.sendId ?? null,
        mailingId: job?.mailingId ?? null,
        matchedBy: match?.by ?? null,
        status: verdict.status,
        reason: verdict.detail,
        subject: input.subject.slice(0, 300),
        eventId,
        effects,
      });
      return { id, kind, matched: match !== null, pausedSends };
    })();
  }

  /**
   * The shopkeeper confirms a bounce that waited for review: it takes the effects of a hard
   * bounce now (suppression, job state, statistics) and becomes one. Returns false when the row
   * is not (or no longer) waiting.
   */
  confirmReview(id: number): boolean {
    return this.sqlite.transaction((): boolean => {
      const row = this.store.waitingForReview(id);
      if (!row) return false;
      const effects = noEffects();
      const detail = `${row.status} ${row.reason}`.trim().slice(0, 300);
      const job =
        row.jobId === null ? null : (this.matcher.match(row.jobId, null, null)?.job ?? null);
      let eventId: string | null = null;
      if (job && !this.isDuplicate('hard', job)) {
        effects.suppressed = this.suppression.suppress(
          job.normalizedEmail,
          'hard_bounce',
          'bounce',
          detail,
        );
        this.setJobState(job, 'bounced_hard', detail, effects);
        eventId = `bounce:${row.sourceHash.slice(0, 32)}`;
        this.stats.addOutcomeEvent({
          id: eventId,
          mailingId: job.mailingId,
          recipientId: job.recipientId,
          kind: 'bounce_hard',
          at: this.now(),
          detail,
        });
      } else if (!job && row.email) {
        effects.suppressed = this.suppression.suppress(row.email, 'hard_bounce', 'bounce', detail);
      }
      this.store.confirmAsHard(id, eventId, effects);
      return true;
    })();
  }

  private applyEffects(
    kind: 'hard' | 'soft' | 'blocked' | 'complaint',
    job: MatchedJob,
    detail: string,
    verdict: Verdict,
    effects: BounceEffectsT,
    pausedSends: RecordOutcome['pausedSends'],
  ): void {
    const email = job.normalizedEmail;
    switch (kind) {
      case 'hard':
        effects.suppressed = this.suppression.suppress(email, 'hard_bounce', 'bounce', detail);
        this.setJobState(job, 'bounced_hard', detail, effects);
        return;
      case 'soft': {
        const wasSuppressed = this.suppression.isSuppressed(email);
        effects.softBounceCount = this.suppression.recordSoftBounce(email, detail, 'bounce');
        effects.suppressed = !wasSuppressed && this.suppression.isSuppressed(email);
        this.setJobState(job, 'bounced_soft', detail, effects);
        return;
      }
      case 'blocked': {
        // Not the address's fault: no suppression, no soft-bounce count; stop the mailing instead.
        this.setJobState(job, 'bounced_soft', detail, effects);
        const reason = policyPauseMessage(
          this.language(),
          verdict.status,
          verdict.detail,
          verdict.reason,
        );
        const paused = this.store.pauseRunningSends(job.mailingId, POLICY_PAUSE_REASON, detail);
        for (const sendId of paused) pausedSends.push({ sendId, mailingId: job.mailingId, reason });
        effects.pausedSends = paused;
        return;
      }
      case 'complaint':
        effects.suppressed = this.suppression.suppress(email, 'complaint', 'bounce', detail);
        return;
    }
  }

  /** A second report about the same job (the MTA's retry, or the send queue already saw it). */
  private isDuplicate(kind: 'hard' | 'soft' | 'blocked' | 'complaint', job: MatchedJob): boolean {
    if (kind === 'complaint') return this.store.hasActiveComplaint(job.id);
    if (kind === 'hard') return job.state === 'bounced_hard';
    return job.state === 'bounced_soft' || job.state === 'bounced_hard';
  }

  private setJobState(
    job: MatchedJob,
    target: JobState,
    detail: string,
    effects: BounceEffectsT,
  ): void {
    if (!OVERWRITABLE[target].includes(job.state)) return;
    if (!this.store.setJobState(job.id, job.state, target, detail, this.now())) return;
    effects.jobStateBefore = job.state;
    effects.jobStateAfter = target;
  }
}

function noEffects(): BounceEffectsT {
  return {
    suppressed: false,
    softBounceCount: null,
    jobStateBefore: null,
    jobStateAfter: null,
    pausedSends: [],
  };
}
