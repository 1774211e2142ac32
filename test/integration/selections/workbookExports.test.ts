import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { importedContacts, refusedInDutch } from './exportFiles';

/** Excel workbooks as shops keep them, through the real import. */
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

/**
 * An empty first sheet, a hidden lookup sheet, then the customers under a merged title: rich text,
 * a mailto hyperlink, dates, percent and currency formats, a lookup that failed (#N/A), shared
 * formulas and an empty row in the middle.
 */
async function shopWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Blad1');
  workbook.addWorksheet('Opzoeken', { state: 'hidden' }).addRow(['Code', 'Korting']);
  const sheet = workbook.addWorksheet('Klanten');
  sheet.addRow(['Klantenlijst december 2026']);
  sheet.mergeCells('A1:H1');
  sheet.addRow(['E-mail', 'Naam', 'Lid sinds', 'Korting', 'Tegoed', 'Punten', 'Dubbel', 'Site']);
  sheet.addRow([
    { text: 'anne@example.nl', hyperlink: 'mailto:anne@example.nl' },
    { richText: [{ text: 'Anne ' }, { text: 'de Wit', font: { bold: true } }] },
    new Date(Date.UTC(2020, 0, 31)),
    0.15,
    12.5,
    { formula: 'VLOOKUP(A3,Opzoeken!A:B,2,0)', result: { error: '#N/A' } },
    { formula: 'E3*2', result: 25, shareType: 'shared', ref: 'G3:G6' },
    { text: 'winkel.nl', hyperlink: 'https://winkel.nl' },
  ]);
  sheet.addRow([]);
  sheet.addRow([
    'bram@example.nl',
    'Bram',
    new Date(Date.UTC(1999, 11, 1)),
    0.2,
    1234.5,
    7,
    { sharedFormula: 'G3', result: 2469 },
  ]);
  sheet.addRow(['cees@example.nl', 'Cees', null, 1, -3, 0, { sharedFormula: 'G3', result: -6 }]);
  sheet.getColumn(3).numFmt = 'd-m-yyyy';
  sheet.getColumn(4).numFmt = '0%';
  sheet.getColumn(5).numFmt = '"€" #,##0.00;[Red]"€" -#,##0.00';
  sheet.getColumn(7).numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Three customers, then every row down to Excel's last (1,048,576) formatted but empty. */
