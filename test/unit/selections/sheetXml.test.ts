import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fitSheetXml } from '../../../electron/services/selections/parse/sheetXml';
import { readXlsxRows } from '../../../electron/services/selections/parse/xlsxRows';
import { inlineCell, minimalXlsx } from '../../fixtures/selections/minimalXlsx';

async function fitted(xml: string, chunkBytes: number): Promise<string> {
  const bytes = Buffer.from(xml, 'utf8');
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
  }
  let out = '';
  for await (const piece of fitSheetXml(chunks())) out += piece;
  return out;
}

describe('fitSheetXml', () => {
  it('numbers rows and cells without r, in any chunking, and leaves numbered ones alone', async () => {
    const xml =
      `<sheetData><row>${inlineCell('Zoë')}<c/><c s="1"><v>3</v></c></row>` +
      `<row r="5" spans="1:3"><c r="B5"><v>1</v></c><c><v>2</v></c></row><row/><row><c t="s"><v>0</v></c></row></sheetData>`;
    const expected =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Zoë</t></is></c><c r="B1"/><c r="C1" s="1"><v>3</v></c></row>' +
      '<row r="5" spans="1:3"><c r="B5"><v>1</v></c><c r="C5"><v>2</v></c></row><row r="6"/><row r="7"><c r="A7" t="s"><v>0</v></c></row></sheetData>';
    for (const size of [1, 2, 3, 7, 64, 65536]) expect(await fitted(xml, size)).toBe(expected);
  });

  it('passes an Excel sheet through unchanged', async () => {
    const xml =
      '<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>44000</v></c></row>' +
      '<row r="2"><c r="AA2" t="str"><f>A1</f><v>é</v></c></row></sheetData>';
    expect(await fitted(xml, 5)).toBe(xml);
  });

  it('after numbered first rows, still fits a later cell without attributes, a date cell and runs', async () => {
    const xml =
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c></row>' +
      '<row r="3"><c r="A3" s="1" t="d"><v>2020-01-31</v></c><c r="B3" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>';
    expect(await fitted(xml, 45)).toBe(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>' +
        '<row r="3"><c r="A3" s="1" t="inlineStr"><is><t xml:space="preserve">31-01-2020</t></is></c>' +
        '<c r="B3" t="inlineStr"><is><t xml:space="preserve">ab</t></is></c></row>',
    );
  });

  it('counts columns past Z', async () => {
    const cells = Array.from({ length: 28 }, () => '<c><v>1</v></c>').join('');
    expect(await fitted(`<row>${cells}</row>`, 100)).toContain('<c r="AB1"><v>1</v></c></row>');
  });
});

describe('accents between two chunks of the unzipped XML', () => {
  const name = (i: number) => `Zoë Ünal-Çelik ${i}`;

  it('shared strings (Excel, exceljs, LibreOffice)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Klanten');
    for (let i = 0; i < 20_000; i += 1) sheet.addRow([`k${i}@example.nl`, name(i)]);
    const { rows } = await readXlsxRows(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows.filter((r, i) => r.cells[1] !== name(i))).toEqual([]);
  });

  it('inline strings (Google Sheets, SheetJS)', async () => {
    let sheetData = '';
    for (let i = 0; i < 20_000; i += 1)
      sheetData += `<row>${inlineCell(`k${i}@example.nl`)}${inlineCell(name(i))}</row>`;
    const { rows } = await readXlsxRows(await minimalXlsx({ sheetData }));
    expect(rows.length).toBe(20_000);
    expect(rows.filter((r, i) => r.cells[1] !== name(i))).toEqual([]);
  });
});
