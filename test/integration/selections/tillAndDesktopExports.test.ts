import { afterEach, describe, expect, it } from 'vitest';
import nl from '../../../renderer/src/i18n/locales/nl/selections.json' with { type: 'json' };
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fixture } from '../../unit/selections/helpers';
import { importedContacts } from './exportFiles';

/** Till exports and desktop spreadsheet saves not covered elsewhere, through the real import. */
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function analysisOf(fileName: string, bytes: Buffer) {
  const analysis = await t.call('selections.analyze', {
    fileName,
    dataBase64: bytes.toString('base64'),
  });
  return {
    encoding: analysis.encoding,
    delimiter: analysis.delimiter,
    warnings: analysis.warnings,
  };
}

describe('till and desktop exports', () => {
  it('Excel for Mac "CSV" in Mac Roman: the names as written, with a warning to check them', async () => {
    t = await startTestApp();
    const bytes = fixture('excel-mac-roman.csv');
    expect(await analysisOf('klanten.csv', bytes)).toEqual({
      encoding: 'macintosh',
      delimiter: ';',
      warnings: ['selections:warnings.macRoman'],
    });
    const { contacts } = await importedContacts(t, 'klanten.csv', bytes);
    expect(contacts).toEqual([
      { row: 2, email: 'zoe@example.nl', voornaam: 'Zoë', achternaam: 'Brouwer', plaats: 'Ede' },
      {
        row: 3,
        email: 'rene@example.nl',
        voornaam: 'René',
        achternaam: 'Müller',
        plaats: 'Sint-Oedenrode',
      },
      {
        row: 4,
        email: 'bjorn@example.nl',
        voornaam: 'Björn',
        achternaam: 'Ñúñez',
        plaats: 'Den Haag',
      },
    ]);
  });

  it('a Dutch till (Untill, Vectron): ANSI, semicolons, decimal commas and dd-mm-jjjj kept as shown', async () => {
    t = await startTestApp();
    const bytes = fixture('kassa-untill.csv');
    expect(await analysisOf('klanten.csv', bytes)).toEqual({
      encoding: 'windows-1252',
      delimiter: ';',
      warnings: [],
    });
    const { result, contacts } = await importedContacts(t, 'klanten.csv', bytes);
    expect([result.rows, result.rejected]).toEqual([2, []]);
    expect(contacts).toEqual([
      {
        row: 2,
        email: 'ella@example.nl',
        referentienummer: '1001',
        naam: 'Ëlla van Dijk',
        geboortedatum: '07-03-1985',
        tegoed: '12,50',
        omzet_2026: '1.234,56',
        laatste_bezoek: '01-12-2026',
      },
      {
        row: 3,
        email: 'JURGEN@EXAMPLE.NL',
        referentienummer: '1002',
        naam: 'Jürgen Groß',
        geboortedatum: '31-12-1970',
        tegoed: '0,00',
        omzet_2026: '-15,00',
        laatste_bezoek: '15-11-2026',
      },
    ]);
  });

  it('LibreOffice tab-separated saved as .csv, and a tab-separated .txt', async () => {
    t = await startTestApp();
    for (const name of ['libreoffice-tab.csv', 'tab-export.txt']) {
      const { contacts } = await importedContacts(t, name, fixture(name));
      expect(contacts).toEqual([
        { row: 2, email: 'fleur@example.nl', naam: 'Fleur, de Jong', plaats: "'s-Hertogenbosch" },
        { row: 3, email: 'gijs@example.nl', naam: 'Gijs', plaats: 'Zwolle' },
      ]);
    }
  });

  it('numbers Excel wrote as 6,12346E+08 and dates as day numbers: warnings, the cells as they are', async () => {
    t = await startTestApp();
    const bytes = fixture('excel-mangled-numbers.csv');
    expect((await analysisOf('klanten.csv', bytes)).warnings).toEqual([
      'selections:warnings.scientificNumbers',
      'selections:warnings.serialDates',
    ]);
    expect(nl.warnings.scientificNumbers).toContain('Exporteer opnieuw uit het kassasysteem');
    expect(nl.warnings.serialDates).toContain('Maak in Excel de kolom op als Datum');
    const { contacts } = await importedContacts(t, 'klanten.csv', bytes);
    expect(contacts.map((c) => [c.email, c.geboortedatum, c.telefoon, c.klantkaart])).toEqual([
      ['hanna@example.nl', '31048', '6,12346E+08', '8,71234E+12'],
      ['ivo@example.nl', '25569', '6,41234E+08', '8,71234E+12'],
    ]);
  });

  it('address cells: capitals kept, spaces, NBSP and zero-width characters gone, two addresses refused, empty rows and columns ignored', async () => {
    t = await startTestApp();
    const { result, contacts } = await importedContacts(
      t,
      'adressen.csv',
      fixture('address-cells.csv'),
    );
    expect(contacts).toEqual([
      { row: 2, email: 'JAN@EXAMPLE.NL', naam: 'Jan' },
      { row: 3, email: 'kim@example.nl', naam: 'Kim' },
      { row: 4, email: 'lotte@example.nl', naam: 'Lotte' },
    ]);
    expect([result.rows, result.rejected]).toEqual([
      5,
      [
        { row: 5, reason: 'multipleEmails', value: 'max@example.nl; mia@example.nl' },
        { row: 6, reason: 'multipleEmails', value: 'nina@example.nl, otto@example.nl' },
      ],
    ]);
  });
});
