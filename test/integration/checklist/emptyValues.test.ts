import { afterEach, describe, expect, it } from 'vitest';
import {
  emptyValuesInMemory,
  emptyValuesStaged,
} from '../../../electron/services/checklist/emptyValuesCheck';
import { voucherItems } from '../../../electron/services/checklist/voucherItems';
import { compileStoredMailing } from '../../../electron/services/mailings/renderInput';
import { resolveRecipients } from '../../../electron/services/selections/recipients';
import { StagedRecipients } from '../../../electron/services/selections/recipientsStaging';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, importAndAttach, recipientAddress, seedMailing } from '../sending/seed';
import { useReferenceAsBarcode } from './referenceAsBarcode';

/**
 * The checklist and send.start count empty variables over their staged recipients in SQL; an
 * automation's sample recipient is counted in memory. Both must give the same line: the same
 * variables, counts and order.
 */
describe('empty values in SQL and in memory', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function bothAnswers(app: TestApp, mailingId: string) {
    const { context } = app.app;
    const mailing = context.mailings.get(mailingId);
    const { compiled } = await compileStoredMailing(context, mailing, {});
    const staged = await StagedRecipients.stage(context, mailingId);
    try {
      const resolved = resolveRecipients(context, mailingId);
      return {
        inMemory: await emptyValuesInMemory(mailing, compiled, resolved.recipients),
        inSql: await emptyValuesStaged(context, mailing, compiled, staged),
        vouchersInMemory: await voucherItems(context, mailing, compiled, resolved.recipients),
        vouchersInSql: await voucherItems(context, mailing, compiled, staged.recipients, staged),
      };
    } finally {
      staged.dispose();
    }
  }

  it('agrees on empty, missing and whitespace-only values and on selection columns', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const app = t;
    const { mailingId } = await seedMailing(app, { smtpPort: 2525, count: 6 });
    // Every customer has a name: nothing is empty yet.
    await app.call('mailings.update', {
      id: mailingId,
      patch: { subject: 'Voor [[naam]]: [[kleur]] en [[maat|onbekend]]' },
    });
    let answers = await bothAnswers(app, mailingId);
    expect(answers.inSql).toEqual(answers.inMemory);

    // A newer selection with the columns kleur and maat; the old one lacks them altogether.
    await importAndAttach(app, mailingId, [
      'email;naam;kleur;maat',
      'a@example.nl;Anna;rood;M',
      'c@example.nl;Cor;;',
      'b@example.nl;;blauw;L',
      'd@example.nl;Dirk;groen;S',
    ]);
    const sqlite = app.app.context.database.sqlite;
    const setData = sqlite.prepare('update contacts set data = ? where normalized_email = ?');
    // Whitespace that JavaScript's trim() removes but SQLite's plain trim() would not.
    setData.run(JSON.stringify({ naam: '\t\u00a0 ', kleur: 'geel' }), 'd@example.nl');
    // null, a number and a key that is not there at all.
    setData.run(JSON.stringify({ naam: null, kleur: 7 }), recipientAddress(0));
    setData.run(JSON.stringify({ naam: 'Klant 1', kleur: '\u2003' }), recipientAddress(1));

    answers = await bothAnswers(app, mailingId);
    expect(answers.inSql).toEqual(answers.inMemory);
    // kleur is met first (c@), before naam (b@), though the subject names naam first; maat has a
    // fallback and is not counted.
    expect(answers.inSql).toEqual({
      id: 'emptyValues',
      status: 'warn',
      outcome: 'some',
      params: { list: '[[kleur]]: 6, [[naam]]: 3' },
    });
  });

  it('agrees on vouchers lacking a barcode or amount, also with the barcode from the reference', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const app = t;
    const { mailingId } = await seedMailing(app, { smtpPort: 2525, count: 2, type: 'voucher' });
    await importAndAttach(app, mailingId, [
      'email;naam;referentienummer;waardebon_barcode;waardebon_bedrag',
      'piet@example.nl;Piet Bakker;8712345678906;;10,50',
      'anna@example.nl; ;K-000123;8712345678913;',
      'kees@example.nl;Kees Smit;;8712345678920;12,00',
      'joop@example.nl;Joop;R-1;;',
    ]);
    const setData = app.app.context.database.sqlite.prepare(
      'update contacts set data = ? where normalized_email = ?',
    );
    setData.run(
      JSON.stringify({ naam: 'Kees Smit', waardebon_barcode: '\u00a0', waardebon_bedrag: '5' }),
      'kees@example.nl',
    );
    let answers = await bothAnswers(app, mailingId);
    expect(answers.vouchersInSql).toEqual(answers.vouchersInMemory);
    expect(answers.inSql).toEqual(answers.inMemory);
    expect(answers.vouchersInSql[0]).toMatchObject({
      status: 'fail',
      params: {
        count: 6,
        fields: '[[waardebon_barcode]], [[waardebon_bedrag]]',
        list: 'anna@example.nl, Joop (joop@example.nl), Kees Smit (kees@example.nl), Klant 0 (klant00000@example.nl), Klant 1 (klant00001@example.nl), Piet Bakker (piet@example.nl)',
      },
    });

    await useReferenceAsBarcode(app, mailingId);
    answers = await bothAnswers(app, mailingId);
    expect(answers.vouchersInSql).toEqual(answers.vouchersInMemory);
    // Piet's barcode now comes from his reference number; Kees has neither.
    expect(answers.vouchersInSql[0]).toMatchObject({ params: { count: 5 } });
  });
});
