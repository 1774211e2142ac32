import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { fakeResolver, linkTracker, setUpShop, until } from '../sending/seed';
import { startSmtpSink, type SmtpSink } from '../sending/smtpSink';

/** A moment on the shop's own clock. */
const at = (year: number, month: number, day: number, hour = 10) =>
  new Date(year, month - 1, day, hour).getTime();

const CUSTOMERS = [
  'email;naam;voornaam;geboortedatum',
  'mei@example.nl;Mei Jansen;Mei;17-05-1980',
  'schrikkel@example.nl;Sam Schrikkel;Sam;29/02/1984',
  'maart@example.nl;Maarten Maart;Maarten;1990-03-01',
  'woord@example.nl;Wim Woord;Wim;17 mei 1975',
  'leeg@example.nl;Lotte Leeg;Lotte;',
];

describe('birthdays', () => {
  let sink: SmtpSink;
  let tracker: RunningTracker;
  let t: TestApp;
  let dir = tempDir();
  let clock: ManualClock;

  beforeEach(async () => {
    dir = tempDir();
    clock = new ManualClock(at(2027, 1, 4, 8));
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 5000 });
    t = await openTestApp(join(dir.path, 'app'), clock, { sending: { resolver: fakeResolver() } });
    await linkTracker(t, tracker);
  });
  afterEach(async () => {
    await t.close();
    await sink.close();
    await tracker.close();
    dir.remove();
  });

  /**
   * The shop fetches its customer file again that morning (selections are usable for two months).
   */
  async function importCustomers(year: number, month: number, day: number) {
    clock.set(at(year, month, day, 7));
    await t.call('selections.import', {
      fileName: 'klanten.csv',
      dataBase64: Buffer.from(CUSTOMERS.join('\n')).toString('base64'),
      description: 'Klanten',
      consent: true,
    });
  }

  async function activeBirthdayAutomation(): Promise<string> {
    const senderId = await setUpShop(t, { smtpPort: sink.port });
    const mailing = await t.call('mailings.create', { type: 'newsletter' });
    await t.call('mailings.update', {
      id: mailing.id,
      patch: {
        subject: 'Gefeliciteerd, [[voornaam]]!',
        topLine: 'Een taart van ons',
        from: senderId,
      },
    });
    t.app.context.mailings.markTested(mailing.id, clock.now() + 1);
    clock.advance(1000);
    const saved = await t.call('automations.save', {
      kind: 'birthday',
      name: 'Verjaardagen',
      mailingId: mailing.id,
      settings: { runAt: '09:00' },
    });
    await t.call('automations.activate', {
      id: saved.id,
      confirmed: ['permission', 'testChecked', 'contentCorrect'],
    });
    return saved.id;
  }

  /** Sets the clock, runs a tick and waits until every run with a send has finished. */
  async function dayAt(moment: number, automationId: string) {
    clock.set(moment);
    await t.app.automations.tick();
    return until(
      'the runs to end',
      () => t.call('automations.runs', { id: automationId }),
      (runs) => runs.every((r) => r.state !== 'sending'),
    );
  }

  const mailedSince = (from: number) =>
    sink.received
      .slice(from)
      .flatMap((m) => m.to)
      .sort();

  it('congratulates once a year on the day, 29 February on 28 February outside leap years', async () => {
    await importCustomers(2027, 1, 4);
    const id = await activeBirthdayAutomation();

    // Before the run time nothing happens; at 09:00 the day's run has nobody to congratulate.
    await dayAt(at(2027, 1, 4, 8), id);
    expect(await t.call('automations.runs', { id })).toEqual([]);
    let runs = await dayAt(at(2027, 1, 4, 9), id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ sourceKey: '2027-01-04', state: 'finished', recipients: 0 });

    await importCustomers(2027, 2, 28);
    let seen = sink.received.length;
    await dayAt(at(2027, 2, 28), id);
    expect(mailedSince(seen)).toEqual(['schrikkel@example.nl']);
    seen = sink.received.length;
    await dayAt(at(2027, 3, 1), id);
    expect(mailedSince(seen)).toEqual(['maart@example.nl']);
    // A second tick on the same day sends nothing again.
    seen = sink.received.length;
    await dayAt(at(2027, 3, 1, 15), id);
    expect(mailedSince(seen)).toEqual([]);

    await importCustomers(2027, 5, 17);
    seen = sink.received.length;
    await dayAt(at(2027, 5, 17), id);
    expect(mailedSince(seen)).toEqual(['mei@example.nl', 'woord@example.nl']);

    // 2028 is a leap year: 28 February is nobody's day, 29 February is Sam's.
    await importCustomers(2028, 2, 28);
    seen = sink.received.length;
    await dayAt(at(2028, 2, 28), id);
    expect(mailedSince(seen)).toEqual([]);
    await dayAt(at(2028, 2, 29), id);
    expect(mailedSince(seen)).toEqual(['schrikkel@example.nl']);
    await importCustomers(2028, 5, 17);
    seen = sink.received.length;
    await dayAt(at(2028, 5, 17), id);
    expect(mailedSince(seen)).toEqual(['mei@example.nl', 'woord@example.nl']);

    runs = await t.call('automations.runs', { id });
    const sent = runs.filter((r) => r.sent > 0).map((r) => r.sourceKey);
    expect(sent.sort()).toEqual([
      '2027-02-28',
      '2027-03-01',
      '2027-05-17',
      '2028-02-29',
      '2028-05-17',
    ]);
    // Each run's mail is a mailing of its own, with its own statistics.
    const stats = await t.call('stats.get', { mailingId: runs[0]!.runMailingId! });
    expect(stats.mailing.recipients).toBe(2);
  });

  it('after the computer was off: a day late still goes, older days are listed as skipped', async () => {
    await importCustomers(2027, 5, 10);
    const id = await activeBirthdayAutomation();
    await dayAt(at(2027, 5, 10), id);

    // Off from the 11th until the morning of the 18th, before the run time.
    let seen = sink.received.length;
    const runs = await dayAt(at(2027, 5, 18, 8), id);
    expect(mailedSince(seen)).toEqual(['mei@example.nl', 'woord@example.nl']);
    const byDay = Object.fromEntries(runs.map((r) => [r.sourceKey, r]));
    expect(byDay['2027-05-17']).toMatchObject({ state: 'finished', sent: 2 });
    for (const day of ['2027-05-11', '2027-05-16'])
      expect(byDay[day]).toMatchObject({
        state: 'skipped',
        reason: { key: 'automations:reasons.birthdayTooLate' },
      });
    expect(byDay['2027-05-18']).toBeUndefined();

    // Off again from the 16th of May 2028 to the 19th: the 17th is two days past.
    await importCustomers(2028, 5, 15);
    await dayAt(at(2028, 5, 15), id);
    seen = sink.received.length;
    const later = await dayAt(at(2028, 5, 19), id);
    expect(mailedSince(seen)).toEqual([]);
    expect(later.find((r) => r.sourceKey === '2028-05-17')).toMatchObject({ state: 'skipped' });
  });
});
