import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../../electron/services/stats/csv';
import nl from '../../../renderer/src/i18n/locales/nl/selections.json' with { type: 'json' };
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fixture } from '../../unit/selections/helpers';
import { importedContacts } from './exportFiles';

/** The cells of a till's export as people typed them over the years. */
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const empty = { geboortedatum: '', waardebon_bedrag: '', restant_spaarpunten: '', telefoon: '' };

describe('values in a till export', () => {
  it('reads the address a cell means, refuses two in one cell or accents before the @ with the row, and keeps every other value as text', async () => {
    t = await startTestApp();
    const { result, contacts } = await importedContacts(
      t,
      'kassa.csv',
      fixture('kassa-values.csv'),
    );
    expect([result.rows, result.imported, result.rejected, result.duplicates]).toEqual([
      10,
      7,
      [
        { row: 5, reason: 'multipleEmails', value: 'eva@example.nl; fien@example.nl' },
        { row: 8, reason: 'internationalEmail', value: 'zoë@café.nl' },
      ],
      // The first row wins; the later one only fills what it left empty.
      [{ row: 11, email: 'gijs@example.nl', firstRow: 6 }],
    ]);
    expect(nl.rowErrors.multipleEmails).toBe(
      'Twee of meer e-mailadressen in één cel: laat er in het bestand één staan',
    );
    expect(contacts).toEqual([
      {
        row: 2,
        email: 'bram@example.nl',
        referentienummer: '1',
        geboortedatum: '17-5-1980',
        waardebon_bedrag: '€ 12,50',
        restant_spaarpunten: '-5',
        telefoon: '+31 6 12345678',
        opmerking: '-',
      },
      {
        row: 3,
        email: 'cees@example.nl',
        referentienummer: '2',
        geboortedatum: '1980-05-17',
        waardebon_bedrag: '12.50',
        restant_spaarpunten: '0',
        telefoon: '+31 20-1234567',
        opmerking: `'=HYPERLINK("http://evil.example","klik")`,
      },
      {
        row: 4,
        email: 'dirk@example.nl',
        referentienummer: '3',
        geboortedatum: '17/05/1980',
        waardebon_bedrag: '1.234,56',
        restant_spaarpunten: '10',
        telefoon: '',
        opmerking: `'@SUM(A1:A2)`,
      },
      {
        row: 6,
        email: 'GIJS@EXAMPLE.NL',
        referentienummer: '5',
        ...empty,
        // An Excel date serial in a CSV is a number like any other: kept as written.
        geboortedatum: '29358',
        waardebon_bedrag: '7,50',
        opmerking: 'Tweede rij van Gijs',
      },
      // A domain with accents goes out in its xn-- form, which needs no SMTPUTF8.
      { row: 7, email: 'info@xn--caf-dma.nl', referentienummer: '6', ...empty, opmerking: `'+2+3` },
      { row: 9, email: 'hans@example.nl', referentienummer: '8', ...empty, opmerking: '' },
      { row: 10, email: 'ilse@example.nl', referentienummer: '9', ...empty, opmerking: '' },
    ]);
  });

  it('an address with invisible characters copied from a web page is the address', async () => {
    t = await startTestApp();
    const bytes = Buffer.from(
      'E-mail;Naam\r\njan@example.nl\u200b;Jan\r\n\ufeffpiet@exam\u00adple.nl\u00a0;Piet\r\n',
    );
    const { result, contacts } = await importedContacts(t, 'klanten.csv', bytes);
    expect(result.rejected).toEqual([]);
    expect(contacts).toEqual([
      { row: 2, email: 'jan@example.nl', naam: 'Jan' },
      { row: 3, email: 'piet@example.nl', naam: 'Piet' },
    ]);
  });

  it('a till\'s ="0612345678" (kept as text for Excel) is the text it shows, also as the address', async () => {
    t = await startTestApp();
    const bytes = Buffer.from(
      'E-mail;Telefoon;Postcode;Opmerking\r\n' +
        '="jan@example.nl";="0612345678";="0123";="=1+1"\r\n' +
        'piet@example.nl;="";="+31 6 1234";=A1&"x"\r\n',
    );
    const { result, contacts } = await importedContacts(t, 'klanten.csv', bytes);
    expect([result.rejected, result.formulaCells]).toEqual([[], 2]);
    expect(contacts).toEqual([
      {
        row: 2,
        email: 'jan@example.nl',
        telefoon: '0612345678',
        postcode: '0123',
        opmerking: `'="=1+1"`,
      },
      {
        row: 3,
        email: 'piet@example.nl',
        telefoon: '',
        postcode: '+31 6 1234',
        opmerking: `'=A1&"x"`,
      },
    ]);
  });

  it("never lets an imported cell reach the app's CSV export as a formula", async () => {
    t = await startTestApp();
    const { contacts } = await importedContacts(t, 'kassa.csv', fixture('kassa-values.csv'));
    const header = Object.keys(contacts[0]!).filter((key) => key !== 'row');
    const rows = contacts.map((c) => header.map((key) => String(c[key as keyof typeof c])));
    // Cells that start as Excel runs them; tab and CR come only from other sources.
    rows.push(header.map((_, i) => ['\t=1+1', '\r=1+1', '-1+1', '+1', '@A1', '=A1'][i % 6]!));
    const csv = toCsv(header, rows);
    const cells = (parse(csv.slice(1), { delimiter: ';' }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","klik")`);
    expect(cells).toContain(`'-5`);
    expect(cells).toContain(`'\t=1+1`);
  });
});
