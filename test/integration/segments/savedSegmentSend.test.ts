import { afterEach, describe, expect, it } from 'vitest';
import type { SegmentT } from '../../../electron/contract/segments';
import { ManualClock } from '../../../electron/services/core/clock';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { tempDir } from '../../helpers/tempDir';
import {
  fakeResolver,
  importAndAttach,
  linkTracker,
  seedMailing,
  sendAndWait,
} from '../sending/seed';
import { startSmtpSink, type SmtpSink } from '../sending/smtpSink';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { SHOP_EXPORT } from './segmentFixture';

const SPAARDERS: SegmentT = {
  match: 'all',
  conditions: [
    { kind: 'number', column: 'waardebon_spaarpunten', op: 'gte', value: 500 },
    { kind: 'text', column: 'woonplaats', op: 'contains', value: 'utrecht' },
  ],
};

describe('a saved segment, reused after a restart, and the send it narrows', () => {
  const dir = tempDir();
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  let t: TestApp | undefined;
  let sink: SmtpSink | undefined;
  let tracker: RunningTracker | undefined;
  afterEach(async () => {
    await t?.close();
    await sink?.close();
    await tracker?.close();
    dir.remove();
  });

  const open = () => openTestApp(dir.path, clock, { sending: { resolver: fakeResolver() } });

  it('keeps the segment by name across a restart and mails only the customers in it', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    t = await open();
    await linkTracker(t, tracker);
    const saved = await t.call('segments.save', {
      name: 'Spaarders in Utrecht',
      segment: SPAARDERS,
    });
    // The same name again replaces the segment instead of adding a second one.
    expect(
      (await t.call('segments.save', { name: 'Spaarders in Utrecht', segment: SPAARDERS })).id,
    ).toBe(saved.id);
    await t.close();

    t = await open();
    const [reused] = await t.call('segments.list', {});
    expect(reused).toEqual(saved);
    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 3 });
    await importAndAttach(t, mailingId, SHOP_EXPORT);
    const summary = await t.call('mailings.setSegment', {
      id: mailingId,
      segment: reused!.segment,
    });
    // Three seeded customers without points and three of the export fall outside.
    expect(summary).toMatchObject({ recipientCount: 2, outsideSegmentCount: 6 });
    expect((await t.call('mailings.segment', { id: mailingId })).segment).toEqual(SPAARDERS);

    const status = await sendAndWait(t, mailingId, 'segment-verzending');
    expect(status).toMatchObject({ sent: 2 });
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual([
      'anna@example.nl',
      'bram@example.nl',
    ]);
    await t.call('segments.delete', { id: saved.id });
    expect(await t.call('segments.list', {})).toEqual([]);
  });
});
