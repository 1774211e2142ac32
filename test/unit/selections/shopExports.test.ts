import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { failureText } from '../../../electron/services/selections/failureText';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { importedContacts } from '../../integration/selections/exportFiles';
import { fixture } from './helpers';

/** Files as shop systems and Excel write them, through the real channels. */
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function refusal(fileName: string, bytes: Buffer) {
  const envelope = await t.app.handlers['selections.import']({
    fileName,
    dataBase64: bytes.toString('base64'),
    description: 'x',
    consent: true,
  });
  if (envelope.ok) throw new Error('expected a refusal');
  const stored = t.app.context.database.sqlite
    .prepare('select (select count(*) from contacts) + (select count(*) from selections) as n')
    .get() as { n: number };
  expect(stored.n, 'nothing stored').toBe(0);
  return envelope.error;
}

async function imported(fileName: string, bytes: Buffer, sheet?: string) {
  const { contacts } = await importedContacts(t, fileName, bytes, sheet);
  return contacts.map(({ row: _row, ...contact }) => contact);
}

describe('a stray quote', () => {
  it('at the start of the file stops the import at row 1', async () => {
    t = await startTestApp();
    const error = await refusal('kassa.csv', fixture('stray-quote-start.csv'));
    expect([error.key, error.params]).toEqual([
      'selections:errors.strayQuote',
      { row: 1, start: '"E-mailadres;Naam;Bedrag waardebon;Saldo' },
    ]);
  });

  it('in row 3 of 1,000 stops the import, saying so in plain Dutch', async () => {
    t = await startTestApp();
    const error = await refusal('kassa.csv', fixture('stray-quote-middle.csv'));
    expect([error.key, error.params]).toEqual([
      'selections:errors.strayQuote',
      { row: 3, start: 'klant2@example.nl;"Klant 2;10,00;2 klant' },
    ]);
    expect(failureText(error.key!, error.params!, 'nl')).toBe(
      'Regel 3 heeft een aanhalingsteken (") dat niet wordt afgesloten: ' +
        'klant2@example.nl;"Klant 2;10,00;2 klant… Zo zouden meerdere klanten in één veld ' +
        'terechtkomen. Verbeter die regel in het bestand (of exporteer opnieuw) en kies het ' +
        'bestand nog eens. Er is niets geïmporteerd.',
    );
  });

  it('in the last row stops the import at that row', async () => {
    t = await startTestApp();
    const error = await refusal('kassa.csv', fixture('stray-quote-end.csv'));
    expect([error.key, error.params]).toEqual([
      'selections:errors.strayQuote',
      { row: 6, start: '"klant5@example.nl;Klant 5;10,00;5' },
    ]);
  });
});

describe('text files', () => {
  it("takes Excel's sep= line as the delimiter, not as the header", async () => {
    t = await startTestApp();
    const analysis = await t.call('selections.analyze', {
      fileName: 'excel.csv',
      dataBase64: fixture('excel-sep.csv').toString('base64'),
    });
    expect(analysis.delimiter).toBe(',');
    expect(analysis.columns.map((c) => [c.header, c.target])).toEqual([
      ['E-mailadres', 'email'],
      ['Naam', 'naam'],
      ['Waardebon bedrag', 'waardebon_bedrag'],
      ['Restant punten', 'restant_spaarpunten'],
    ]);
    expect(await imported('excel.csv', fixture('excel-sep.csv'))).toEqual([
      {
        email: 'jan@example.nl',
        naam: 'Jansen, Jan',
        waardebon_bedrag: '12,50',
        restant_spaarpunten: '30',
      },
      {
        email: 'piet@example.nl',
        naam: 'Piet',
        waardebon_bedrag: '7,00',
        restant_spaarpunten: '0',
      },
    ]);
  });

  it('reads UTF-16 without a byte order mark', async () => {
    t = await startTestApp();
    const analysis = await t.call('selections.analyze', {
      fileName: 'unicode.txt',
      dataBase64: fixture('utf16le-no-bom.txt').toString('base64'),
    });
    expect([analysis.encoding, analysis.delimiter, analysis.warnings]).toEqual([
      'utf-16',
      '\t',
      [],
    ]);
    expect(await imported('unicode.txt', fixture('utf16le-no-bom.txt'))).toEqual([
      { email: 'anouk@example.nl', referentienummer: '1002', geboortedatum: '12-12-1985' },
      { email: 'zoe@example.nl', referentienummer: '1005', geboortedatum: '01-02-1970' },
    ]);
  });

  it('reads a UTF-8 mark before Windows-1252 text as Windows-1252, with a warning', async () => {
    t = await startTestApp();
    const analysis = await t.call('selections.analyze', {
      fileName: 'ansi.csv',
      dataBase64: fixture('bom-win1252.csv').toString('base64'),
    });
    expect([analysis.encoding, analysis.warnings]).toEqual([
      'windows-1252',
      ['selections:warnings.bomNotUtf8'],
    ]);
    expect(await imported('ansi.csv', fixture('bom-win1252.csv'))).toEqual([
      { email: 'renee@example.nl', naam: 'Renée Müller' },
    ]);
  });

  it('refuses 250,001 rows while reading, before storing anything', async () => {
    t = await startTestApp();
    const lines = ['E-mail;Naam'];
    for (let i = 1; i <= 250_001; i += 1) lines.push(`k${i}@example.nl;K${i}`);
    const error = await refusal('groot.csv', Buffer.from(lines.join('\n')));
    expect([error.key, error.params]).toEqual(['selections:errors.tooManyRows', { max: 250_000 }]);
  });
});

