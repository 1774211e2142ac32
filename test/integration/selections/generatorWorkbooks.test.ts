import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { inlineCell, minimalXlsx } from '../../fixtures/selections/minimalXlsx';
import { importedContacts } from './exportFiles';

/**
 * Workbooks from generators other than Excel, whose sheet XML exceljs's reader misread (cells
 * without `r`, inline strings of several runs, ISO date cells), through the real import.
 */
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

/** Styles with one date format (xf 1) and the built-in short date (xf 2). */
const DATE_STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/></numFmts>' +
  '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>';

describe('workbooks from other generators', () => {
  it('SheetJS and PHP writers: no r on rows or cells, an empty cell written as <c/>', async () => {
    t = await startTestApp();
    const bytes = await minimalXlsx({
      sheetData:
        `<row>${inlineCell('E-mail')}${inlineCell('Naam')}${inlineCell('Plaats')}${inlineCell('Punten')}</row>` +
        `<row>${inlineCell('anne@example.nl')}${inlineCell('Anne')}${inlineCell('Delft')}<c><v>12</v></c></row>` +
        `<row>${inlineCell('bram@example.nl')}<c/>${inlineCell('Gouda')}<c t="n"><v>7.5</v></c></row>`,
    });
    const { result, contacts } = await importedContacts(t, 'sheetjs.xlsx', bytes);
    expect([result.rows, result.imported, result.rejected]).toEqual([2, 2, []]);
    expect(contacts).toEqual([
      {
        row: 2,
        email: 'anne@example.nl',
        naam: 'Anne',
        plaats: 'Delft',
        waardebon_spaarpunten: '12',
      },
      { row: 3, email: 'bram@example.nl', naam: '', plaats: 'Gouda', waardebon_spaarpunten: '7,5' },
    ]);
  });

  it('rows numbered but cells not, and a cell that names its column after cells that do not', async () => {
    t = await startTestApp();
    const bytes = await minimalXlsx({
      sheetData:
        `<row r="1">${inlineCell('E-mail')}<c r="C1" t="inlineStr"><is><t>Naam</t></is></c>${inlineCell('Plaats')}</row>` +
        `<row r="4">${inlineCell('cees@example.nl')}<c r="C4" t="inlineStr"><is><t>Cees</t></is></c>${inlineCell('Ede')}</row>`,
    });
    const { contacts } = await importedContacts(t, 'numbers-export.xlsx', bytes);
    expect(contacts).toEqual([{ row: 4, email: 'cees@example.nl', naam: 'Cees', plaats: 'Ede' }]);
  });

  it('Google Sheets: inline strings of several runs, no shared strings, ISO date cells', async () => {
    t = await startTestApp();
    const bytes = await minimalXlsx({
      styles: DATE_STYLES,
      sheetData:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>E-mail</t></is></c><c r="B1" t="inlineStr"><is><t>Naam</t></is></c><c r="C1" t="inlineStr"><is><t>Lid sinds</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>dirk@example.nl</t></is></c>' +
        '<c r="B2" t="inlineStr"><is><r><t xml:space="preserve">Dirk </t></r><r><rPr><b/></rPr><t>van Dam</t></r><rPh sb="0" eb="1"><t>ダム</t></rPh></is></c>' +
        '<c r="C2" s="1" t="d"><v>2020-01-31T00:00:00Z</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>eva@example.nl</t></is></c><c r="B3" t="inlineStr"><is><t>Eva</t></is></c>' +
        '<c r="C3" t="d"><v>2019-12-01T09:30:00</v></c></row>',
    });
    const { contacts } = await importedContacts(t, 'google.xlsx', bytes);
    expect(contacts).toEqual([
      { row: 2, email: 'dirk@example.nl', naam: 'Dirk van Dam', lid_sinds: '31-01-2020' },
      { row: 3, email: 'eva@example.nl', naam: 'Eva', lid_sinds: '01-12-2019 09:30' },
    ]);
  });

  it('a workbook with the 1904 date system (old Mac Excel) shows the dates Excel shows', async () => {
    t = await startTestApp();
    const bytes = await minimalXlsx({
      date1904: true,
      styles: DATE_STYLES,
      sheetData:
        `<row r="1">${inlineCell('E-mail')}${inlineCell('Lid sinds')}${inlineCell('Verjaardag')}</row>` +
        // 41669 days after 1 January 1904 is 31 January 2018 (in the 1900 system 2014).
        `<row r="2">${inlineCell('fenna@example.nl')}<c s="1"><v>41669</v></c><c s="2"><v>0</v></c></row>`,
    });
    const { contacts } = await importedContacts(t, 'mac.xlsx', bytes);
    expect(contacts).toEqual([
      { row: 2, email: 'fenna@example.nl', lid_sinds: '31-01-2018', verjaardag: '01-01-1904' },
    ]);
  });
});
