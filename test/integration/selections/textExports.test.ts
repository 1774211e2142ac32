import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fixture } from '../../unit/selections/helpers';
import { importedContacts, refusedInDutch } from './exportFiles';

/** CSV and text files exactly as Excel, Numbers, Google Sheets and LibreOffice write them. */
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe('text exports of spreadsheet programs', () => {
  it('Excel NL "CSV (gescheiden door lijstscheidingsteken)": sep=, Windows-1252 with €, empty columns and separator-only lines', async () => {
    t = await startTestApp();
    const { result, contacts } = await importedContacts(
      t,
      'klanten.csv',
      fixture('excel-nl-lijstscheidingsteken.csv'),
    );
    expect([result.rows, result.imported, result.rejected, result.duplicates]).toEqual([
      3,
      3,
      [],
      [],
    ]);
    const common = { voorletters: 'J.', tussenvoegsel: 'van der', achternaam: 'Berg' };
    expect(contacts).toEqual([
      {
        row: 2,
        email: 'j.vandenberg@example.nl',
        referentienummer: '1001',
        ...common,
        waardebon_bedrag: '€ 12,50',
        restant_spaarpunten: '1.250',
      },
      {
        row: 3,
        email: 'zoe.muller@example.nl',
        referentienummer: '1002',
        voorletters: 'Zoë',
        tussenvoegsel: '',
        achternaam: 'Müller',
        waardebon_bedrag: '7,5',
        restant_spaarpunten: '-20',
      },
      {
        row: 4,
        email: 'RENE@EXAMPLE.NL',
        referentienummer: '1003',
        voorletters: 'René',
        tussenvoegsel: 'de',
        achternaam: 'Clercq',
        waardebon_bedrag: '1.234,56',
        restant_spaarpunten: '0',
      },
    ]);
  });

  it('a UTF-8 mark and a sep= line together', async () => {
    t = await startTestApp();
    const { contacts } = await importedContacts(t, 'klanten.csv', fixture('bom-sep.csv'));
    expect(contacts).toEqual([
      { row: 2, email: 'anne@example.nl', voornaam: 'Anne' },
      { row: 3, email: 'bram@example.nl', voornaam: 'Bram' },
    ]);
  });

  it('old Mac line endings (CR only)', async () => {
    t = await startTestApp();
    const { contacts } = await importedContacts(t, 'klanten.csv', fixture('mac-cr.csv'));
    expect(contacts).toEqual([
      { row: 2, email: 'jan@example.nl', naam: 'Jan', plaats: 'Ede' },
      { row: 3, email: 'piet@example.nl', naam: 'Piet', plaats: 'Epe' },
    ]);
  });

  it('mixed line endings never merge two customers into one field', async () => {
    t = await startTestApp();
    const { contacts } = await importedContacts(
      t,
      'klanten.csv',
      fixture('mixed-line-endings.csv'),
    );
    expect(contacts).toEqual([
      { row: 2, email: 'anne@example.nl', naam: 'Anne' },
      { row: 3, email: 'bram@example.nl', naam: 'Bram' },
      { row: 4, email: 'cees@example.nl', naam: 'Cees' },
      { row: 5, email: 'dirk@example.nl', naam: 'Dirk' },
      { row: 6, email: 'eva@example.nl', naam: 'Eva' },
    ]);
  });

  it('Google Sheets and Numbers: commas, addresses on two lines, doubled quotes, no final line break', async () => {
    t = await startTestApp();
    const { contacts } = await importedContacts(t, 'klanten.csv', fixture('google-sheets.csv'));
    expect(contacts).toEqual([
      {
        row: 2,
        email: 'mary@example.nl',
        naam: 'Smith, Mary',
        address: 'Kerkstraat 1\n1234 AB Utrecht',
        notes: 'Zegt "hoi"',
      },
      { row: 3, email: 'kees@example.nl', naam: 'Kees', address: '', notes: '' },
      {
        row: 4,
        email: 'fleur@example.nl',
        naam: 'Fleur',
        address: 'Dorpsweg 2\n9999 ZZ Ergens',
        notes: '',
      },
    ]);
  });

  it('LibreOffice with every field quoted', async () => {
    t = await startTestApp();
    const { contacts } = await importedContacts(
      t,
      'klanten.csv',
      fixture('libreoffice-quoted.csv'),
    );
    expect(contacts).toEqual([
      {
        row: 2,
        email: 'lotte@example.nl',
        naam: 'Lotte',
        waardebon_spaarpunten: '12',
        opmerking: '',
      },
      {
        row: 3,
        email: 'sem@example.nl',
        naam: 'Sem',
        waardebon_spaarpunten: '-3',
        opmerking: 'Zegt "hallo", graag',
      },
    ]);
  });

  it('a note of 10 KB on one line is a long value, not a stray quote', async () => {
    t = await startTestApp();
    const note = 'Vaste klant. '.repeat(800);
    const bytes = Buffer.from(
      `E-mail;Notitie\r\njan@example.nl;${note}\r\npiet@example.nl;kort\r\n`,
    );
    const { contacts } = await importedContacts(t, 'klanten.csv', bytes);
    expect(contacts).toEqual([
      { row: 2, email: 'jan@example.nl', notitie: note.trim() },
      { row: 3, email: 'piet@example.nl', notitie: 'kort' },
    ]);
  });

  it('UTF-8 with a name pasted from an ANSI file: both kinds of accents come out right, with a warning', async () => {
    t = await startTestApp();
    const bytes = fixture('utf8-with-ansi-byte.csv');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    for (const file of [bytes, withBom]) {
      const { contacts } = await importedContacts(t, 'klanten.csv', file);
      expect(contacts.map((c) => c.naam)).toEqual(['Zoë Müller', 'René Smit']);
    }
    const analysis = await t.call('selections.analyze', {
      fileName: 'klanten.csv',
      dataBase64: bytes.toString('base64'),
    });
    expect([analysis.encoding, analysis.warnings]).toEqual([
      'utf-8',
      ['selections:warnings.mixedEncoding'],
    ]);
    const { contacts } = await importedContacts(t, 'klanten.csv', bytes);
    expect(contacts).toEqual([
      { row: 2, email: 'zoe@example.nl', naam: 'Zoë Müller', tegoed: '€ 5,00' },
      { row: 3, email: 'rene@example.nl', naam: 'René Smit', tegoed: '€ 7,50' },
    ]);
  });

  it('Excel "Unicode-tekst": UTF-16LE with a byte order mark, tabs, € and a quoted tab', async () => {
    t = await startTestApp();
    const text =
      'E-mail\tNaam\tTegoed\r\njan@example.nl\t"Jan\tJansen"\t€ 5,00\r\nzoe@example.nl\tZoë\t€ 1.234,00\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { contacts } = await importedContacts(t, 'klanten.txt', bytes);
    expect(contacts).toEqual([
      { row: 2, email: 'jan@example.nl', naam: 'Jan\tJansen', tegoed: '€ 5,00' },
      { row: 3, email: 'zoe@example.nl', naam: 'Zoë', tegoed: '€ 1.234,00' },
    ]);
  });

  it('refuses a file with a NUL byte, saying it is no text file', async () => {
    t = await startTestApp();
    expect(await refusedInDutch(t, 'klanten.csv', fixture('nul-byte.csv'))).toEqual({
      key: 'selections:errors.notText',
      dutch:
        'Dit bestand is geen tekstbestand met klanten. Kies een CSV- of Excel-bestand (.xlsx) uit uw kassasysteem.',
    });
  });
});
