import type { JobResult } from './jobStore';
import type { QueueJobs } from './queuePorts';

/**
 * A wire mark refused because its job is no longer queued (the send was cancelled after the job
 * was claimed): its message must not go, and the job has no outcome to write.
 */
export class JobNoLongerDue extends Error {
  constructor(readonly jobId: number) {
    super(`job ${jobId} is no longer due`);
  }
}

interface PendingMark {
  id: number;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * One send's outcomes and "on the wire" marks, written by group commit (DESIGN.md, Sending).
 *
 * A job's message is finished on its SMTP connection (the final dot, after which the server may
 * deliver it) only once its mark is on disk (SmtpPool), so after a crash a job without a mark
 * was never delivered and goes back to 'queued'.
 * One commit and its sync at a time: marks asked for while a sync runs wait for it to end and
 * then share the next commit and sync. Two syncs of one WAL cannot overlap on disk anyway (the
 * second waits for the first's journal commit), so a mark waits no longer than when each commit
 * synced at once, and a send pays about one transaction and one fdatasync per group of
 * connections instead of one per message. The next commit and sync follow the end of a sync
 * at once, right after the messages it released were written to their sockets, not a turn of
 * the event loop later. Each commit also writes every outcome known so far, so the jobs marked
 * on disk without an outcome are never more than the messages on their way at that moment: at
 * most one per connection.
 */
export class WireLedger {
  private results: JobResult[] = [];
  private marks: PendingMark[] = [];
  private scheduled = false;
  /** A commit's sync is running: new marks wait for the next commit. */
  private syncing = false;

  constructor(
    private readonly jobs: Pick<QueueJobs, 'record' | 'recordAndMarkOnWire'>,
    private readonly now: () => number,
    /** Outcomes that went into a commit (progress, credits). */
    private readonly recorded: (batch: readonly JobResult[]) => void,
  ) {}

  outcome(result: JobResult): void {
    this.results.push(result);
  }

  get pendingOutcomes(): number {
    return this.results.length;
  }

  /** The outcomes not yet written, for a write of the caller's own (a claim, a flush). */
  takeOutcomes(): JobResult[] {
    const batch = this.results;
    this.results = [];
    return batch;
  }

  /** Writes the outcomes known so far now (the next wire mark's sync puts them on disk). */
  flush(): void {
    const batch = this.takeOutcomes();
    this.jobs.record(batch, this.now());
    this.recorded(batch);
  }

  /** Resolves when this job's mark is on disk: then, and only then, its message may go. */
  onWire(jobId: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.marks.push({ id: jobId, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.syncing) return;
    this.scheduled = true;
    // Connections that freed up in the same turn of the event loop share the commit.
    setImmediate(() => {
      this.scheduled = false;
      this.commit();
    });
  }

  private commit(): void {
    // One sync at a time: the marks wait for the end of the running one, which commits them.
    if (this.syncing) return;
    const marks = this.marks;
    this.marks = [];
    if (marks.length === 0) return;
    const batch = this.takeOutcomes();
    const ids: number[] = [];
    for (const mark of marks) ids.push(mark.id);
    let written: ReturnType<QueueJobs['recordAndMarkOnWire']>;
    try {
      written = this.jobs.recordAndMarkOnWire(batch, ids, this.now());
    } catch (error) {
      this.results.unshift(...batch);
      for (const mark of marks) mark.reject(error);
      return;
    }
    this.recorded(batch);
    let waiting = marks;
    if (written.notDue.length > 0) {
      waiting = marks.filter((mark) => !written.notDue.includes(mark.id));
      for (const mark of marks)
        if (!waiting.includes(mark)) mark.reject(new JobNoLongerDue(mark.id));
    }
    this.syncing = true;
    const synced = (error?: unknown) => {
      this.syncing = false;
      for (const mark of waiting) {
        if (error === undefined) mark.resolve();
        else mark.reject(error);
      }
      // The marks asked for meanwhile share the next commit and sync, at once rather than a
      // turn of the event loop later, after that turn's socket events. Queued behind the
      // releases above: the messages just released go to their sockets first.
      queueMicrotask(() => this.commit());
    };
    written.onDisk.then(
      () => synced(),
      (error: unknown) => synced(error ?? new Error('the wire marks could not be synced')),
    );
  }
}
