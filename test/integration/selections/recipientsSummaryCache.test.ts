import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, importAndAttach, recipientAddress, seedMailing } from '../sending/seed';

/** Step 3 (Selecties) keeps its recipients' answer, and never shows a stale one. */
describe('mailings.recipients with cached recipients', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setup() {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 5 });
    const summary = () => t!.call('mailings.recipients', { id: mailingId });
    return { t, mailingId, summary };
  }

  /** A contact written behind the app's back: no watched write, so only a fresh resolve sees it. */
  function insertContactUnseen(t: TestApp, selectionId: string, email: string) {
    t.app.context.database.sqlite
      .prepare(
        `insert into contacts (selection_id, email, normalized_email, data, row_number)
         values (?, ?, ?, '{}', 999)`,
      )
      .run(selectionId, email, email);
  }

  it('shows a change to the suppression list at the next summary', async () => {
    const { t, summary } = await setup();
    expect((await summary()).recipientCount).toBe(5);
    t.app.context.suppression.suppress(recipientAddress(0), 'unsubscribed', 'tracker');
    expect(await summary()).toMatchObject({ recipientCount: 4, suppressedCount: 1 });
    t.app.context.suppression.lift(recipientAddress(0));
    expect(await summary()).toMatchObject({ recipientCount: 5, suppressedCount: 0 });
  });

  it('shows attaching and detaching a selection at the next summary', async () => {
    const { t, mailingId, summary } = await setup();
    const first = await summary();
    const { selectionId, attached } = await importAndAttach(t, mailingId, [
      'email;naam',
      'nieuw@example.nl;Nieuw',
      `${recipientAddress(1)};Dubbel`,
    ]);
    // Attached through the channel: its own answer is already the new one.
    expect(attached).toMatchObject({ recipientCount: 6, duplicateCount: 1 });
    expect(await summary()).toMatchObject({ recipientCount: 6, duplicateCount: 1 });
    // Detached by a plain delete, as removing a selection does: the trigger still notices.
    t.app.context.database.sqlite
      .prepare('delete from mailing_selections where mailing_id = ? and selection_id = ?')
      .run(mailingId, selectionId);
    expect(await summary()).toMatchObject({ recipientCount: 5, duplicateCount: 0 });
    expect((await summary()).selectionIds).toEqual(first.selectionIds);
  });

  it('shows a change of segment at the next summary, made behind the channel too', async () => {
    const { t, mailingId, summary } = await setup();
    expect((await summary()).recipientCount).toBe(5);
    await t.call('mailings.setSegment', {
      id: mailingId,
      segment: {
        match: 'all',
        conditions: [{ kind: 'text', column: 'naam', op: 'is', value: 'Klant 3' }],
      },
    });
    expect(await summary()).toMatchObject({ recipientCount: 1, outsideSegmentCount: 4 });
    // Removed by a plain delete: the trigger still notices.
    t.app.context.database.sqlite
      .prepare('delete from mailing_segments where mailing_id = ?')
      .run(mailingId);
    expect(await summary()).toMatchObject({ recipientCount: 5, outsideSegmentCount: 0 });
  });

  it('lists each recipient with the name from their data, also from the kept answer', async () => {
    const { t, summary } = await setup();
    const names = async () => (await summary()).recipients.map((r) => [r.email, r.name]);
    const expected = [0, 1, 2, 3, 4].map((i) => [recipientAddress(i), `Klant ${i}`]);
    expect(await names()).toEqual(expected);
    // Kept: addresses only, the names are read again for the list.
    expect(await names()).toEqual(expected);
    // A changed name shows (a write to the contacts makes the kept addresses read again too).
    t.app.context.database.sqlite
      .prepare(`update contacts set data = json_set(data, '$.naam', 'Jansen') where email = ?`)
      .run(recipientAddress(2));
    expect((await names())[2]).toEqual([recipientAddress(2), 'Jansen']);
  });

  it('keeps its answer for itself: the checklist stages afresh and keeps nothing', async () => {
    const { t, mailingId, summary } = await setup();
    const [selectionId] = (await summary()).selectionIds;
    insertContactUnseen(t, selectionId!, 'ongezien@example.nl');
    // Step 3's kept answer: the unseen row is not there yet…
    expect((await summary()).recipientCount).toBe(5);
    // …the checklist reads the database itself, every time.
    expect((await t.call('checklist.get', { mailingId })).recipients).toBe(6);
    // A suppression is applied afresh, over the selection's contacts as kept (a selection never
    // changes after its import, so the unseen row is still not there)…
    t.app.context.suppression.suppress(recipientAddress(4), 'manual', 'app');
    expect(await summary()).toMatchObject({ recipientCount: 4, suppressedCount: 1 });
    // …until a write to the contacts themselves (erasure, merged data) makes them read again.
    t.app.context.database.sqlite
      .prepare('update contacts set data = data where normalized_email = ?')
      .run(recipientAddress(0));
    expect(await summary()).toMatchObject({ recipientCount: 5, suppressedCount: 1 });
    expect((await t.call('checklist.get', { mailingId })).recipients).toBe(5);
  });
});
