import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { csvBase64, fixture, sampleWorkbook } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function failure(channel: 'selections.import' | 'selections.analyze', input: object) {
  const extra = channel === 'selections.import' ? { description: 'x', consent: true } : {};
  const envelope = await t.app.handlers[channel]({ ...extra, ...input });
  if (envelope.ok) throw new Error('expected a refusal');
  return envelope.error;
}

function contactCount(): number {
  return (
    t.app.context.database.sqlite.prepare('select count(*) as n from contacts').get() as {
      n: number;
    }
  ).n;
}

describe('selections.import', () => {
  it('imports every encoding and delimiter to the same contacts, with a full report', async () => {
    t = await startTestApp();
    const files = [
      'utf8-semicolon.csv',
      'win1252-semicolon.csv',
      'utf8-bom-tab.csv',
      'utf16-tab.txt',
    ];
    const seen: unknown[] = [];
    for (const fileName of files) {
      const result = await t.call('selections.import', {
        fileName,
        dataBase64: fixture(fileName).toString('base64'),
        description: fileName,
        consent: true,
      });
      expect(result).toMatchObject({
        rows: 6,
        imported: 2,
        rejectedCount: 3,
        duplicateCount: 1,
        alreadySuppressedCount: 0,
      });
      // Accents before the @ need SMTPUTF8 all the way: refused, with their own reason.
      expect(result.rejected).toEqual([
        { row: 4, reason: 'invalidEmail', value: 'geen-adres' },
        { row: 5, reason: 'missingEmail', value: '' },
        { row: 7, reason: 'internationalEmail', value: 'zoë.renée@example.nl' },
      ]);
      expect(result.duplicates).toEqual([
        { row: 6, email: 'anouk.de.vries@example.nl', firstRow: 3 },
      ]);
      const detail = await t.call('selections.get', { id: result.selectionId });
      expect(detail.count).toBe(2);
      seen.push(detail.contacts.map((c) => ({ email: c.email, data: c.data })));
    }
    for (const other of seen.slice(1)) expect(other).toEqual(seen[0]);
    expect(seen[0]).toEqual([
      {
        email: 'jan.jansen@example.nl',
        data: {
          naam: 'Jan Jansen',
          voornaam: 'Jan',
          referentienummer: '1001',
          waardebon_bedrag: '10,50',
          geboortedatum: '01-02-1970',
        },
      },
      {
        email: 'Anouk.de.Vries@Example.NL',
        data: {
          naam: 'Anouk de Vries',
          voornaam: 'Anouk',
          referentienummer: '1002',
          waardebon_bedrag: '7,50',
          geboortedatum: '12-12-1985',
        },
      },
    ]);
  });

  it('reads quoted fields with embedded line breaks and English headers', async () => {
    t = await startTestApp();
    const result = await t.call('selections.import', {
      fileName: 'export.csv',
      dataBase64: fixture('utf8-comma-multiline.csv').toString('base64'),
      description: 'Engels',
      consent: true,
    });
    const detail = await t.call('selections.get', { id: result.selectionId });
    expect(detail.contacts[0]!.data).toEqual({
      naam: 'Smith, Mary',
      voornaam: 'Mary',
      referentienummer: 'A-1',
      notes: 'Likes "red" shoes;\nsize 38',
      restant_spaarpunten: '120',
    });
    expect(detail.contacts[1]!.rowNumber).toBe(3);
    expect(detail.variables).toContain('notes');
  });

  it('merges duplicates: the first row wins, later rows only fill empty values', async () => {
    t = await startTestApp();
    const result = await t.call('selections.import', {
      fileName: 'dubbel.csv',
      dataBase64: csvBase64([
        'email;voornaam;plaats',
        'a@example.nl;Ann;',
        'A@EXAMPLE.NL;Anna;Utrecht',
      ]),
      description: 'Dubbel',
      consent: true,
    });
    const detail = await t.call('selections.get', { id: result.selectionId });
    expect(detail.contacts).toHaveLength(1);
    expect(detail.contacts[0]!.data).toEqual({ voornaam: 'Ann', plaats: 'Utrecht' });
  });

  it('never evaluates formulas: an address that is a formula is rejected, other cells stay inert text', async () => {
    t = await startTestApp();
    const result = await t.call('selections.import', {
      fileName: 'formulas.csv',
      dataBase64: fixture('formulas.csv').toString('base64'),
      description: 'Formules',
      consent: true,
    });
    expect(result.rejected).toEqual([
      { row: 2, reason: 'formula', value: '=HYPERLINK("http://evil.example","klik")' },
    ]);
    expect(result.formulaCells).toBe(4);
    const detail = await t.call('selections.get', { id: result.selectionId });
    expect(detail.contacts.map((c) => c.data)).toEqual([
      {
        naam: `'=HYPERLINK("http://evil.example","klik")`,
        waardebon_spaarpunten: '-5',
        opmerking: `'@SUM(A1:A2)`,
      },
      { naam: '+31 6 12345678', waardebon_spaarpunten: `'+2+3`, opmerking: `'-2+3` },
    ]);
  });

  it('reads XLSX as shown: formula results, hyperlink text, dates as dd-mm-jjjj', async () => {
    t = await startTestApp();
    const dataBase64 = (await sampleWorkbook()).toString('base64');
    const analysis = await t.call('selections.analyze', { fileName: 'klanten.xlsx', dataBase64 });
    expect(analysis.format).toBe('xlsx');
    expect(analysis.columns.map((c) => c.target)).toEqual([
      'email',
      'voornaam',
      'waardebon_bedrag',
      'extra',
      'extra',
      'extra',
    ]);
    expect(analysis.rejected).toEqual([]);
    expect([analysis.sheets, analysis.sheet]).toEqual([['Klanten'], 'Klanten']);
    const result = await t.call('selections.import', {
      fileName: 'klanten.xlsx',
      dataBase64,
      description: 'Excel',
      consent: true,
    });
    const detail = await t.call('selections.get', { id: result.selectionId });
    expect(detail.contacts.map((c) => [c.email, c.data])).toEqual([
      [
        'jan@example.nl',
        {
          voornaam: 'Jan',
          waardebon_bedrag: '10,5',
          lid_sinds: '05-03-2024',
          website: 'x',
          berekend: '1',
        },
      ],
      [
        'els@example.nl',
        {
          voornaam: 'Els',
          waardebon_bedrag: '7',
          lid_sinds: '',
          website: 'klik hier',
          berekend: 'klik',
        },
      ],
      [
        'a@example.nl',
        { voornaam: 'A', waardebon_bedrag: '', lid_sinds: '', website: '', berekend: '' },
      ],
    ]);
  });

  it('reports progress events and a final one when the import is done', async () => {
    t = await startTestApp();
    const events: unknown[] = [];
    t.app.events.subscribe((name, payload) => {
      if (name === 'import.progress') events.push(payload);
    });
    const lines = ['email'];
    for (let i = 0; i < 25_000; i += 1) lines.push(`k${i}@example.nl`);
    await t.call('selections.import', {
      fileName: 'groot.csv',
      dataBase64: csvBase64(lines),
      description: 'Groot',
      consent: true,
    });
    const event = (rows: number, done = false) => ({
      fileName: 'groot.csv',
      rows,
      total: 25_000,
      done,
    });
    expect(events).toEqual([
      event(0),
      event(5_000),
      event(10_000),
      event(15_000),
      event(20_000),
      event(25_000),
      event(25_000, true),
    ]);
  });

  it('records the consent moment and refuses an import without it', async () => {
    t = await startTestApp();
    const error = await failure('selections.import', {
      fileName: 'a.csv',
      dataBase64: csvBase64(['email', 'a@example.nl']),
      consent: false,
    });
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]).toMatchObject({ field: 'consent', key: 'selections:errors.consent' });
    const result = await t.call('selections.import', {
      fileName: 'a.csv',
      dataBase64: csvBase64(['email', 'a@example.nl']),
      description: 'Met toestemming',
      consent: true,
    });
    const detail = await t.call('selections.get', { id: result.selectionId });
    expect(detail.consentConfirmedAt).toBe(t.clock.now());
  });

  it('reports addresses that are already suppressed, whichever selection they come back in', async () => {
    t = await startTestApp();
    t.app.context.suppression.suppress('Anouk.de.Vries@example.nl', 'unsubscribed', 'tracker');
    const result = await t.call('selections.import', {
      fileName: 'utf8-semicolon.csv',
      dataBase64: fixture('utf8-semicolon.csv').toString('base64'),
      description: 'x',
      consent: true,
    });
    expect(result.alreadySuppressed).toEqual([
      { row: 3, email: 'Anouk.de.Vries@Example.NL', reason: 'unsubscribed' },
    ]);
  });
});