/** A workbook as a till's Excel export makes it: an overview sheet first, then the customers. */
async function tillWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const overview = workbook.addWorksheet('Overzicht');
  overview.addRow(['Export', 'Aantal']);
  overview.addRow(['Klanten', 2]);
  const sheet = workbook.addWorksheet('Klanten');
  sheet.addRow(['E-mail', 'Bedrag waardebon', 'Geboortedatum', 'Saldo punten', 'Barcode', 'Som']);
  sheet.addRow([
    'jan@example.nl',
    12.5,
    new Date(Date.UTC(1980, 4, 17)),
    { formula: 'D3*2', result: 250 },
    8712345678906,
    0.1 + 0.2,
  ]);
  sheet.addRow([
    { formula: 'LOWER("ELS@EXAMPLE.NL")', result: 'els@example.nl' },
    1234.5,
    new Date(Date.UTC(2001, 0, 2)),
    125,
    { formula: 'TEXT(1,"0")', result: '0042' },
    1 / 3,
  ]);
  sheet.getColumn(2).numFmt = '[$€-413] #,##0.00';
  sheet.getColumn(3).numFmt = 'dd-mm-yyyy';
  sheet.getColumn(4).numFmt = '0';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Excel workbooks', () => {
  it('reads the first sheet and names the others; the shop picks the sheet with customers', async () => {
    t = await startTestApp();
    const dataBase64 = (await tillWorkbook()).toString('base64');
    const first = await t.call('selections.analyze', { fileName: 'kassa.xlsx', dataBase64 });
    expect([first.sheets, first.sheet, first.blocking]).toEqual([
      ['Overzicht', 'Klanten'],
      'Overzicht',
      [{ key: 'selections:errors.noEmailColumn', params: {} }],
    ]);
    const chosen = await t.call('selections.analyze', {
      fileName: 'kassa.xlsx',
      dataBase64,
      sheet: 'Klanten',
    });
    expect([chosen.sheet, chosen.blocking, chosen.imported]).toEqual(['Klanten', [], 2]);
  });

  it('stores what Excel shows: formatted numbers, dates and the results of formulas', async () => {
    t = await startTestApp();
    expect(await imported('kassa.xlsx', await tillWorkbook(), 'Klanten')).toEqual([
      {
        email: 'jan@example.nl',
        waardebon_bedrag: '€ 12,50',
        geboortedatum: '17-05-1980',
        restant_spaarpunten: '250',
        waardebon_barcode: '8712345678906',
        som: '0,3',
      },
      {
        email: 'els@example.nl',
        waardebon_bedrag: '€ 1.234,50',
        geboortedatum: '02-01-2001',
        restant_spaarpunten: '125',
        waardebon_barcode: '0042',
        som: '0,333333333333333',
      },
    ]);
  });
});
