import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAgreements } from '../../helpers/agreements';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { ALL_TICKED, fakeResolver, linkTracker, seedMailing } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

describe('sending before the agreements are accepted', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let tracker: RunningTracker;
  let mailingId: string;
  beforeEach(async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    t = await startTestApp({ firstStart: true, sending: { resolver: fakeResolver() } });
    await linkTracker(t, tracker);
    ({ mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 3 }));
  });
  afterEach(async () => {
    await t.close();
    await sink.close();
    await tracker.close();
  });

  const refusal = {
    ok: false,
    error: { code: 'forbidden', key: 'desktop:errors.agreementsRequired' },
  };

  it('refuses send.start, scheduling and send.test with a clear error and mails nobody', async () => {
    const start = await t.app.handlers['send.start']({
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'voor-akkoord',
    });
    expect(start).toMatchObject(refusal);
    const scheduled = await t.app.handlers['send.start']({
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'ingepland-voor-akkoord',
      at: t.clock.now() + 3_600_000,
    });
    expect(scheduled).toMatchObject(refusal);
    const test = await t.app.handlers['send.test']({ mailingId, to: ['ik@bakkerij.nl'] });
    expect(test).toMatchObject(refusal);

    expect(await t.call('send.list', {})).toEqual([]);
    expect(sink.count).toBe(0);
  });

  it('sends once the current agreements are accepted', async () => {
    await acceptAgreements(t.app);
    const test = await t.app.handlers['send.test']({ mailingId, to: ['ik@bakkerij.nl'] });
    expect(test.ok).toBe(true);
    const start = await t.app.handlers['send.start']({
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'na-akkoord',
    });
    expect(start, JSON.stringify(start)).toMatchObject({ ok: true });
  });

  it('refuses again when the texts were renewed after the last acceptance', async () => {
    t.app.context.kv.set('desktop.agreements', { version: '2020-01', acceptedAt: 1 });
    const test = await t.app.handlers['send.test']({ mailingId, to: ['ik@bakkerij.nl'] });
    expect(test).toMatchObject(refusal);
  });
});
