import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fixture, sampleWorkbook } from '../../unit/selections/helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function withImportFolder(): Promise<string> {
  const folder = join(t.dataDir, 'kassa-export');
  mkdirSync(folder);
  await t.call('settings.update', { importFolder: folder });
  return folder;
}

describe('selections.fetchNew (the import folder)', () => {
  it('imports every new CSV and XLSX, moves it to verwerkt, and failed files to mislukt with the reason beside them', async () => {
    t = await startTestApp();
    const folder = await withImportFolder();
    writeFileSync(join(folder, 'Voorjaarsactie.csv'), fixture('win1252-semicolon.csv'));
    writeFileSync(join(folder, 'Klanten.XLSX'), await sampleWorkbook());
    writeFileSync(join(folder, 'kapot.csv'), fixture('picture-renamed.csv'));
    writeFileSync(join(folder, 'leeg.csv'), '');
    writeFileSync(join(folder, 'medisch.csv'), fixture('special-category.csv'));
    writeFileSync(join(folder, 'notities.docx'), 'not a selection');

    const result = await t.call('selections.fetchNew', { consent: true });
    // The workbook's third customer is a formula's result; zoë.renée@ needs SMTPUTF8.
    expect(result.imported.map((r) => [r.fileName, r.description, r.imported]).sort()).toEqual([
      ['Klanten.XLSX', 'Klanten', 3],
      ['Voorjaarsactie.csv', 'Voorjaarsactie', 2],
    ]);
    expect(result.failed.map((f) => [f.fileName, f.key]).sort()).toEqual([
      ['kapot.csv', 'selections:errors.notText'],
      ['leeg.csv', 'selections:errors.empty'],
      ['medisch.csv', 'selections:errors.specialCategoryUnreviewed'],
    ]);
    expect(readdirSync(folder).sort()).toEqual(['mislukt', 'notities.docx', 'verwerkt']);
    expect(readdirSync(join(folder, 'verwerkt')).sort()).toEqual([
      'Klanten.XLSX',
      'Voorjaarsactie.csv',
    ]);
    expect(readdirSync(join(folder, 'mislukt')).sort()).toEqual([
      'kapot.csv',
      'kapot.csv.txt',
      'leeg.csv',
      'leeg.csv.txt',
      'medisch.csv',
      'medisch.csv.txt',
    ]);
    expect(readFileSync(join(folder, 'mislukt', 'leeg.csv.txt'), 'utf8')).toBe(
      'Het bestand is leeg.\n',
    );
    expect(readFileSync(join(folder, 'mislukt', 'medisch.csv.txt'), 'utf8')).toContain(
      'Medische info, Religie',
    );
    expect((await t.call('selections.list', {})).map((s) => s.description).sort()).toEqual([
      'Klanten',
      'Voorjaarsactie',
    ]);

    // Nothing new: nothing happens. A file with the same name later does not overwrite the first.
    expect(await t.call('selections.fetchNew', { consent: true })).toEqual({
      imported: [],
      failed: [],
      leftForAutomation: [],
    });
    writeFileSync(join(folder, 'Voorjaarsactie.csv'), fixture('utf8-semicolon.csv'));
    await t.call('selections.fetchNew', { consent: true });
    expect(existsSync(join(folder, 'verwerkt', 'Voorjaarsactie (2).csv'))).toBe(true);
  });

  it('imports a special-category file unattended once the shopkeeper chose a mapping for that shape', async () => {
    t = await startTestApp();
    const folder = await withImportFolder();
    const dataBase64 = fixture('special-category.csv').toString('base64');
    await t.call('selections.import', {
      fileName: 'medisch.csv',
      dataBase64,
      description: 'Eerste keer',
      consent: true,
      mapping: ['email', 'naam', 'ignore', 'ignore', 'extra'],
    });
    writeFileSync(join(folder, 'medisch-2.csv'), fixture('special-category.csv'));
    const result = await t.call('selections.fetchNew', { consent: true });
    expect(result.imported.map((r) => r.fileName)).toEqual(['medisch-2.csv']);
  });

  it('says clearly when no folder is set or the folder is gone, and needs the consent', async () => {
    t = await startTestApp();
    expect(await t.app.handlers['selections.fetchNew']({ consent: true })).toMatchObject({
      ok: false,
      error: { key: 'selections:errors.noImportFolder' },
    });
    await t.call('settings.update', { importFolder: join(t.dataDir, 'bestaat-niet') });
    expect(await t.app.handlers['selections.fetchNew']({ consent: true })).toMatchObject({
      ok: false,
      error: { key: 'selections:errors.importFolderMissing' },
    });
    expect(await t.app.handlers['selections.fetchNew']({})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
