import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../electron/contract';
import { BounceLog } from '../../../electron/services/bounces/bounceLog';
import { DAY } from '../../../electron/services/core/clock';
import type { BounceRecorder } from '../../../electron/services/bounces/bounceRecorder';
import { POLICY_PAUSE_REASON } from '../../../electron/services/bounces/bounceRecorder';
import { classifyReport, type Verdict } from '../../../electron/services/bounces/classify';
import { parseBounce } from '../../../electron/services/bounces/parseBounce';
import { findJobIdInText } from '../../../electron/services/bounces/verp';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fixtureSecret, fixtureSource } from '../../unit/bounces/fixtures';
import { eventsOf, jobState, recorderFor, seedSend } from './seed';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup() {
  t = await startTestApp();
  const sqlite = t.app.context.database.sqlite;
  const recorder = recorderFor(t);
  return { t, sqlite, recorder };
}

let counter = 0;
function soft(recipient: string): Verdict {
  return {
    kind: 'soft',
    reason: 'mailboxfull',
    action: 'soft',
    review: false,
    recipient,
    status: '5.2.2',
    detail: '552 5.2.2 Mailbox full',
    originalMessageId: null,
  };
}
function record(recorder: BounceRecorder, verdict: Verdict, verpJobId: number | null) {
  counter += 1;
  return recorder.record({
    sourceHash: `hash-${counter}`,
    receivedAt: null,
    subject: 'x',
    verdict,
    verpJobId,
  });
}

async function fromFixture(file: string) {
  const source = fixtureSource(file);
  const report = await parseBounce(source);
  const hints = [...report.envelopeHints, report.original?.get('return-path') ?? ''].join('\n');
  return {
    sourceHash: createHash('sha256').update(source).digest('hex'),
    receivedAt: null,
    subject: report.subject,
    verdict: classifyReport(report),
    verpJobId: findJobIdInText(hints, fixtureSecret()),
  };
}

function statsTotals(sqlite: TestApp['app']['context']['database']['sqlite'], mailingId: string) {
  return sqlite
    .prepare(
      'select bounces_hard as hard, bounces_soft as soft, complaints from stats_mailings where mailing_id = ?',
    )
    .get(mailingId) as { hard: number; soft: number; complaints: number };
}

