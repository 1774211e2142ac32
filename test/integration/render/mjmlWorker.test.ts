import { afterEach, describe, expect, it } from 'vitest';
import { mjmlCompiler, releaseMjmlWorker } from '../../../electron/services/render/compile';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import {
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
  type RunningTracker,
} from '../sync/trackerFixture';
import { ALL_TICKED, fakeResolver, seedMailing, until } from '../sending/seed';
import { startSmtpSink, type SmtpSink } from '../sending/smtpSink';

let t: TestApp | undefined;
let sink: SmtpSink | undefined;
let tracker: RunningTracker | undefined;
afterEach(async () => {
  await t?.close();
  await sink?.close();
  await tracker?.close();
  t = sink = tracker = undefined;
});

describe("MJML's worker thread in the app", () => {
  it('compiles for the checklist, ends right after the send compiled, and starts again for a preview', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    t = await startTestApp({ trackerUrl: tracker.url, sending: { resolver: fakeResolver() } });
    await t.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 2 });
    // One compiler per process: one left running by an earlier test must not pass for this one.
    releaseMjmlWorker();
    expect(mjmlCompiler.running).toBe(false);

    await t.call('checklist.get', { mailingId });
    expect(mjmlCompiler.running).toBe(true);
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'worker-ends',
    });
    // Its mails need no compile: the worker (and MJML's memory) is gone while they go out.
    expect(mjmlCompiler.running).toBe(false);
    await until(
      'the send to finish',
      () => t!.call('send.status', { sendId: started.sendId }),
      (s) => s?.state === 'finished',
    );
    expect(sink.received).toHaveLength(2);

    const preview = await t.call('mailings.preview', { id: mailingId });
    expect(preview.html).toContain('</html>');
    expect(mjmlCompiler.running).toBe(true);
  }, 60_000);
});
