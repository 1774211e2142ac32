import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BounceRecorder } from '../../../electron/services/bounces/bounceRecorder';
import { classifyReport } from '../../../electron/services/bounces/classify';
import { parseBounce } from '../../../electron/services/bounces/parseBounce';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { corpusSource } from '../../unit/bounces/corpus';
import { eventsOf, jobState, recorderFor, seedSend } from './seed';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A real app with one sent mail whose Message-ID the corpus message quotes. */
async function setup(jobEmail: string, messageId: string) {
  t = await startTestApp();
  const sqlite = t.app.context.database.sqlite;
  seedSend(sqlite, {
    mailingId: 'm1',
    sendId: 's1',
    subject: 'Nieuwe collectie',
    at: t.clock.now(),
    jobs: [{ id: 7, email: jobEmail, messageId }],
  });
  const recorder = recorderFor(t);
  return { t, sqlite, recorder };
}

async function recordCorpus(recorder: BounceRecorder, file: string) {
  const source = corpusSource(file);
  const report = await parseBounce(source);
  return recorder.record({
    sourceHash: createHash('sha256').update(source).digest('hex'),
    receivedAt: null,
    subject: report.subject,
    verdict: classifyReport(report),
    verpJobId: null,
  });
}

describe('a hard bounce resting on a code alone waits for review', () => {
  it('suppresses nothing until the shopkeeper chooses Uitschrijven', async () => {
    const { t, sqlite, recorder } = await setup('kees@voorbeeld.nl', '<wp.c055@modemarijke.nl>');
    const outcome = await recordCorpus(recorder, '055-code-only-5.1.1.eml');
    expect(outcome).toMatchObject({ kind: 'review', matched: true, pausedSends: [] });
    expect(t.app.context.suppression.isSuppressed('kees@voorbeeld.nl')).toBe(false);
    expect(jobState(sqlite, 7)).toBe('sent');
    expect(eventsOf(sqlite, 'bounce_hard')).toEqual([]);

    const [item] = (await t.call('bounces.list', {})).items;
    expect(item).toMatchObject({ kind: 'review', status: '5.1.1', undoable: false });
    expect(item!.reason).toContain('delivery failed');

    const confirmed = await t.call('bounces.review', { id: item!.id, decision: 'suppress' });
    expect(confirmed).toMatchObject({ kind: 'hard', undoable: true });
    expect(confirmed.effects).toMatchObject({ suppressed: true, jobStateAfter: 'bounced_hard' });
    expect(t.app.context.suppression.get('kees@voorbeeld.nl')?.reason).toBe('hard_bounce');
    expect(jobState(sqlite, 7)).toBe('bounced_hard');
    expect(eventsOf(sqlite, 'bounce_hard')).toHaveLength(1);

    await expect(
      t.call('bounces.review', { id: item!.id, decision: 'suppress' }),
    ).rejects.toMatchObject({ error: { code: 'conflict', key: 'bounces:errors.notWaiting' } });

    // Once confirmed it is an ordinary hard bounce: undo takes it back.
    await t.call('bounces.undo', { id: item!.id });
    expect(t.app.context.suppression.isSuppressed('kees@voorbeeld.nl')).toBe(false);
    expect(jobState(sqlite, 7)).toBe('sent');
  });

  it('Negeren keeps the address and closes the question', async () => {
    const { t, recorder } = await setup('kees@voorbeeld.nl', '<wp.c055@modemarijke.nl>');
    const { id } = await recordCorpus(recorder, '055-code-only-5.1.1.eml');
    const dismissed = await t.call('bounces.review', { id, decision: 'dismiss' });
    expect(dismissed).toMatchObject({ kind: 'review', undoneAt: t.clock.now() });
    expect(t.app.context.suppression.isSuppressed('kees@voorbeeld.nl')).toBe(false);
    await expect(t.call('bounces.review', { id, decision: 'suppress' })).rejects.toMatchObject({
      error: { key: 'bounces:errors.notWaiting' },
    });
  });
});

describe('refusals about the sender pause the mailing and suppress no one', () => {
  it('Status 5.1.1 with "550 5.7.1 IP address blacklisted"', async () => {
    const email = 'klant.status@ontvanger.example';
    const { t, sqlite, recorder } = await setup(email, '<wp.c061@modemarijke.nl>');
    const outcome = await recordCorpus(recorder, '061-postfix-status-511-blacklisted.eml');
    expect(outcome.kind).toBe('blocked');
    expect(outcome.pausedSends).toEqual([
      {
        sendId: 's1',
        mailingId: 'm1',
        reason: expect.stringContaining('blokkeerlijst'),
      },
    ]);
    expect(t.app.context.suppression.isSuppressed(email)).toBe(false);
    expect(sqlite.prepare('select state from sends where id = ?').pluck().get('s1')).toBe('paused');
  });
});
