import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import {
  crashRig,
  exited,
  prepareScheduledSend,
  readDatabase,
  startChild,
} from '../integration/sending/queueProcess';
import { until } from '../integration/sending/seed';
import { DEFAULT_MAX_CONNECTIONS } from '../../electron/services/sending/transport';
import { startTracker } from '../integration/sync/trackerFixture';
import { countDelivered, readDeliveries } from './maildir';
import { LogTail, summarizeLog } from './postfixLog';
import type { PostfixInstance } from './postfixInstance';

/** Where in a message's life the sending process is killed, read from Postfix's log or Maildir. */
export type KillMoment =
  /** smtpd logged `client=`: a transaction's MAIL FROM arrived (mark and DATA about to follow). */
  | 'envelopeBegun'
  /** cleanup logged the Message-ID: the message's DATA is arriving (or just ended). */
  | 'dataUnderWay'
  /** qmgr took a message into the active queue: Postfix just answered 250 for it. */
  | 'justAccepted'
  /** The Maildir count grew: a message was delivered a moment after its 250. */
  | 'maildirGrew'
  /**
   * A slow server holds a message on every connection: cleanup logged one Message-ID per
   * connection, and 300 ms went by for their final dots to arrive (their 250s come a second late).
   */
  | 'heldBySlowServer'
  /** At a random moment, 0.2–3 s after arming. */
  | 'random';

export interface KillScenario {
  postfix: PostfixInstance;
  recipients: number;
  perSecond: number;
  moments: KillMoment[];
  /** Called after each kill, before the restart (the slow case makes Postfix fast again). */
  afterKill?: (index: number) => void;
  /** How long a restarted send runs before the kill is armed: ms, at random in [min, max]. */
  settleMs?: [number, number];
  finishTimeoutMs?: number;
}

interface JobRow {
  email: string;
  state: string;
  message_id: string;
}

const INITIAL_CREDITS = 100_000;

/**
 * The send of issue 17 against a real Postfix: a scheduled send of `recipients` at `perSecond`,
 * the sending process SIGKILLed at each of `moments` and restarted, then left to finish by itself.
 * Counts from the Maildir, the database and the tracker's credit ledger.
 */
export async function runKillScenario(scenario: KillScenario) {
  const { postfix } = scenario;
  const rig = crashRig();
  try {
    rig.tracker = await startTracker({ credits: INITIAL_CREDITS });
    const { sendId } = await prepareScheduledSend(rig.dir.path, {
      smtpPort: postfix.port,
      tracker: rig.tracker,
      count: scenario.recipients,
      perSecond: scenario.perSecond,
    });
    const kills: Record<string, number | string>[] = [];
    for (const [index, moment] of scenario.moments.entries()) {
      const child = (rig.child = await startChild(rig.dir.path));
      // Let the restarted send get going, at a different pace each time.
      const [min, max] = scenario.settleMs ?? [500, 3000];
      await pause(min + Math.random() * (max - min));
      const deliveredBefore = countDelivered(postfix.maildir);
      const killedAt = await killWhen(
        child,
        moment,
        postfix,
        () => sendState(rig.dir.path, sendId) === 'finished',
      );
      await exited(child);
      rig.child = undefined;
      kills.push({ moment, killedAt, deliveredBefore, ...wireCounts(rig.dir.path) });
      scenario.afterKill?.(index);
      if (sendState(rig.dir.path, sendId) === 'finished') break;
    }
    rig.child = await startChild(rig.dir.path);
    const finished = await until(
      'the send to finish by itself',
      () => sendState(rig.dir.path, sendId),
      (state) => state === 'finished' || state === 'paused',
      scenario.finishTimeoutMs ?? 600_000,
    ).catch((error: Error) => error.message);
    rig.child.kill('SIGTERM');
    await exited(rig.child);
    rig.child = undefined;
    await untilPostfixIdle(postfix);

    const jobs = readDatabase(
      rig.dir.path,
      (db) => db.prepare('select email, state, message_id from send_jobs').all() as JobRow[],
    );
    const balance = await rig.tracker.store.getBalance(rig.tracker.accountId);
    return {
      kills,
      finishedByItself: finished === 'finished',
      endState: finished,
      ...tally(jobs, postfix),
      creditsCharged: INITIAL_CREDITS - balance.balance - balance.reserved,
      creditsReserved: balance.reserved,
    };
  } finally {
    await rig.cleanUp();
  }
}

