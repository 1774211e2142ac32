import { DEFAULT_MAX_CONNECTIONS } from '../../../electron/services/sending/transport';
import {
  crashRig,
  exited,
  prepareScheduledSend,
  readDatabase,
  startChild,
} from '../../integration/sending/queueProcess';
import { until } from '../../integration/sending/seed';
import { startSmtpSink } from '../../integration/sending/smtpSink';
import { startTracker } from '../../integration/sync/trackerFixture';

const RECIPIENTS = 150;
/** Slower than the rate limit: 3 connections carry 20 mails a second, the limit allows 50. */
const REPLY_DELAY_MS = 150;
const PER_SECOND = 50;
const KILL_AFTER_MESSAGES = 20;

/**
 * The slow-server case of the exactly-once promise: the queue process is killed with SIGKILL
 * while the server holds a message (mid-DATA), then restarted until the send finishes. Reports
 * how many mails ended uncertain, beside the jobs written as 'sending' at the kill. Claims are
 * held in memory and a job becomes 'sending' with its wire mark, so that is the marked jobs only
 * (before, it counted every claim in the window: what a restart would have called uncertain
 * when every claimed job counted as on its way).
 */
export async function uncertainAfterKill(): Promise<Record<string, number>> {
  const rig = crashRig();
  try {
    const sink = (rig.sink = await startSmtpSink({ replyDelayMs: REPLY_DELAY_MS, keep: false }));
    rig.tracker = await startTracker({ credits: 5000 });
    const { sendId } = await prepareScheduledSend(rig.dir.path, {
      smtpPort: sink.port,
      tracker: rig.tracker,
      count: RECIPIENTS,
      perSecond: PER_SECOND,
    });
    const child = (rig.child = await startChild(rig.dir.path));
    let seen = 0;
    await new Promise<void>((resolve) => {
      sink.behaviour = {
        replyDelayMs: REPLY_DELAY_MS,
        keep: false,
        onMessage: () => {
          seen += 1;
          if (seen === KILL_AFTER_MESSAGES) {
            child.kill('SIGKILL');
            resolve();
          }
          return undefined;
        },
      };
    });
    await exited(child);
    const claimedAtKill = readDatabase(
      rig.dir.path,
      (db) =>
        (
          db.prepare(`select count(*) as n from send_jobs where state = 'sending'`).get() as {
            n: number;
          }
        ).n,
    );
    sink.behaviour = { replyDelayMs: REPLY_DELAY_MS, keep: false };
    rig.child = await startChild(rig.dir.path);
    const done = await until(
      'the send to finish after the restart',
      () =>
        readDatabase(
          rig.dir.path,
          (db) =>
            db
              .prepare(
                `select s.state, sum(j.state = 'uncertain') as uncertain from sends s
                 join send_jobs j on j.send_id = s.id where s.id = ? group by s.id`,
              )
              .get(sendId) as { state: string; uncertain: number },
        ),
      (s) => s.state === 'finished',
      120_000,
    );
    rig.child.kill('SIGTERM');
    await exited(rig.child);
    rig.child = undefined;
    return {
      uncertainAfterKill: done.uncertain,
      targetUncertainAfterKill: DEFAULT_MAX_CONNECTIONS,
      claimedAtKill,
    };
  } finally {
    await rig.cleanUp();
  }
}