describe('recording bounces', () => {
  it('suppresses a hard bounce at once, counts it, and undo takes all of it back', async () => {
    const { t, sqlite, recorder } = await setup();
    seedSend(sqlite, {
      mailingId: 'm1',
      sendId: 's1',
      subject: 'Najaarsactie',
      at: t.clock.now(),
      jobs: [
        {
          id: 101,
          email: 'Anna.deVries@voorbeeld.nl',
          messageId: '<wp.j101.5c1e9a@modemarijke.nl>',
        },
      ],
    });
    const outcome = recorder.record(await fromFixture('postfix-user-unknown.eml'));
    expect(outcome).toMatchObject({ kind: 'hard', matched: true });
    expect(t.app.context.suppression.get('anna.devries@voorbeeld.nl')?.reason).toBe('hard_bounce');
    expect(jobState(sqlite, 101)).toBe('bounced_hard');
    expect(eventsOf(sqlite, 'bounce_hard')).toEqual([
      { recipientId: 'r101', detail: expect.stringContaining('5.1.1') },
    ]);
    expect(statsTotals(sqlite, 'm1').hard).toBe(1);

    const [item] = (await t.call('bounces.list', {})).items;
    expect(item).toMatchObject({
      kind: 'hard',
      email: 'anna.devries@voorbeeld.nl',
      mailingSubject: 'Najaarsactie',
      matchedBy: 'verp',
      undoable: true,
    });
    expect(item!.effects).toMatchObject({
      suppressed: true,
      jobStateBefore: 'sent',
      jobStateAfter: 'bounced_hard',
    });

    const undone = await t.call('bounces.undo', { id: item!.id });
    expect(undone.undoneAt).toBe(t.clock.now());
    expect(undone.undoable).toBe(false);
    expect(t.app.context.suppression.isSuppressed('anna.devries@voorbeeld.nl')).toBe(false);
    expect(jobState(sqlite, 101)).toBe('sent');
    expect(eventsOf(sqlite, 'bounce_hard')).toEqual([]);
    expect(statsTotals(sqlite, 'm1').hard).toBe(0);
    await expect(t.call('bounces.undo', { id: item!.id })).rejects.toMatchObject({
      error: { code: 'conflict', key: 'bounces:errors.alreadyUndone' },
    });
    await expect(t.call('bounces.undo', { id: 999 })).rejects.toBeInstanceOf(ContractFailure);
  });

  it('the same report twice (a retried move) is recognised and recorded once', async () => {
    const { t, sqlite, recorder } = await setup();
    seedSend(sqlite, {
      mailingId: 'm1',
      sendId: 's1',
      subject: 'x',
      at: t.clock.now(),
      jobs: [{ id: 102, email: 'bert@kpnmail.nl', messageId: '<wp.j102.77ab01@modemarijke.nl>' }],
    });
    const incoming = await fromFixture('postfix-mailbox-full.eml');
    recorder.record(incoming);
    expect(recorder.alreadyProcessed(incoming.sourceHash)).toBe(true);
    // A second, different notice about the same job does not count the address twice.
    record(recorder, soft('bert@kpnmail.nl'), 102);
    expect(t.app.context.suppression.softBounceCount('bert@kpnmail.nl')).toBe(1);
    expect(eventsOf(sqlite, 'bounce_soft')).toHaveLength(1);
  });

  it('suppresses on the third soft bounce (three mailings); undoing the third lifts it and keeps two', async () => {
    const { t, sqlite, recorder } = await setup();
    for (const n of [1, 2, 3, 4]) {
      seedSend(sqlite, {
        mailingId: `m${n}`,
        sendId: `s${n}`,
        subject: `Mailing ${n}`,
        at: t.clock.now() + n,
        jobs: [{ id: 200 + n, email: 'vol@postvak.nl', messageId: `<m${n}@x>` }],
      });
    }
    record(recorder, soft('vol@postvak.nl'), 201);
    record(recorder, soft('vol@postvak.nl'), 202);
    expect(t.app.context.suppression.isSuppressed('vol@postvak.nl')).toBe(false);
    const third = record(recorder, soft('vol@postvak.nl'), 203);
    expect(t.app.context.suppression.get('vol@postvak.nl')?.reason).toBe('soft_bounce');
    expect(jobState(sqlite, 203)).toBe('bounced_soft');

    await t.call('bounces.undo', { id: third.id });
    expect(t.app.context.suppression.isSuppressed('vol@postvak.nl')).toBe(false);
    expect(t.app.context.suppression.softBounceCount('vol@postvak.nl')).toBe(2);
    expect(jobState(sqlite, 203)).toBe('sent');
    record(recorder, soft('vol@postvak.nl'), 204);
    expect(t.app.context.suppression.isSuppressed('vol@postvak.nl')).toBe(true);
  });

  it('undoing an earlier soft bounce takes back its count and leaves a later suppression alone', async () => {
    const { t, sqlite, recorder } = await setup();
    for (const n of [1, 2, 3]) {
      seedSend(sqlite, {
        mailingId: `m${n}`,
        sendId: `s${n}`,
        subject: `Mailing ${n}`,
        at: t.clock.now() + n,
        jobs: [{ id: 300 + n, email: 'vroeg@postvak.nl', messageId: `<v${n}@x>` }],
      });
    }
    const first = record(recorder, soft('vroeg@postvak.nl'), 301);
    record(recorder, soft('vroeg@postvak.nl'), 302);
    record(recorder, soft('vroeg@postvak.nl'), 303);
    expect(t.app.context.suppression.isSuppressed('vroeg@postvak.nl')).toBe(true);

    await t.call('bounces.undo', { id: first.id });
    expect(t.app.context.suppression.softBounceCount('vroeg@postvak.nl')).toBe(2);
    expect(t.app.context.suppression.isSuppressed('vroeg@postvak.nl')).toBe(true);
    expect(jobState(sqlite, 301)).toBe('sent');
  });

  it('a policy refusal pauses the running send of that mailing and suppresses nobody', async () => {
    const { t, sqlite, recorder } = await setup();
    seedSend(sqlite, {
      mailingId: 'm1',
      sendId: 's1',
      subject: 'x',
      at: t.clock.now(),
      jobs: [
        { id: 107, email: 'gerrit@aannemer-vos.nl', messageId: '<wp.j107.cc4455@modemarijke.nl>' },
      ],
    });
    seedSend(sqlite, { mailingId: 'm2', sendId: 's2', subject: 'y', at: t.clock.now(), jobs: [] });
    const outcome = recorder.record(await fromFixture('exchange-o365-policy.eml'));
    expect(outcome.kind).toBe('blocked');
    expect(outcome.pausedSends).toEqual([
      { sendId: 's1', mailingId: 'm1', reason: expect.stringMatching(/^Verzenden gepauzeerd/) },
    ]);
    const sends = sqlite
      .prepare(
        'select id, state, pause_reason as reason, pause_detail as detail from sends order by id',
      )
      .all();
    expect(sends).toEqual([
      {
        id: 's1',
        state: 'paused',
        reason: POLICY_PAUSE_REASON,
        detail: expect.stringContaining('5.7.708'),
      },
      { id: 's2', state: 'running', reason: null, detail: null },
    ]);
    expect(t.app.context.suppression.isSuppressed('gerrit@aannemer-vos.nl')).toBe(false);
    expect(t.app.context.suppression.softBounceCount('gerrit@aannemer-vos.nl')).toBe(0);
    expect(jobState(sqlite, 107)).toBe('bounced_soft');
    expect(eventsOf(sqlite, 'bounce_soft')[0]?.detail).toMatch(/^blocked: 5\.7\.708/);
  });

  it('a spam complaint suppresses as a complaint and leaves the job delivered', async () => {
    const { t, sqlite, recorder } = await setup();
    seedSend(sqlite, {
      mailingId: 'm1',
      sendId: 's1',
      subject: 'x',
      at: t.clock.now(),
      jobs: [{ id: 111, email: 'klant.k@yahoo.com', messageId: '<wp.j111.a1b2c3@modemarijke.nl>' }],
    });
    recorder.record(await fromFixture('arf-complaint.eml'));
    expect(t.app.context.suppression.get('klant.k@yahoo.com')?.reason).toBe('complaint');
    expect(jobState(sqlite, 111)).toBe('sent');
    expect(statsTotals(sqlite, 'm1').complaints).toBe(1);
  });

  it('keeps an earlier unsubscribe when a hard bounce comes in, and undo does not lift it', async () => {
    const { t, sqlite, recorder } = await setup();
    seedSend(sqlite, {
      mailingId: 'm1',
      sendId: 's1',
      subject: 'x',
      at: t.clock.now(),
      jobs: [{ id: 101, email: 'anna.devries@voorbeeld.nl', messageId: '<a@b>' }],
    });
    t.app.context.suppression.suppress('anna.devries@voorbeeld.nl', 'unsubscribed', 'tracker');
    const outcome = recorder.record(await fromFixture('postfix-user-unknown.eml'));
    await t.call('bounces.undo', { id: outcome.id });
    expect(t.app.context.suppression.get('anna.devries@voorbeeld.nl')?.reason).toBe('unsubscribed');
  });

  it('a bounce that names no mail of ours changes nothing and cannot be undone', async () => {
    const { t, recorder } = await setup();
    const outcome = recorder.record(await fromFixture('exim-dsn-recipient-only.eml'));
    expect(outcome.matched).toBe(false);
    expect(t.app.context.suppression.isSuppressed('noor@fietsenmaker-delft.nl')).toBe(false);
    const [item] = (await t.call('bounces.list', {})).items;
    expect(item).toMatchObject({
      kind: 'hard',
      matchedBy: null,
      undoable: false,
      email: 'noor@fietsenmaker-delft.nl',
    });
    await expect(t.call('bounces.undo', { id: item!.id })).rejects.toMatchObject({
      error: { key: 'bounces:errors.nothingToUndo' },
    });
  });

  it('falls back to the Message-ID, stored with or without angle brackets', async () => {
    const { t, sqlite, recorder } = await setup();
    seedSend(sqlite, {
      mailingId: 'm1',
      sendId: 's1',
      subject: 'x',
      at: t.clock.now(),
      jobs: [
        { id: 108, email: 'hans.bakker@gmail.com', messageId: 'wp.j108.dd5566@modemarijke.nl' },
      ],
    });
    recorder.record(await fromFixture('gmail-workspace-no-such-user.eml'));
    const [item] = (await t.call('bounces.list', {})).items;
    expect(item).toMatchObject({ matchedBy: 'message_id', jobId: 108 });
  });

  it('lists newest first, in pages', async () => {
    const { t, recorder } = await setup();
    for (let i = 0; i < 5; i += 1) record(recorder, soft(`x${i}@y.nl`), null);
    const first = await t.call('bounces.list', { limit: 2 });
    expect(first.items.map((i) => i.email)).toEqual(['x4@y.nl', 'x3@y.nl']);
    const second = await t.call('bounces.list', { limit: 2, beforeId: first.nextBeforeId! });
    expect(second.items.map((i) => i.email)).toEqual(['x2@y.nl', 'x1@y.nl']);
    const last = await t.call('bounces.list', { limit: 2, beforeId: second.nextBeforeId! });
    expect(last.nextBeforeId).toBeNull();
  });

  it("lists one mailing's bounces, in pages", async () => {
    const { t, sqlite, recorder } = await setup();
    for (const [mailingId, first] of [
      ['m1', 101],
      ['m2', 201],
    ] as const) {
      seedSend(sqlite, {
        mailingId,
        sendId: `s-${mailingId}`,
        subject: `Nieuwsbrief ${mailingId}`,
        at: t.clock.now(),
        jobs: [0, 1, 2].map((i) => ({
          id: first + i,
          email: `${mailingId}-${i}@voorbeeld.nl`,
          messageId: `<${mailingId}.${i}@b>`,
        })),
      });
    }
    for (const id of [101, 201, 102, 202, 103]) record(recorder, soft(`${id}@y.nl`), id);
    const page = await t.call('bounces.list', { limit: 2, mailingId: 'm1' });
    expect(page.items.map((i) => i.jobId)).toEqual([103, 102]);
    expect(page.items[0]).toMatchObject({ mailingId: 'm1', mailingSubject: 'Nieuwsbrief m1' });
    const rest = await t.call('bounces.list', {
      limit: 2,
      mailingId: 'm1',
      beforeId: page.nextBeforeId!,
    });
    expect(rest.items.map((i) => i.jobId)).toEqual([101]);
    expect(rest.nextBeforeId).toBeNull();
  });
});