function tally(jobs: JobRow[], postfix: PostfixInstance) {
  const deliveries = readDeliveries(postfix.maildir);
  const idsTo = new Map<string, string[]>();
  const timesId = new Map<string, number>();
  for (const d of deliveries) {
    idsTo.set(d.to, [...(idsTo.get(d.to) ?? []), d.messageId]);
    timesId.set(d.messageId, (timesId.get(d.messageId) ?? 0) + 1);
  }
  const log = summarizeLog(postfix.logFile);
  const states: Record<string, number> = {};
  for (const job of jobs) states[job.state] = (states[job.state] ?? 0) + 1;
  const uncertain = jobs.filter((j) => j.state === 'uncertain');
  const others = jobs.filter((j) => j.state !== 'uncertain');
  const deliveredOnce = (job: JobRow) => {
    const ids = idsTo.get(job.email) ?? [];
    return ids.length === 1 && ids[0] === job.message_id;
  };
  return {
    jobStates: states,
    totalDelivered: deliveries.length,
    postfixAccepted: log.accepted,
    addressesWithTwoDifferentMessageIds: [...idsTo.values()].filter((ids) => new Set(ids).size > 1)
      .length,
    sameMessageIdDeliveredTwice: [...timesId.values()].filter((n) => n > 1).length,
    uncertain: uncertain.length,
    uncertainDeliveredByPostfix: uncertain.filter((j) => (idsTo.get(j.email) ?? []).length > 0)
      .length,
    uncertainWhoseDataBegan: uncertain.filter((j) => log.dataBegun.has(j.message_id)).length,
    othersNotDeliveredExactlyOnce: others.filter((j) => j.state === 'sent' && !deliveredOnce(j))
      .length,
    othersNotSent: others.filter((j) => j.state !== 'sent').length,
    sentJobs: states.sent ?? 0,
    postfixLostConnectionAfterData: log.lostAfterData,
    postfixLostConnectionAfter: log.lostAfter,
  };
}

/** Jobs written as on their way at the kill: what the restart will call uncertain. */
function wireCounts(dataDir: string) {
  return readDatabase(dataDir, (db) => ({
    markedOnTheWire: (
      db
        .prepare(
          `select count(*) as n from send_jobs where state = 'sending' and wire_at is not null`,
        )
        .get() as { n: number }
    ).n,
    claimedUnmarked: (
      db
        .prepare(`select count(*) as n from send_jobs where state = 'sending' and wire_at is null`)
        .get() as { n: number }
    ).n,
  }));
}

function sendState(dataDir: string, sendId: string): string {
  return readDatabase(
    dataDir,
    (db) =>
      (db.prepare('select state from sends where id = ?').get(sendId) as { state: string }).state,
  );
}

const LOG_LINE_OF: Record<KillMoment, RegExp> = {
  envelopeBegun: /postfix\/smtpd\[\d+\]: \w+: client=/,
  dataUnderWay: /postfix\/cleanup\[\d+\]: \w+: message-id=/,
  justAccepted: /\(queue active\)/,
  heldBySlowServer: /postfix\/cleanup\[\d+\]: \w+: message-id=/,
  maildirGrew: /status=sent/,
  random: /$^/,
};

/** Kills `child` at `moment`; answers what was seen when it was killed. */
async function killWhen(
  child: ChildProcess,
  moment: KillMoment,
  postfix: PostfixInstance,
  sendFinished: () => boolean,
): Promise<string> {
  if (moment === 'random') {
    const ms = Math.round(200 + Math.random() * 2800);
    await pause(ms);
    child.kill('SIGKILL');
    return `after ${ms} ms`;
  }
  const tail = new LogTail(postfix.logFile);
  const delivered = countDelivered(postfix.maildir);
  const pattern = LOG_LINE_OF[moment];
  const needed = moment === 'heldBySlowServer' ? DEFAULT_MAX_CONNECTIONS : 1;
  let seen = 0;
  for (let polls = 0; polls < 30_000; polls += 1) {
    seen +=
      moment === 'maildirGrew'
        ? Number(countDelivered(postfix.maildir) > delivered)
        : tail.newLines().filter((l) => pattern.test(l)).length;
    if (seen >= needed) {
      if (moment === 'heldBySlowServer') await pause(300);
      child.kill('SIGKILL');
      return moment;
    }
    if (child.exitCode !== null) throw new Error('the sending process ended before its kill');
    // The moment will not come once everything went (a small send, a slow start).
    if (polls % 100 === 99 && sendFinished()) break;
    await pause(2);
  }
  child.kill('SIGKILL');
  return sendFinished() ? `${moment}: the send had finished` : `${moment} not seen within a minute`;
}

/** Waits until Postfix's queue is empty and the Maildir stopped growing. */
async function untilPostfixIdle(postfix: PostfixInstance): Promise<void> {
  const spool = join(postfix.maildir, '..', '..', 'spool');
  const queued = () =>
    ['incoming', 'active', 'deferred', 'maildrop'].reduce(
      (sum, queue) => sum + filesUnder(join(spool, queue)),
      0,
    );
  let last = -1;
  for (;;) {
    const now = countDelivered(postfix.maildir);
    if (now === last && queued() === 0) return;
    last = now;
    await pause(1000);
  }
}

function filesUnder(dir: string): number {
  try {
    return readdirSync(dir, { withFileTypes: true }).reduce(
      (sum, entry) => sum + (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : 1),
      0,
    );
  } catch {
    return 0;
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