describe('mapping', () => {
  it('proposes a mapping, lets the user correct it, and remembers it for the next file of that shape', async () => {
    t = await startTestApp();
    const lines = ['Werk;Prive;Naam', 'jan@bedrijf.nl;jan@thuis.nl;Jan'];
    const first = await t.call('selections.analyze', {
      fileName: 'x.csv',
      dataBase64: csvBase64(lines),
    });
    expect(first.columns.map((c) => c.target)).toEqual(['email', 'extra', 'naam']);
    expect(first.mappingRemembered).toBe(false);

    const corrected = await t.call('selections.analyze', {
      fileName: 'x.csv',
      dataBase64: csvBase64(lines),
      mapping: ['ignore', 'email', 'naam'],
    });
    expect(corrected.blocking).toEqual([]);
    const result = await t.call('selections.import', {
      fileName: 'x.csv',
      dataBase64: csvBase64(lines),
      description: 'x',
      consent: true,
      mapping: ['ignore', 'email', 'naam'],
    });
    const detail = await t.call('selections.get', { id: result.selectionId });
    expect(detail.contacts.map((c) => [c.email, c.data])).toEqual([
      ['jan@thuis.nl', { naam: 'Jan' }],
    ]);
    const next = await t.call('selections.analyze', {
      fileName: 'y.csv',
      dataBase64: csvBase64(['werk;prive;naam', 'bob@bedrijf.nl;bob@thuis.nl;Bob']),
    });
    expect(next.mappingRemembered).toBe(true);
    expect(next.columns.map((c) => c.target)).toEqual(['ignore', 'email', 'naam']);
  });

  it('blocks a file without an e-mail column until one is chosen', async () => {
    t = await startTestApp();
    const dataBase64 = csvBase64(['Klant;Woonplaats', 'Ann;Utrecht']);
    const analysis = await t.call('selections.analyze', { fileName: 'x.csv', dataBase64 });
    expect(analysis.blocking).toEqual([{ key: 'selections:errors.noEmailColumn', params: {} }]);
    await expect(
      t.call('selections.import', {
        fileName: 'x.csv',
        dataBase64,
        description: 'x',
        consent: true,
      }),
    ).rejects.toMatchObject({ error: { key: 'selections:errors.noEmailColumn' } });
  });

  it('recognises an e-mail column by its contents when the header is unknown', async () => {
    t = await startTestApp();
    const analysis = await t.call('selections.analyze', {
      fileName: 'x.csv',
      dataBase64: csvBase64([
        'Klant;Correspondentie;Opmerking',
        'Ann;ann@example.nl;a@b',
        'Bob;bob@example.nl;',
        'Cor;geen;x',
      ]),
    });
    expect(analysis.columns.map((c) => c.target)).toEqual(['extra', 'email', 'extra']);
    expect(analysis.imported).toBe(2);
  });

  it('refuses one variable from two columns, and a mapping that does not fit the file', async () => {
    t = await startTestApp();
    const dataBase64 = csvBase64(['email;naam;achternaam', 'a@example.nl;A;B']);
    const analysis = await t.call('selections.analyze', {
      fileName: 'x.csv',
      dataBase64,
      mapping: ['email', 'naam', 'naam'],
    });
    expect(analysis.blocking).toEqual([
      { key: 'selections:errors.duplicateTarget', params: { variable: 'naam' } },
    ]);
    const error = await failure('selections.analyze', {
      fileName: 'x.csv',
      dataBase64,
      mapping: ['email'],
    });
    expect(error.key).toBe('selections:errors.mappingMismatch');
  });

  it('flags special-category columns before import and leaves them out by default', async () => {
    t = await startTestApp();
    const dataBase64 = fixture('special-category.csv').toString('base64');
    const analysis = await t.call('selections.analyze', { fileName: 's.csv', dataBase64 });
    expect(
      analysis.columns.filter((c) => c.specialCategory).map((c) => [c.header, c.target]),
    ).toEqual([
      ['Medische info', 'ignore'],
      ['Religie', 'ignore'],
    ]);
    const result = await t.call('selections.import', {
      fileName: 's.csv',
      dataBase64,
      description: 's',
      consent: true,
    });
    const detail = await t.call('selections.get', { id: result.selectionId });
    expect(detail.contacts[0]!.data).toEqual({ naam: 'A', armband_maat: 'M' });
  });
});

