import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../electron/app';
import { DAY, HOUR, ManualClock } from '../../../electron/services/core/clock';
import { DEFAULT_MAX_CONNECTIONS } from '../../../electron/services/sending/transport';
import { acceptAgreements } from '../../helpers/agreements';
import type { TestApp } from '../../helpers/testApp';
import { unwrap } from '../../../electron/contract';
import {
  ALL_TICKED,
  linkTracker,
  recipientAddress,
  seedMailing,
  sendAndWait,
  until,
} from '../sending/seed';
import {
  childAppOptions,
  crashRig,
  exited,
  readDatabase,
  startChild,
} from '../sending/queueProcess';
import { startSmtpSink, type SinkBehaviour } from '../sending/smtpSink';
import { PERSON_AGENT, startTracker } from '../sync/trackerFixture';
import { trackedMails, visit } from './tracking';
import { startTrackerProxy, type TrackerProxy } from './trackerProxy';

const COUNT = 40;
const OPENERS = 10;
const SECOND_SUBJECT = 'Tweede kans: verse stol';
const SLOW: SinkBehaviour = { replyDelayMs: 150 };

describe('the app killed while a follow-up is being sent', () => {
  const rig = crashRig();
  let proxy: TrackerProxy | undefined;
  afterEach(async () => {
    await rig.cleanUp();
    await proxy?.close();
    proxy = undefined;
  });

  /**
   * An app whose clock is three days behind sends the original, sees the first ten open it and
   * plans the follow-up two days after: on the real clock of the child process it is overdue.
   */
  async function prepare(): Promise<string> {
    const clock = new ManualClock(Date.now() - 3 * DAY - HOUR);
    const app = await createApp({ ...childAppOptions(rig.dir.path), clock });
    await acceptAgreements(app);
    const t = {
      app,
      clock,
      dataDir: rig.dir.path,
      call: async (channel: string, input: unknown) =>
        unwrap(await app.handlers[channel as 'send.start'](input)),
      close: () => app.close(),
    } as unknown as TestApp;
    try {
      // The app talks to the tracker through the proxy, which can kill it mid-reservation.
      await linkTracker(t, { ...rig.tracker!, url: proxy!.url });
      const { mailingId } = await seedMailing(t, {
        smtpPort: rig.sink!.port,
        count: COUNT,
        perSecond: 50,
      });
      await sendAndWait(t, mailingId, 'original');
      const mails = await trackedMails(rig.sink!.received, proxy!.url);
      for (let i = 0; i < OPENERS; i += 1) {
        const mail = mails.find((m) => m.to === recipientAddress(i))!;
        expect(await visit(mail.pixel, PERSON_AGENT)).toBe(200);
      }
      await t.call('sync.now', {});
      await t.call('followUps.schedule', {
        mailingId,
        days: 2,
        subject: SECOND_SUBJECT,
        confirmed: ALL_TICKED,
      });
      return mailingId;
    } finally {
      await app.close();
    }
  }

  async function killWhen(arm: (kill: () => void) => void): Promise<void> {
    const running = await startChild(rig.dir.path);
    rig.child = running;
    const killed = new Promise<void>((resolve) =>
      arm(() => {
        running.kill('SIGKILL');
        resolve();
      }),
    );
    const endedFirst = exited(running).then(() => {
      throw new Error('the app ended before it was killed');
    });
    await Promise.race([killed, endedFirst]);
    await exited(running);
    rig.sink!.behaviour = SLOW;
  }

  it('resumes the one follow-up on restart: one mailing, one send, nobody mailed twice', async () => {
    rig.sink = await startSmtpSink();
    rig.tracker = await startTracker({ credits: 5000 });
    proxy = await startTrackerProxy(rig.tracker.url);
    const original = await prepare();
    const before = rig.sink.received.length;

    // Killed when the tracker has reserved the credits and the app has not heard back: the
    // follow-up's mailing exists, its send does not yet.
    await killWhen((kill) => {
      proxy!.onAnswered = (path) => {
        if (path !== '/api/credits/reserve') return false;
        proxy!.onAnswered = undefined;
        kill();
        return true;
      };
    });
    const interrupted = readDatabase(rig.dir.path, (db) => ({
      state: db
        .prepare('select state from follow_ups where original_mailing_id = ?')
        .pluck()
        .get(original),
      sends: db.prepare('select count(*) from sends').pluck().get(),
    }));
    expect(interrupted).toEqual({ state: 'preparing', sends: 1 });

    // Then as the follow-up's first connection arrives, and again at its fifth message.
    await killWhen((kill) => {
      rig.sink!.behaviour = { ...SLOW, onConnect: kill };
    });
    let messages = 5;
    await killWhen((kill) => {
      rig.sink!.behaviour = {
        ...SLOW,
        onMessage: () => {
          messages -= 1;
          if (messages === 0) kill();
          return undefined;
        },
      };
    });

    rig.child = await startChild(rig.dir.path);
    const followUp = () =>
      readDatabase(
        rig.dir.path,
        (db) =>
          db
            .prepare(
              `select f.state, f.follow_up_mailing_id as mailingId, s.state as sendState
               from follow_ups f left join sends s on s.id = f.send_id
               where f.original_mailing_id = ?`,
            )
            .get(original) as { state: string; mailingId: string; sendState: string | null },
      );
    const done = await until(
      'the follow-up to finish',
      followUp,
      (f) => f.sendState === 'finished',
      120_000,
    );
    rig.child.kill('SIGTERM');
    await exited(rig.child);
    rig.child = undefined;

    const counts = readDatabase(rig.dir.path, (db) => ({
      copies: db
        .prepare('select count(*) from mailings where subject = ?')
        .pluck()
        .get(SECOND_SUBJECT),
      sends: db
        .prepare('select count(*) from sends where mailing_id = ?')
        .pluck()
        .get(done.mailingId),
      sentTo: db
        .prepare(`select email from send_jobs where mailing_id = ? and state = 'sent'`)
        .pluck()
        .all(done.mailingId) as string[],
      jobs: db
        .prepare('select state, count(*) as n from send_jobs where mailing_id = ? group by state')
        .all(done.mailingId) as { state: string; n: number }[],
    }));
    expect(counts.copies).toBe(1);
    expect(counts.sends).toBe(1);
    const jobs = Object.fromEntries(counts.jobs.map((j) => [j.state, j.n]));
    expect((jobs.sent ?? 0) + (jobs.uncertain ?? 0)).toBe(COUNT - OPENERS);
    expect(jobs.uncertain ?? 0).toBeLessThanOrEqual(2 * DEFAULT_MAX_CONNECTIONS);

    const followUpMails = rig.sink.received
      .slice(before)
      .filter((m) => m.raw.toString('utf8').includes(`\nSubject: ${SECOND_SUBJECT}\r\n`));
    const perAddress = new Map<string, number>();
    for (const mail of followUpMails)
      perAddress.set(mail.to[0]!, (perAddress.get(mail.to[0]!) ?? 0) + 1);
    for (let i = 0; i < COUNT; i += 1) {
      const got = perAddress.get(recipientAddress(i)) ?? 0;
      if (i < OPENERS) expect(got, `opener ${i}`).toBe(0);
      else expect(got, `non-opener ${i}`).toBeLessThanOrEqual(1);
    }
    for (const email of counts.sentTo) expect(perAddress.get(email), email).toBe(1);
    // One reservation for the follow-up, however often it was asked for: accepted mails are paid,
    // uncertain ones stay reserved (not free) until the shop decides.
    expect(await rig.tracker.store.getBalance(rig.tracker.accountId)).toEqual({
      balance: 5000 - COUNT - counts.sentTo.length - (jobs.uncertain ?? 0),
      reserved: jobs.uncertain ?? 0,
    });
  });
});
