import type Database from 'better-sqlite3';
import { cacheOnlyWrite } from '../../../db/deferredDiskSync';
import { Turns } from '../core/turns';
import type { StagedRecipients } from '../selections/recipientsStaging';
import { NewJobsStore } from './newJobsStore';

/** The first statement's jobs; later ones are sized to take about STATEMENT_MS each. */
const FIRST_JOBS = 500;
/**
 * Each statement's aim: well under the 50 ms the event loop may be held, yet few commits, since
 * every commit rewrites the pages of the two indexes on the address that its jobs touched.
 */
const STATEMENT_MS = 15;

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
  let added = 0;
  let size = FIRST_JOBS;
  for (let after = 0; after < last;) {
    // The last range ends at the last row: its ids and Message-IDs are made for rows that exist.
    const until = Math.min(after + size, last);
    const began = performance.now();
    added += lightly(() => store.insertRange({ ...job, after, until }));
    size = nextSize(size, performance.now() - began);
    after = until;
    await turns.pause();
  }
  return added;
}

/** The next statement's jobs: at most twice as many, at least 100. */
function nextSize(size: number, tookMs: number): number {
  const fitting = Math.round((size * STATEMENT_MS) / Math.max(tookMs, 0.1));
  return Math.max(100, Math.min(size * 2, fitting));
}
