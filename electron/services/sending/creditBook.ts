import type { Logger } from '../core/logger';
import type { CreditBalance, CreditsPort } from './credits';
import { isOffline } from './credits';
import type { JobStore } from './jobStore';
import type { SendStore } from './sendStore';

/**
 * Keeps a send's reservation at the tracker in step with what went out. Before each call the amount
 * and sequence number are written to the sends row, so a retry after a crash or a dropped
 * connection uses the same idempotency key and the tracker never counts a commit twice. When the
 * tracker is unreachable the mails keep going (the credits were reserved at the start) and the
 * commit is made up for on a later settle.
 */
export class CreditBook {
  constructor(
    private readonly sends: SendStore,
    private readonly jobs: JobStore,
    private readonly port: () => CreditsPort | null,
    private readonly logger: Logger,
    private readonly onBalance: (balance: CreditBalance) => void = () => {},
  ) {}

  /**
   * What this send has used so far: the mails the server accepted. An uncertain one is charged
   * only when the shop retries it and the server accepts it; until the shop decides, its credits
   * stay reserved (release waits), and "niet verstuurd" hands them back.
   */
  billable(sendId: string): number {
    const row = this.sends.get(sendId);
    if (!row) return 0;
    const mails = this.jobs.counts(sendId).sent;
    return Math.min(row.creditsReserved, mails * row.creditsPerMail);
  }

  /** Commits what went out since the last commit. Returns false when the tracker could not be reached. */
  async settle(sendId: string): Promise<boolean> {
    const port = this.port();
    if (!port) return false;
    try {
      await this.flushPending(port, sendId);
      const row = this.sends.get(sendId);
      if (!row || row.creditsReleasedAt !== null) return true;
      const amount = this.billable(sendId) - row.creditsCommitted;
      if (amount > 0 && this.sends.beginCommit(sendId, amount))
        await this.flushPending(port, sendId);
      return true;
    } catch (error) {
      if (!isOffline(error)) this.logger.warn(`credit commit for send ${sendId} failed`, error);
      return false;
    }
  }

  /** After the last commit, hands the unused part of the reservation back (finish or cancel). */
  async release(sendId: string, now: number): Promise<boolean> {
    if (!(await this.settle(sendId))) return false;
    const port = this.port();
    const row = this.sends.get(sendId);
    // A finished send keeps the uncertain mails' credits reserved until the shop decides.
    if (row?.state === 'finished' && this.jobs.counts(sendId).uncertain > 0) return false;
    if (!port || !row || row.creditsReleasedAt !== null) return row?.creditsReleasedAt != null;
    try {
      this.onBalance(await port.release(sendId));
      this.sends.markReleased(sendId, now);
      return true;
    } catch (error) {
      if (!isOffline(error)) this.logger.warn(`credit release for send ${sendId} failed`, error);
      return false;
    }
  }

  private async flushPending(port: CreditsPort, sendId: string): Promise<void> {
    const row = this.sends.get(sendId);
    if (!row || row.creditsCommitPending <= 0) return;
    const key = `${sendId}:commit:${row.creditsCommitSeq}`;
    this.onBalance(await port.commit(sendId, row.creditsCommitPending, key));
    this.sends.acknowledgeCommit(sendId);
  }
}