describe('bad input: a clear message and nothing half-imported', () => {
  const cases: [string, () => Promise<{ fileName: string; dataBase64: string }>, string][] = [
    ['an empty file', async () => ({ fileName: 'empty.csv', dataBase64: '' }), 'empty'],
    [
      'a file without an e-mail column',
      async () => ({
        fileName: 'n.csv',
        dataBase64: fixture('no-email-column.csv').toString('base64'),
      }),
      'noEmailColumn',
    ],
    [
      'a header without rows',
      async () => ({
        fileName: 'h.csv',
        dataBase64: fixture('header-only.csv').toString('base64'),
      }),
      'noRows',
    ],
    [
      'a picture renamed .csv',
      async () => ({
        fileName: 'p.csv',
        dataBase64: fixture('picture-renamed.csv').toString('base64'),
      }),
      'notText',
    ],
    [
      'a workbook renamed .csv',
      async () => ({ fileName: 'w.csv', dataBase64: (await sampleWorkbook()).toString('base64') }),
      'zipNotCsv',
    ],
    [
      'a CSV renamed .xlsx',
      async () => ({ fileName: 'c.xlsx', dataBase64: csvBase64(['email', 'a@example.nl']) }),
      'badXlsx',
    ],
    [
      'an old .xls file',
      async () => ({ fileName: 'o.xls', dataBase64: Buffer.from([0xd0, 0xcf]).toString('base64') }),
      'oldExcel',
    ],
    [
      'a PDF',
      async () => ({ fileName: 'a.pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64') }),
      'unsupportedType',
    ],
    [
      'a file larger than 50 MB',
      async () => ({ fileName: 'big.csv', dataBase64: 'A'.repeat(70 * 1024 * 1024) }),
      'tooLarge',
    ],
    [
      'a first row that is a customer, not a header',
      async () => ({ fileName: 'x.csv', dataBase64: csvBase64(['a@example.nl;Ann']) }),
      'noHeader',
    ],
    [
      'only invalid addresses',
      async () => ({ fileName: 'x.csv', dataBase64: csvBase64(['email', 'geen', 'ook-niet']) }),
      'noValidRows',
    ],
  ];
  for (const [name, input, key] of cases) {
    it(`refuses ${name}`, async () => {
      t = await startTestApp();
      const error = await failure('selections.import', await input());
      expect(error.key).toBe(`selections:errors.${key}`);
      expect(error.code).toBe('invalid_file');
      expect(contactCount()).toBe(0);
      expect(await t.call('selections.list', {})).toEqual([]);
    });
  }

  it('refuses a row with 500 columns even after many good rows, and imports none of them', async () => {
    t = await startTestApp();
    const lines = ['email;naam'];
    for (let i = 0; i < 2000; i += 1) lines.push(`klant${i}@example.nl;Klant ${i}`);
    lines.push(`laatste@example.nl;${'x;'.repeat(499)}x`);
    const error = await failure('selections.import', {
      fileName: 'wide.csv',
      dataBase64: csvBase64(lines),
    });
    expect(error.key).toBe('selections:errors.tooManyColumns');
    expect(error.params).toEqual({ row: 2002, count: 501, max: 200 });
    expect(contactCount()).toBe(0);
  });
});