async function formattedToTheBottom(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Klanten');
  sheet.addRow(['E-mail', 'Naam']);
  for (const name of ['anne', 'bram', 'cees']) sheet.addRow([`${name}@example.nl`, name]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  const empty: string[] = [];
  for (let r = 5; r <= 1_048_576; r += 1)
    empty.push(`<row r="${r}" spans="1:2" s="1" customFormat="1"><c r="A${r}" s="1"/></row>`);
  zip.file(path, xml.replace('</sheetData>', `${empty.join('')}</sheetData>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('Excel workbooks', () => {
  it('reads the first visible sheet with customers, as Excel shows each cell', async () => {
    t = await startTestApp();
    const dataBase64 = (await shopWorkbook()).toString('base64');
    const analysis = await t.call('selections.analyze', { fileName: 'klanten.xlsx', dataBase64 });
    expect([analysis.sheets, analysis.sheet, analysis.warnings]).toEqual([
      ['Blad1', 'Opzoeken', 'Klanten'],
      'Klanten',
      ['selections:warnings.headerBelowTitle'],
    ]);
    const { result, contacts } = await importedContacts(
      t,
      'klanten.xlsx',
      Buffer.from(dataBase64, 'base64'),
    );
    expect([result.rows, result.imported, result.rejected]).toEqual([3, 3, []]);
    expect(contacts).toEqual([
      {
        row: 3,
        email: 'anne@example.nl',
        naam: 'Anne de Wit',
        lid_sinds: '31-1-2020',
        korting: '15%',
        tegoed: '€ 12,50',
        // #N/A (Dutch Excel: #N/B) is no value: empty, so [[punten|…]] falls back.
        waardebon_spaarpunten: '',
        dubbel: '25,00',
        site: 'winkel.nl',
      },
      {
        row: 5,
        email: 'bram@example.nl',
        naam: 'Bram',
        lid_sinds: '1-12-1999',
        korting: '20%',
        tegoed: '€ 1.234,50',
        waardebon_spaarpunten: '7',
        dubbel: '2.469,00',
        site: '',
      },
      {
        row: 6,
        email: 'cees@example.nl',
        naam: 'Cees',
        lid_sinds: '',
        korting: '100%',
        tegoed: '€ -3,00',
        waardebon_spaarpunten: '0',
        dubbel: '-6,00',
        site: '',
      },
    ]);
  });

  it('a sheet formatted down to row 1,048,576 gives its three customers, not "too many rows"', async () => {
    t = await startTestApp();
    const { result, contacts } = await importedContacts(
      t,
      'klanten.xlsx',
      await formattedToTheBottom(),
    );
    expect(result.rows).toBe(3);
    expect(contacts.map((c) => [c.row, c.email])).toEqual([
      [2, 'anne@example.nl'],
      [3, 'bram@example.nl'],
      [4, 'cees@example.nl'],
    ]);
  });

  it('keeps the leading zeros a number format shows (phone numbers, barcodes) and Dutch long dates', async () => {
    t = await startTestApp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Klanten');
    sheet.addRow(['E-mail', 'Telefoon', 'Pas', 'Verjaardag']);
    sheet.addRow(['anne@example.nl', 612345678, 42, new Date(Date.UTC(1980, 4, 17))]);
    sheet.getColumn(2).numFmt = '0000000000';
    sheet.getColumn(3).numFmt = '000000';
    sheet.getColumn(4).numFmt = '[$-413]d mmmm yyyy';
    const { contacts } = await importedContacts(
      t,
      'klanten.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    expect(contacts).toEqual([
      {
        row: 2,
        email: 'anne@example.nl',
        telefoon: '0612345678',
        pas: '000042',
        verjaardag: '17 mei 1980',
      },
    ]);
  });

  it('an old .xls, also renamed .xlsx, says to save it as .xlsx or CSV', async () => {
    t = await startTestApp();
    // The compound-file signature every .xls starts with, and a little of what follows.
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    const dutch =
      'Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of als CSV en kies het opnieuw.';
    for (const name of ['klanten.xls', 'klanten.xlsx', 'klanten.csv'])
      expect(await refusedInDutch(t, name, xls)).toEqual({
        key: 'selections:errors.oldExcel',
        dutch,
      });
  });

  it('a password-protected workbook says to remove the password', async () => {
    t = await startTestApp();
    const protectedXlsx = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(120),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(64),
    ]);
    expect(await refusedInDutch(t, 'klanten.xlsx', protectedXlsx)).toEqual({
      key: 'selections:errors.passwordXlsx',
      dutch:
        'Dit Excel-bestand is beveiligd met een wachtwoord. Open het in Excel, haal de beveiliging weg (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op als .xlsx of als CSV.',
    });
  });

  it('a Numbers document, as it is or renamed .xlsx or .csv, says how to export it', async () => {
    t = await startTestApp();
    const zip = new JSZip();
    zip.file('Index/Document.iwa', Buffer.alloc(32, 1));
    zip.file('Metadata/Properties.plist', '<plist/>');
    const numbers = await zip.generateAsync({ type: 'nodebuffer' });
    for (const name of ['klanten.numbers', 'klanten.xlsx', 'klanten.csv'])
      expect(await refusedInDutch(t, name, numbers)).toEqual({
        key: 'selections:errors.numbersFile',
        dutch:
          'Dit is een Numbers-bestand. Kies in Numbers Archief > Exporteer naar > Excel (of CSV) en kies dat bestand hier.',
      });
  });
});