describe('privacy', () => {
  it('drops addresses and server words from the bounce log after three months', async () => {
    const { t, sqlite, recorder } = await setup();
    seedSend(sqlite, {
      mailingId: 'm1',
      sendId: 's1',
      subject: 'x',
      at: t.clock.now(),
      jobs: [{ id: 101, email: 'anna.devries@voorbeeld.nl', messageId: '<a@b>' }],
    });
    recorder.record(await fromFixture('postfix-user-unknown.eml'));
    const log = new BounceLog(sqlite, t.app.context.suppression, () => t.clock.now());
    expect(log.anonymiseBefore(t.clock.now() - 90 * DAY)).toBe(0);
    t.clock.advance(91 * DAY);
    expect(log.anonymiseBefore(t.clock.now() - 90 * DAY)).toBe(1);
    const [item] = (await t.call('bounces.list', {})).items;
    expect(item).toMatchObject({ email: null, reason: '', subject: '', kind: 'hard' });
    // The suppression itself stays: that is the point of it.
    expect(t.app.context.suppression.isSuppressed('anna.devries@voorbeeld.nl')).toBe(true);
  });
});

describe('forged reports', () => {
  it('a report whose VERP tag does not check out is not matched by address alone', async () => {
    const { t, sqlite, recorder } = await setup();
    seedSend(sqlite, {
      mailingId: 'm1',
      sendId: 's1',
      subject: 'x',
      at: t.clock.now(),
      jobs: [{ id: 101, email: 'anna.devries@voorbeeld.nl', messageId: '<other@x>' }],
    });
    const hard: Verdict = {
      kind: 'hard',
      reason: 'userunknown',
      action: 'suppress',
      review: false,
      recipient: 'anna.devries@voorbeeld.nl',
      status: '5.1.1',
      detail: 'User unknown',
      originalMessageId: null,
    };
    const outcome = recorder.record({
      sourceHash: 'forged',
      receivedAt: null,
      subject: 'x',
      verdict: hard,
      verpJobId: null,
      recipientFallback: false,
    });
    expect(outcome.matched).toBe(false);
    expect(t.app.context.suppression.isSuppressed('anna.devries@voorbeeld.nl')).toBe(false);
  });
});
