import { afterEach, describe, expect, it } from 'vitest';
import {
  emptyValuesInMemory,
  emptyValuesStaged,
} from '../../../electron/services/checklist/emptyValuesCheck';
import { compileStoredMailing } from '../../../electron/services/mailings/renderInput';
import { resolveRecipients } from '../../../electron/services/selections/recipients';
import { StagedRecipients } from '../../../electron/services/selections/recipientsStaging';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, importAndAttach, recipientAddress, seedMailing } from '../sending/seed';

/**
 * send.start counts empty variables over its staged recipients in SQL; the checklist page walks
 * its answer in memory. Both must give the same line: the same variables, counts and order.
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
});
