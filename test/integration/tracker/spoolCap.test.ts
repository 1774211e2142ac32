import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { segmentBytes } from '../../../tracker/spool/spoolFiles';
import { startTrackerProcess } from './helpers/trackerProcess';
import { trackerProcessFixture } from './helpers/trackerProcessFixture';

const OVER = 'event spool over its cap';
const BACK_UNDER = 'event spool back under its cap';
const WAIT = { timeout: 30_000, interval: 100 };

/**
 * `npm run tracker` with a small TRACKER_SPOOL_MAX_MB and its ingester stopped (SIGSTOP), so the
 * spool's backlog passes the cap: the workers then check opens and clicks themselves and store
 * the valid ones, a forged token adds nothing to the spool, and once the ingester has caught up the workers
 * spool again. No valid open is lost or stored twice.
 */
describe('npm run tracker: the spool over its cap on disk', () => {
  const {
    fetchPixel,
    openToken,
    clickToken,
    openAll,
    recipients,
    storedRecipients,
    track,
    ...fixture
  } = trackerProcessFixture('winkelpost-tracker-spoolcap-');

  it('stores valid opens in the workers and spools nothing while over the cap, then spools again', async () => {
    await fixture.withLink('https://jouwmodezaak.nl/sale');
    const tracker = track(
      await startTrackerProcess({
        dbPath: fixture.dbPath(),
        workers: 2,
        // ~21 KB: some 60 spooled opens; spooling resumes under ~10 KB.
        env: { TRACKER_SPOOL_MAX_MB: '0.02' },
      }),
    );
    const spoolDir = `${fixture.dbPath()}.spool`;
    const [ingester] = tracker.pidsThatLogged('spool ingester started');
    process.kill(ingester!, 'SIGSTOP');
    const sent = recipients('spooled', 150);
    await openAll(tracker.url, sent);
    await vi.waitFor(() => expect(tracker.output()).toContain(OVER), WAIT);

    // The ingester is stopped: an open that gets stored now was checked and stored by a worker.
    let probes = 0;
    await vi.waitFor(async () => {
      const probe = `probe${(probes += 1)}`;
      sent.push(probe);
      await fetchPixel(tracker.url, openToken(probe));
      await vi.waitFor(async () => expect(await storedRecipients()).toContain(probe), {
        timeout: 1_000,
        interval: 50,
      });
    }, WAIT);

    const spooledBefore = segmentBytes(spoolDir);
    const forged = Array.from({ length: 200 }, (_, i) =>
      fetchPixel(tracker.url, openToken(`forged${i}`, randomBytes(32))),
    );
    const garbage = Array.from({ length: 50 }, (_, i) => fetchPixel(tracker.url, `x${i}.y${i}`));
    const valid = recipients('overcap', 30);
    sent.push(...valid);
    const clickers = recipients('clicker', 4);
    sent.push(...clickers);
    const clicks = clickers.map(async (recipient) => {
      const answer = await fetch(`${tracker.url}/c/${clickToken(recipient)}`, {
        redirect: 'manual',
      });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('https://jouwmodezaak.nl/sale');
    });
    await Promise.all([...forged, ...garbage, ...clicks, openAll(tracker.url, valid)]);
    await vi.waitFor(async () => {
      const events = (await fixture.storedEvents()).map((e) => `${e.kind} ${e.recipient}`);
      expect(events).toEqual(
        expect.arrayContaining([
          ...valid.map((r) => `open ${r}`),
          ...clickers.map((r) => `click ${r}`),
        ]),
      );
    }, WAIT);
    expect(segmentBytes(spoolDir)).toBe(spooledBefore);
    // Said once, not per request.
    expect(tracker.output().split(OVER)).toHaveLength(2);

    process.kill(ingester!, 'SIGCONT');
    await vi.waitFor(() => expect(tracker.output()).toContain(BACK_UNDER), WAIT);
    // Spooling again: an open grows the spool (the workers' segments stay until they rotate).
    await vi.waitFor(async () => {
      const before = segmentBytes(spoolDir);
      const probe = `again${(probes += 1)}`;
      sent.push(probe);
      await fetchPixel(tracker.url, openToken(probe));
      expect(segmentBytes(spoolDir)).toBeGreaterThan(before);
    }, WAIT);
    expect(tracker.output().split(BACK_UNDER)).toHaveLength(2);

    expect(await tracker.stop()).toBe(0);
    const stored = await storedRecipients();
    // Every valid open once, no forged one.
    expect(stored).toEqual([...sent].sort());
  });

  it('loses no open answered over the cap when its worker is killed, and tells the next worker it is over', async () => {
    const tracker = track(
      await startTrackerProcess({
        dbPath: fixture.dbPath(),
        workers: 1,
        env: { TRACKER_SPOOL_MAX_MB: '0.02' },
      }),
    );
    const [ingester] = tracker.pidsThatLogged('spool ingester started');
    const [worker] = tracker.pidsThatLogged('tracker on');
    process.kill(ingester!, 'SIGSTOP');
    const sent = recipients('spooled', 150);
    await openAll(tracker.url, sent);
    await vi.waitFor(() => expect(tracker.output()).toContain(OVER), WAIT);
    // Answered over the cap by the worker itself, which is killed the moment the last answer is
    // in: an answer there waits for the event's write, so none of these is lost.
    const answeredOverCap = recipients('overcap', 20);
    sent.push(...answeredOverCap);
    await openAll(tracker.url, answeredOverCap);
    process.kill(worker!, 'SIGKILL');
    await tracker.waitForLog('tracker on', 2);

    // Only the new worker answers and the ingester is still stopped: stored means stored by it.
    const probes = recipients('probe', 10);
    sent.push(...probes);
    await openAll(tracker.url, probes);
    await vi.waitFor(
      async () => expect(await storedRecipients()).toEqual(expect.arrayContaining(probes)),
      WAIT,
    );

    process.kill(ingester!, 'SIGCONT');
    expect(await tracker.stop()).toBe(0);
    expect(await storedRecipients()).toEqual([...sent].sort());
  });
});
