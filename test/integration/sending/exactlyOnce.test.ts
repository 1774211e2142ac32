import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../electron/app';
import { DEFAULT_MAX_CONNECTIONS } from '../../../electron/services/sending/transport';
import { startTracker } from '../sync/trackerFixture';
import { until } from './seed';
import { startSmtpSink, type SinkBehaviour } from './smtpSink';
import {
  childAppOptions,
  crashRig,
  exited,
  prepareScheduledSend,
  readDatabase,
  startChild,
} from './queueProcess';

const COUNT = 150;
/** The server answers each message this late: 3 connections take 20 a second, the limit is 50. */
const SLOW: SinkBehaviour = { replyDelayMs: 150 };
const PER_SECOND = 50;

interface JobRow {
  email: string;
  state: string;
  message_id: string;
}

describe('the sending process killed at each point of a send to a slow server', () => {
  const rig = crashRig();
  afterEach(() => rig.cleanUp());

  /** Jobs a restart will call uncertain: claimed and marked as on their way. */
  const onTheWire = () =>
    readDatabase(
      rig.dir.path,
      (db) =>
        (
          db
            .prepare(
              `select count(*) as n from send_jobs where state = 'sending' and wire_at is not null`,
            )
            .get() as { n: number }
        ).n,
    );
  /** Jobs written as claimed without a wire mark: claims are held in memory, so never any. */
  const claimedUnmarked = () =>
    readDatabase(
      rig.dir.path,
      (db) =>
        (
          db
            .prepare(
              `select count(*) as n from send_jobs where state = 'sending' and wire_at is null`,
            )
            .get() as { n: number }
        ).n,
    );

  /** Starts the queue process, arms the kill, and waits until it was killed there. */
  async function killAt(point: string, arm: (kill: () => void) => void): Promise<number> {
    const running = await startChild(rig.dir.path);
    rig.child = running;
    const killed = new Promise<void>((resolve) =>
      arm(() => {
        running.kill('SIGKILL');
        resolve();
      }),
    );
    const endedFirst = exited(running).then(() => {
      throw new Error(`the queue process ended before it was killed ${point}`);
    });
    await Promise.race([killed, endedFirst]);
    await exited(running);
    rig.sink!.behaviour = SLOW;
    expect(claimedUnmarked(), `claimed without a mark when killed ${point}`).toBe(0);
    return onTheWire();
  }

  /** Kills at the n-th time `hook` is called in this run. */
  const atCall = (n: number, kill: () => void) => (): undefined => {
    n -= 1;
    if (n === 0) kill();
    return undefined;
  };

  it('leaves at most one uncertain mail per connection; everyone else gets it exactly once; credits = accepted', async () => {
    rig.sink = await startSmtpSink(SLOW);
    rig.tracker = await startTracker({ credits: 5000 });
    const { sendId } = await prepareScheduledSend(rig.dir.path, {
      smtpPort: rig.sink.port,
      tracker: rig.tracker,
      count: COUNT,
      perSecond: PER_SECOND,
    });

    const marked: Record<string, number> = {};
    // Rendered and waiting for a connection: the first connection of the run arrives.
    marked.waitingForConnection = await killAt('waiting for a connection', (kill) => {
      rig.sink!.behaviour = { ...SLOW, onConnect: kill };
    });
    // The queue has claimed and built the messages for every connection it opened, and none may
    // begin one: the server holds its greeting. No MAIL FROM, so no wire mark and no DATA yet.
    marked.whileClaiming = await killAt('while claiming and building, before any DATA', (kill) => {
      rig.sink!.behaviour = {
        ...SLOW,
        holdGreeting: true,
        onConnect: atCall(DEFAULT_MAX_CONNECTIONS, kill),
      };
    });
    // The server has the whole message and has not answered yet.
    marked.midData = await killAt('mid-DATA', (kill) => {
      rig.sink!.behaviour = { ...SLOW, onMessage: atCall(5, kill) };
    });
    // The server answered 250; the queue has not written the outcome down yet.
    marked.afterReply = await killAt('between the reply and its bookkeeping', (kill) => {
      rig.sink!.behaviour = { ...SLOW, afterReply: atCall(7, kill) };
    });
    for (const [point, n] of Object.entries(marked)) {
      expect(n, `marked on the wire when killed ${point}`).toBeLessThanOrEqual(
        DEFAULT_MAX_CONNECTIONS,
      );
    }
    // Before any DATA nothing is on the wire: a claimed job that never went must come back
    // queued, never uncertain. Mid-DATA there is always at least the message the server holds.
    expect(marked.waitingForConnection).toBe(0);
    expect(marked.whileClaiming).toBe(0);
    expect(marked.midData).toBeGreaterThan(0);

    // Restarted once more: the send finishes by itself.
    rig.child = await startChild(rig.dir.path);
    const readSend = () =>
      readDatabase(
        rig.dir.path,
        (db) => db.prepare('select state from sends where id = ?').get(sendId) as { state: string },
      );
    await until('the send to finish', readSend, (s) => s.state === 'finished', 120_000);
    rig.child.kill('SIGTERM');
    await exited(rig.child);
    rig.child = undefined;

    const jobs = readDatabase(
      rig.dir.path,
      (db) => db.prepare('select email, state, message_id from send_jobs').all() as JobRow[],
    );
    const mailsTo = new Map<string, string[]>();
    for (const mail of rig.sink.received) {
      for (const to of mail.to) mailsTo.set(to, [...(mailsTo.get(to) ?? []), mail.messageId ?? '']);
    }
    const uncertain = jobs.filter((j) => j.state === 'uncertain');
    const sent = jobs.filter((j) => j.state === 'sent');
    expect(sent.length + uncertain.length).toBe(COUNT);
    expect(uncertain.length).toBe(Object.values(marked).reduce((a, b) => a + b, 0));
    for (const job of sent) expect(mailsTo.get(job.email)).toEqual([job.message_id]);
    for (const job of uncertain) expect((mailsTo.get(job.email) ?? []).length).toBeLessThan(2);

    // Uncertain mails are not charged: their credits stay reserved until the shop decides.
    const beforeDecision = await rig.tracker.store.getBalance(rig.tracker.accountId);
    expect(beforeDecision).toEqual({
      balance: 5000 - COUNT,
      reserved: uncertain.length,
    });
    const app = await createApp(childAppOptions(rig.dir.path));
    try {
      const listed = await app.handlers['send.uncertain']({ sendId });
      const addresses = listed.ok ? (listed.value as { email: string }[]).map((u) => u.email) : [];
      expect(addresses.sort()).toEqual(uncertain.map((j) => j.email).sort());
      const decided = await app.handlers['send.markUncertainNotSent']({ sendId });
      expect(decided.ok && (decided.value as { uncertain: number }).uncertain).toBe(0);
    } finally {
      await app.close();
    }
    // "Niet verstuurd": only the accepted mails were charged.
    expect(await rig.tracker.store.getBalance(rig.tracker.accountId)).toEqual({
      balance: 5000 - sent.length,
      reserved: 0,
    });
  });
});
