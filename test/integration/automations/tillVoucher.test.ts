import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { fakeResolver, until } from '../sending/seed';
import { startSmtpSink, type SmtpSink } from '../sending/smtpSink';
import {
  dropTillFile,
  local,
  prepareVoucherMailing,
  setUpTillAutomation,
  TILL_HEADER,
  tillRow,
  writeTillFile,
} from './tillSetup';

const DAY = 24 * 60 * 60 * 1000;

describe('vouchers from the till', () => {
  let sink: SmtpSink;
  let tracker: RunningTracker;
  let t: TestApp;
  let dir = tempDir();
  let folder = '';
  let clock: ManualClock;

  beforeEach(async () => {
    dir = tempDir();
    folder = join(dir.path, 'kassa');
    clock = new ManualClock(local(7, 7, 0));
    sink = await startSmtpSink();
    tracker = await startTracker();
    t = await openTestApp(join(dir.path, 'app'), clock, {
      sending: { resolver: fakeResolver() },
    });
  });
  afterEach(async () => {
    await t.close();
    await sink.close();
    await tracker.close();
    dir.remove();
  });

  async function runsFinished(automationId: string, count: number) {
    return until(
      `${count} finished runs`,
      () => t.call('automations.runs', { id: automationId }),
      (runs) => runs.filter((r) => r.state === 'finished').length >= count,
    );
  }

  const recipientsOf = () => sink.received.flatMap((m) => m.to).sort();

  it('waits for a file the till may still be writing, and keeps it from "Nieuwe selectie(s) ophalen"', async () => {
    const { automationId } = await setUpTillAutomation(t, {
      tracker,
      smtpPort: sink.port,
      importFolder: folder,
    });
    clock.set(local(7, 9, 30));
    // Written 5 seconds ago: perhaps only its first half.
    writeTillFile(folder, 'waardebon-0712.csv', [tillRow(1, 'B1')], clock.now() - 5_000);
    await t.app.automations.tick();
    expect(await t.call('automations.runs', { id: automationId })).toEqual([]);

    // A click on "Nieuwe selectie(s) ophalen" meanwhile leaves the export to the automation.
    const fetched = await t.call('selections.fetchNew', { consent: true });
    expect(fetched).toEqual({
      imported: [],
      failed: [],
      leftForAutomation: ['waardebon-0712.csv'],
    });
    expect(await t.call('selections.list', {})).toHaveLength(0);

    clock.set(local(7, 9, 31));
    await t.app.automations.tick();
    await runsFinished(automationId, 1);
    expect(recipientsOf()).toEqual(['klant1@example.nl']);
  });

  it('sends a new export inside the window only, once per barcode', async () => {
    const { automationId } = await setUpTillAutomation(t, {
      tracker,
      smtpPort: sink.port,
      importFolder: folder,
    });
    dropTillFile(folder, 'waardebon-0712.csv', [tillRow(1, 'B1'), tillRow(2, 'B2')], clock.now());
    dropTillFile(folder, 'klanten.csv', [tillRow(9, 'B9')], clock.now());

    // 07:00 on a Monday: before the window.
    await t.app.automations.tick();
    expect(await t.call('automations.runs', { id: automationId })).toEqual([]);
    expect(existsSync(join(folder, 'waardebon-0712.csv'))).toBe(true);

    clock.set(local(7, 9, 30));
    await t.app.automations.tick();
    let runs = await runsFinished(automationId, 1);
    expect(recipientsOf()).toEqual(['klant1@example.nl', 'klant2@example.nl']);
    expect(runs[0]).toMatchObject({
      fileName: 'waardebon-0712.csv',
      rows: 2,
      recipients: 2,
      sent: 2,
      credits: 4,
    });
    // The file went to "verwerkt"; a file the pattern does not name stays for the shop.
    expect(existsSync(join(folder, 'verwerkt', 'waardebon-0712.csv'))).toBe(true);
    expect(existsSync(join(folder, 'klanten.csv'))).toBe(true);
    const runMailing = await t.call('mailings.get', { id: runs[0]!.runMailingId! });
    expect(runMailing.status).toBe('sent');

    // The same file again: its run exists, nothing goes out.
    dropTillFile(folder, 'waardebon-0712.csv', [tillRow(1, 'B1'), tillRow(2, 'B2')], clock.now());
    await t.app.automations.tick();
    expect(await t.call('automations.runs', { id: automationId })).toHaveLength(1);
    expect(sink.received).toHaveLength(2);

    // Three days on (past fair use), the next export: B1 not yet redeemed, klant 2 has a new voucher.
    clock.set(local(10, 10, 0));
    dropTillFile(
      folder,
      'waardebon-1012.csv',
      [tillRow(1, 'B1'), tillRow(2, 'B2-new'), tillRow(3, 'B3')],
      clock.now(),
    );
    await t.app.automations.tick();
    runs = await runsFinished(automationId, 2);
    expect(sink.received).toHaveLength(4);
    expect(
      sink.received
        .slice(2)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(['klant2@example.nl', 'klant3@example.nl']);
    expect(runs[0]).toMatchObject({
      recipients: 2,
      sent: 2,
      skipped: expect.objectContaining({ alreadySent: 1 }),
    });
    const automation = await t.call('automations.get', { id: automationId });
    expect(automation.status).toBe('active');
    expect(automation.lastRun?.id).toBe(runs[0]!.id);
  });

  it('activates a mailing with a column of the till file once an earlier export names it', async () => {
    const mailingId = await prepareVoucherMailing(t, {
      tracker,
      smtpPort: sink.port,
      importFolder: folder,
    });
    await t.call('mailings.update', {
      id: mailingId,
      patch: { topLine: 'Af te halen in [[filiaal]]' },
    });
    t.app.context.mailings.markTested(mailingId, t.clock.now() + 1);
    clock.advance(1000);
    const automation = await t.call('automations.save', {
      kind: 'tillVoucher',
      name: 'Waardebonnen uit de kassa',
      mailingId,
      settings: { folderPattern: 'waardebon*', days: [1, 2, 3, 4, 5] },
    });
    const activate = () =>
      t.app.handlers['automations.activate']({
        id: automation.id,
        confirmed: ['permission', 'testChecked', 'contentCorrect'],
      });
    // No export seen yet: [[filiaal]] is unknown, so activation names the failing check.
    expect(await activate()).toMatchObject({
      ok: false,
      error: { key: 'automations:errors.checklistFails', params: { items: 'variables' } },
    });
    // An earlier export of the till (imported by hand) shows the columns the next ones bring.
    await t.call('selections.import', {
      fileName: 'waardebon-0112.csv',
      dataBase64: Buffer.from(`${TILL_HEADER};filiaal\n${tillRow(1, 'B1')};Centrum`).toString(
        'base64',
      ),
      description: 'Kassa december',
      consent: true,
    });
    expect(await activate()).toMatchObject({ ok: true, value: { status: 'active' } });
  });

  it('waits for a working day, and a file older than 7 days is listed as skipped', async () => {
    clock.set(local(5, 12, 0)); // Saturday noon
    const { automationId } = await setUpTillAutomation(t, {
      tracker,
      smtpPort: sink.port,
      importFolder: folder,
    });
    dropTillFile(folder, 'waardebon-oud.csv', [tillRow(1, 'OLD')], local(5, 12, 0) - 8 * DAY);
    dropTillFile(folder, 'waardebon-za.csv', [tillRow(2, 'SAT')], clock.now());
    await t.app.automations.tick();
    let runs = await t.call('automations.runs', { id: automationId });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      fileName: 'waardebon-oud.csv',
      state: 'skipped',
      reason: { key: 'automations:reasons.fileTooOld' },
    });
    expect(sink.received).toHaveLength(0);

    clock.set(local(7, 9, 0));
    await t.app.automations.tick();
    runs = await runsFinished(automationId, 1);
    expect(recipientsOf()).toEqual(['klant2@example.nl']);
    expect(runs.map((r) => r.state)).toEqual(['finished', 'skipped']);
  });

  it('pauses with the reason and sends nothing when a run would exceed the cap', async () => {
    clock.set(local(7, 10, 0));
    const { automationId } = await setUpTillAutomation(t, {
      tracker,
      smtpPort: sink.port,
      importFolder: folder,
      settings: { maxRecipients: 2 },
    });
    dropTillFile(
      folder,
      'waardebon.csv',
      [tillRow(1, 'C1'), tillRow(2, 'C2'), tillRow(3, 'C3')],
      clock.now(),
    );
    const changes: unknown[] = [];
    t.app.events.subscribe((name, payload) => {
      if (name === 'automations.changed') changes.push(payload);
    });
    await t.app.automations.tick();
    const automation = await t.call('automations.get', { id: automationId });
    expect(automation.status).toBe('paused');
    expect(automation.pauseReason).toEqual({
      key: 'automations:reasons.capExceeded',
      params: { recipients: 3, credits: 6, maxRecipients: 2, maxCredits: 100 },
    });
    expect(automation.lastRun).toMatchObject({ state: 'stopped', sendId: null });
    expect(changes).toContainEqual(expect.objectContaining({ status: 'paused' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.received).toHaveLength(0);
    expect(await tracker.store.getBalance(tracker.accountId)).toEqual({
      balance: 1000,
      reserved: 0,
    });
    // The stopped run leaves no draft behind in the overview.
    const open = await t.call('mailings.list', { status: 'open' });
    expect(open.filter((m) => !m.templateKey)).toHaveLength(1);

    // The shop raises the cap and activates again: the same file goes now, once.
    await t.call('automations.save', {
      id: automationId,
      kind: 'tillVoucher',
      name: automation.name,
      mailingId: automation.mailingId,
      settings: { ...automation.settings, maxRecipients: 10 },
    });
    await t.call('automations.activate', {
      id: automationId,
      confirmed: ['permission', 'testChecked', 'contentCorrect'],
    });
    await t.app.automations.tick();
    const runs = await runsFinished(automationId, 1);
    expect(runs).toHaveLength(1);
    expect(recipientsOf()).toEqual(['klant1@example.nl', 'klant2@example.nl', 'klant3@example.nl']);
  });

  it('editing the mailing pauses the automation until it is activated again', async () => {
    clock.set(local(7, 10, 0));
    const { automationId, mailingId } = await setUpTillAutomation(t, {
      tracker,
      smtpPort: sink.port,
      importFolder: folder,
    });
    await t.call('mailings.update', { id: mailingId, patch: { subject: 'Nieuwe tekst' } });
    const paused = await t.call('automations.get', { id: automationId });
    expect(paused).toMatchObject({
      status: 'paused',
      pauseReason: { key: 'automations:reasons.mailingChanged' },
    });
    dropTillFile(folder, 'waardebon.csv', [tillRow(1, 'E1')], clock.now());
    await t.app.automations.tick();
    expect(sink.received).toHaveLength(0);
    // Activation wants a test mail of the changed mailing first.
    await expect(
      t.call('automations.activate', {
        id: automationId,
        confirmed: ['permission', 'testChecked', 'contentCorrect'],
      }),
    ).rejects.toMatchObject({ error: { key: 'automations:errors.checklistFails' } });
  });
});
