import type Database from 'better-sqlite3';
import { cacheOnlyWrite } from '../../../db/deferredDiskSync';
import { Turns } from '../core/turns';
import type { StagedRecipients } from '../selections/recipientsStaging';
import { NewJobsStore } from './newJobsStore';

/** The first statement's jobs; later ones are sized to take about STATEMENT_MS each. */
const FIRST_JOBS = 500;
/**
 * Each statement's aim: well under the 50 ms the event loop may be held, yet few commits, since
 * every commit rewrites the pages of the two indexes on the address that its jobs touched. With
 * the checkpoints in turns of their own (WalBeforeAutoCheckpoint), 22 ms against 15 took
 * send.start at 100,000 from 935–1,181 to 795–887 ms, its longest block 26–27 ms.
 */
const STATEMENT_MS = 22;

/**
 * One job per staged recipient (NewJobsStore: INSERT … SELECT from the staging table and the
 * contacts), about STATEMENT_MS of work per statement with turns of the event loop between them, so a send of
 * 100,000 holds no jobs in memory and never holds the loop. Returns how many jobs the send got.
 */
export async function insertJobs(
  sqlite: Database.Database,
  staged: StagedRecipients,
  job: { sendId: string; mailingId: string; senderEmail: string; now: number },
): Promise<number> {
  const store = new NewJobsStore(sqlite, staged.table);
  // Each chunk commits to the operating system's cache only: the transaction that makes the
  // send ready (synchronous=FULL) syncs them all before any of these jobs can be claimed.
  const lightly = cacheOnlyWrite(sqlite);
  const last = staged.lastSeq();
  const turns = new Turns();
  const wal = new WalBeforeAutoCheckpoint(store);
  let added = 0;
  let size = FIRST_JOBS;
  for (let after = 0; after < last;) {
    // The last range ends at the last row: its ids and Message-IDs are made for rows that exist.
    const until = Math.min(after + size, last);
    const began = performance.now();
    const written = lightly(() => store.insertRange({ ...job, after, until }));
    added += written;
    size = nextSize(size, performance.now() - began);
    wal.wrote(written);
    after = until;
    await turns.pause();
    if (wal.wouldOverflow(size)) {
      wal.checkpoint();
      await turns.pause();
    }
  }
  return added;
}

/**
 * Keeps SQLite's automatic checkpoint out of the statements' commits by checkpointing in a turn
 * of its own first, once the next statement could take the WAL past the automatic one's mark
 * (1,000 pages). Inside a commit it copied and synced some 4 MB every fourth statement and held
 * the loop 40–45 ms instead of 15 (send.start's longest block 45–52 ms at 100,000 jobs). The
 * pages a job adds to the WAL are learnt at each checkpoint.
 */
class WalBeforeAutoCheckpoint {
  private jobsInWal = 0;
  /** Unknown until the first checkpoint, which therefore follows the first statement. */
  private pagesPerJob = Number.POSITIVE_INFINITY;

  private readonly limit: number;

  constructor(private readonly store: NewJobsStore) {
    this.limit = store.autoCheckpointPages();
  }

  wrote(jobs: number): void {
    this.jobsInWal += jobs;
  }

  wouldOverflow(nextJobs: number): boolean {
    return this.limit > 0 && (this.jobsInWal + nextJobs) * this.pagesPerJob >= this.limit;
  }

  checkpoint(): void {
    const pages = this.store.checkpoint();
    if (this.jobsInWal > 0 && pages > 0) this.pagesPerJob = pages / this.jobsInWal;
    this.jobsInWal = 0;
  }
}

/** The next statement's jobs: at most twice as many, at least 100. */
function nextSize(size: number, tookMs: number): number {
  const fitting = Math.round((size * STATEMENT_MS) / Math.max(tookMs, 0.1));
  return Math.max(100, Math.min(size * 2, fitting));
}
