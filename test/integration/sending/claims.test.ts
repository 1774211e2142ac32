import { afterEach, describe, expect, it } from 'vitest';
import type { JobStore, ClaimCursor, NewJob } from '../../../electron/services/sending/jobStore';
import { jobStoreRig } from './jobStoreRig';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((done) => done()));

function store(count: number): { jobs: JobStore; state: (id: number) => JobRow } {
  const { jobs, sqlite } = jobStoreRig(cleanups);
  jobs.enqueue('snd_a', 'mlg_1', newJobs(count), 1000);
  const read = sqlite.prepare('select state, attempts, wire_at from send_jobs where id = ?');
  return { jobs, state: (id) => read.get(id) as JobRow };
}

interface JobRow {
  state: string;
  attempts: number;
  wire_at: number | null;
}

function* newJobs(count: number): Generator<NewJob> {
  for (let i = 0; i < count; i += 1) {
    yield {
      contactId: i,
      email: `klant${i}@example.nl`,
      normalizedEmail: `klant${i}@example.nl`,
      recipientId: `r${i}`,
      messageId: `<m${i}@example.nl>`,
      data: { naam: `Klant ${i}` },
    };
  }
}

const freshCursor = (): ClaimCursor => ({ after: 0, held: new Set() });

describe('claims in memory, the wire mark as the one write before a message goes', () => {
  it('a claim writes nothing and the next claim takes the jobs after it', () => {
    const { jobs, state } = store(10);
    const cursor = freshCursor();
    const first = jobs.claim('snd_a', 2000, 4, cursor);
    expect(first.map((j) => j.id)).toEqual([1, 2, 3, 4]);
    expect(state(1)).toEqual({ state: 'queued', attempts: 0, wire_at: null });
    expect(jobs.claim('snd_a', 2000, 4, cursor).map((j) => j.id)).toEqual([5, 6, 7, 8]);
    // A new run (after a crash, or the next pump) starts from the queued jobs again.
    expect(jobs.claim('snd_a', 2000, 2, freshCursor()).map((j) => j.id)).toEqual([1, 2]);
  });

  it('the mark makes a job sending with one more attempt; a job cancelled meanwhile is refused', async () => {
    const { jobs, state } = store(3);
    const claimed = jobs.claim('snd_a', 2000, 3, freshCursor());
    expect(jobs.skipOpenJobs('snd_a', 2500)).toBe(3);
    const refused = jobs.recordAndMarkOnWire([], [claimed[0]!.id], 3000);
    await refused.onDisk;
    expect(refused.notDue).toEqual([claimed[0]!.id]);
    expect(state(claimed[0]!.id).state).toBe('skipped');

    const { jobs: other, state: otherState } = store(3);
    const [job] = other.claim('snd_a', 2000, 1, freshCursor());
    const marked = other.recordAndMarkOnWire([], [job!.id], 3000);
    await marked.onDisk;
    expect(marked.notDue).toEqual([]);
    expect(otherState(job!.id)).toEqual({ state: 'sending', attempts: 1, wire_at: 3000 });
    // The outcome comes with a later commit; a crash before it would make the job uncertain.
    other.record([{ id: job!.id, state: 'sent' }], 4000);
    expect(otherState(job!.id).state).toBe('sent');
  });

  it('a retry job the run holds is not claimed twice; one that failed before its mark counts an attempt', () => {
    const { jobs, state } = store(3);
    const cursor = freshCursor();
    const [first] = jobs.claim('snd_a', 2000, 1, cursor);
    // Failed before its mark (the connection could not be opened): still an attempt.
    jobs.record([{ id: first!.id, state: 'retry', nextAt: 2500, error: 'no connection' }], 2100);
    expect(state(first!.id)).toEqual({ state: 'retry', attempts: 1, wire_at: null });

    // Due again: the retry job comes first, then the queued ones after the cursor.
    const again = jobs.claim('snd_a', 3000, 2, cursor);
    expect(again.map((j) => [j.id, j.attempts])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(cursor.held).toEqual(new Set([1]));
    // Held by the run and not yet marked: not claimed a second time.
    expect(jobs.claim('snd_a', 3000, 5, cursor).map((j) => j.id)).toEqual([3]);
  });
});
