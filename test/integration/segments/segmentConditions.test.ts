import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SegmentConditionT } from '../../../electron/contract/segments';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { SHOP_EXPORT, importSelection, mailingWith, recipientsWith } from './segmentFixture';

describe('segment conditions on a real database', () => {
  let t: TestApp;
  let mailingId: string;
  let selectionId: string;
  beforeEach(async () => {
    t = await startTestApp();
    ({ selectionId } = await importSelection(t, SHOP_EXPORT));
    mailingId = await mailingWith(t, [selectionId]);
  });
  afterEach(async () => {
    await t.close();
  });

  const only = (condition: SegmentConditionT) =>
    recipientsWith(t, mailingId, { match: 'all', conditions: [condition] });
  const names = (...who: string[]) => who.map((n) => `${n}@example.nl`).sort();

  it('infers the column types at import and shows them with the selection', async () => {
    const detail = await t.call('selections.get', { id: selectionId });
    expect(detail.columnTypes).toEqual({
      naam: 'text',
      // The import maps the till's spaarpunten and bedrag to the voucher variables.
      waardebon_spaarpunten: 'number',
      waardebon_bedrag: 'number',
      woonplaats: 'text',
      geboortedatum: 'date',
      laatste_aankoop: 'date',
    });
    const [listed] = await t.call('selections.list', {});
    expect(listed!.columns).toContainEqual({ name: 'geboortedatum', type: 'date' });
    const { columns } = await t.call('mailings.segment', { id: mailingId });
    expect(columns).toContainEqual({ name: 'waardebon_spaarpunten', type: 'number' });
  });

  it('compares numbers with thousands dots and decimal commas; an empty cell never matches', async () => {
    expect(
      await only({ kind: 'number', column: 'waardebon_spaarpunten', op: 'gte', value: 500 }),
    ).toEqual(names('anna', 'bram'));
    expect(
      await only({ kind: 'number', column: 'waardebon_spaarpunten', op: 'lte', value: 499 }),
    ).toEqual(names('cor', 'eva'));
    expect(
      await only({ kind: 'number', column: 'waardebon_spaarpunten', op: 'eq', value: 1250 }),
    ).toEqual(names('anna'));
    expect(
      await only({ kind: 'number', column: 'waardebon_bedrag', op: 'between', value: 1, to: 12.5 }),
    ).toEqual(names('anna', 'bram'));
    expect(
      await only({ kind: 'number', column: 'waardebon_bedrag', op: 'gte', value: 1000 }),
    ).toEqual(names('cor'));
  });

  it('compares text regardless of case and spaces, and finds empty cells', async () => {
    expect(await only({ kind: 'text', column: 'woonplaats', op: 'is', value: 'Utrecht' })).toEqual(
      names('anna', 'bram'),
    );
    expect(await only({ kind: 'text', column: 'woonplaats', op: 'contains', value: 'EI' })).toEqual(
      names('dien', 'eva'),
    );
    expect(
      await only({ kind: 'text', column: 'waardebon_spaarpunten', op: 'empty', value: '' }),
    ).toEqual(names('dien'));
    expect(
      await only({ kind: 'text', column: 'laatste_aankoop', op: 'notEmpty', value: '' }),
    ).toEqual(names('anna', 'bram', 'dien', 'eva'));
  });

  it('compares dates in every written form, and the month of birth', async () => {
    expect(await only({ kind: 'date', column: 'geboortedatum', op: 'inMonth', month: 5 })).toEqual(
      names('anna', 'bram', 'eva'),
    );
    expect(
      await only({ kind: 'date', column: 'laatste_aankoop', op: 'before', day: '2026-06-15' }),
    ).toEqual(names('dien'));
    expect(
      await only({ kind: 'date', column: 'laatste_aankoop', op: 'after', day: '2026-06-15' }),
    ).toEqual(names('anna', 'eva'));
  });

  it('combines conditions with all or any, and counts who is left out', async () => {
    const conditions: SegmentConditionT[] = [
      { kind: 'number', column: 'waardebon_spaarpunten', op: 'gte', value: 500 },
      { kind: 'text', column: 'woonplaats', op: 'is', value: 'zeist' },
    ];
    expect(await recipientsWith(t, mailingId, { match: 'all', conditions })).toEqual([]);
    const any = await t.call('mailings.setSegment', {
      id: mailingId,
      segment: { match: 'any', conditions },
    });
    expect(any.recipients.map((r) => r.email).sort()).toEqual(names('anna', 'bram', 'dien'));
    expect(any).toMatchObject({ recipientCount: 3, outsideSegmentCount: 2 });
    expect(await recipientsWith(t, mailingId, null)).toHaveLength(5);
    expect((await t.call('mailings.recipients', { id: mailingId })).outsideSegmentCount).toBe(0);
  });

  it('applies to the checklist and its cache, and is refused once the mailing is sent', async () => {
    const segment = {
      match: 'all' as const,
      conditions: [
        {
          kind: 'number' as const,
          column: 'waardebon_spaarpunten',
          op: 'gte' as const,
          value: 500,
        },
      ],
    };
    expect((await t.call('checklist.get', { mailingId })).recipients).toBe(5);
    await t.call('mailings.setSegment', { id: mailingId, segment });
    expect((await t.call('checklist.get', { mailingId })).recipients).toBe(2);
    t.app.context.database.sqlite
      .prepare("update mailings set status = 'sent' where id = ?")
      .run(mailingId);
    const refused = await t.app.handlers['mailings.setSegment']({ id: mailingId, segment: null });
    expect(refused).toMatchObject({ ok: false, error: { key: 'selections:errors.mailingLocked' } });
  });

  it('keeps no typed cell of an erased customer or a removed selection', async () => {
    const typedCells = () =>
      t.app.context.database.sqlite.prepare('select count(*) from contact_fields').pluck().get();
    expect(typedCells()).toBe(5);
    await t.call('contacts.erase', { email: 'anna@example.nl', confirm: true });
    expect(typedCells()).toBe(4);
    t.app.context.database.sqlite.prepare('delete from selections where id = ?').run(selectionId);
    expect(typedCells()).toBe(0);
  });

  it('refuses an incomplete condition with a message key', async () => {
    const answer = await t.app.handlers['mailings.setSegment']({
      id: mailingId,
      segment: {
        match: 'all',
        conditions: [{ kind: 'text', column: 'woonplaats', op: 'is', value: ' ' }],
      },
    });
    expect(answer.ok).toBe(false);
  });
});
