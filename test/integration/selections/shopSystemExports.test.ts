import { afterEach, describe, expect, it } from 'vitest';
import nl from '../../../renderer/src/i18n/locales/nl/selections.json' with { type: 'json' };
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fixture } from '../../unit/selections/helpers';
import { importedContacts } from './exportFiles';

/** Customer exports of webshops and tills, with their own headers, through the real import. */
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function mappingOf(fileName: string) {
  const analysis = await t.call('selections.analyze', {
    fileName,
    dataBase64: fixture(fileName).toString('base64'),
  });
  return {
    columns: analysis.columns.map(
      (c) => `${c.header} → ${c.target === 'extra' ? c.variable : c.target}`,
    ),
    warnings: analysis.warnings,
  };
}

describe('webshop and till exports', () => {
  it('Shopify customers export: a customer who said no to e-mail marketing is refused by row', async () => {
    t = await startTestApp();
    expect((await mappingOf('shopify-customers.csv')).columns.slice(0, 4)).toEqual([
      'First Name → voornaam',
      'Last Name → last_name',
      'Email → email',
      'Accepts Email Marketing → accepts_email_marketing',
    ]);
    const { result, contacts } = await importedContacts(
      t,
      'customers_export.csv',
      fixture('shopify-customers.csv'),
    );
    expect(result.rejected).toEqual([
      { row: 3, reason: 'noMarketingConsent', value: 'tom@example.nl' },
    ]);
    expect(nl.rowErrors.noMarketingConsent).toBe(
      'Heeft in de webshop of kassa nee gezegd tegen e-mail (nieuwsbrief)',
    );
    expect(
      contacts.map((c) => [c.row, c.email, c.voornaam, c.note, c.tags, c.total_spent]),
    ).toEqual([
      [
        2,
        'sanne.deboer@example.nl',
        'Sanne',
        'Wil graag "extra" info',
        'vip, nieuwsbrief',
        '112.50',
      ],
    ]);
  });

  it('the shop may leave the consent column out, and then decides for the whole file', async () => {
    t = await startTestApp();
    const mapping = (
      await t.call('selections.analyze', {
        fileName: 'customers_export.csv',
        dataBase64: fixture('shopify-customers.csv').toString('base64'),
      })
    ).columns.map((c) => (c.header === 'Accepts Email Marketing' ? 'ignore' : c.target));
    const result = await t.call('selections.import', {
      fileName: 'customers_export.csv',
      dataBase64: fixture('shopify-customers.csv').toString('base64'),
      description: 'Alle klanten',
      consent: true,
      mapping,
    });
    expect([result.imported, result.rejected]).toEqual([2, []]);
  });

  it('WooCommerce customers export with a UTF-8 mark', async () => {
    t = await startTestApp();
    const { contacts } = await importedContacts(
      t,
      'customers.csv',
      fixture('woocommerce-customers.csv'),
    );
    expect(
      contacts.map((c) => [c.row, c.email, c.referentienummer, c.voornaam, c.last_name]),
    ).toEqual([
      [2, 'lisa@example.nl', '17', 'Lisa', 'Jansen'],
      [3, 'Omar@Example.NL', '18', 'Omar', 'El Amrani'],
    ]);
  });

  it('Lightspeed: every field quoted; a customer with only a second address is refused by row', async () => {
    t = await startTestApp();
    const { result, contacts } = await importedContacts(
      t,
      'customers.csv',
      fixture('lightspeed-customers.csv'),
    );
    expect(result.rejected).toEqual([{ row: 3, reason: 'missingEmail', value: '' }]);
    expect(
      contacts.map((c) => [c.row, c.email, c.voornaam, c.birthday, c.credit_account_balance]),
    ).toEqual([[2, 'noor@example.nl', 'Noor', '1990-02-14', '-12.50']]);
  });

  it('a Dutch till: title lines above the header, headers with spaces and capitals, an unnamed and a doubled column', async () => {
    t = await startTestApp();
    expect(await mappingOf('kassa-title-rows.csv')).toEqual({
      columns: [
        'Klantnr → referentienummer',
        'voorletters → voorletters',
        'Tussenvoegsel → tussenvoegsel',
        'ACHTERNAAM → achternaam',
        'E-mailadres → email',
        'Geboortedatum → geboortedatum',
        'Saldo punten → restant_spaarpunten',
        'Bedrag waardebon → waardebon_bedrag',
        // No name but values: kept under a name of its own, not left out.
        ' → kolom_9',
        'Opmerking → opmerking',
        'Opmerking → opmerking_2',
      ],
      warnings: ['selections:warnings.headerBelowTitle'],
    });
    expect(nl.warnings.headerBelowTitle).toBe(
      'De kolomnamen staan niet op de eerste regel. De regel(s) erboven (zoals een titel of datum) zijn overgeslagen; controleer in het voorbeeld hieronder of de kolommen kloppen.',
    );
    const { result, contacts } = await importedContacts(
      t,
      'klanten.csv',
      fixture('kassa-title-rows.csv'),
    );
    expect([result.rows, result.imported]).toEqual([2, 2]);
    expect(contacts).toEqual([
      {
        row: 5,
        email: 'jan.vandijk@example.nl',
        referentienummer: '1001',
        voorletters: 'J.',
        tussenvoegsel: 'van',
        achternaam: 'Dijk',
        geboortedatum: '17-05-1980',
        restant_spaarpunten: '250',
        waardebon_bedrag: '12,50',
        kolom_9: 'Vaste klant',
        opmerking: 'eerste',
        opmerking_2: 'tweede',
      },
      {
        row: 6,
        email: 'm.ozturk@example.nl',
        referentienummer: '1002',
        voorletters: 'M.',
        tussenvoegsel: '',
        achternaam: 'Öztürk',
        geboortedatum: '01-01-1975',
        restant_spaarpunten: '0',
        waardebon_bedrag: '',
        kolom_9: '',
        opmerking: '',
        opmerking_2: '',
      },
    ]);
  });

  it('a title line above a header whose address has two lines is still read by rows', async () => {
    t = await startTestApp();
    const bytes = Buffer.from(
      'Klantenlijst december\nE-mail;Naam;Adres\nanne@example.nl;Anne;"Straat 1\n1234 AB Ede"\n',
    );
    const { contacts } = await importedContacts(t, 'klanten.csv', bytes);
    expect(contacts).toEqual([
      { row: 3, email: 'anne@example.nl', naam: 'Anne', adres: 'Straat 1\n1234 AB Ede' },
    ]);
  });

  it("Shopify's export of 2025: addresses and notes over two lines, Excel's apostrophe before numbers gone, 's-Hertogenbosch kept", async () => {
    t = await startTestApp();
    const { result, contacts } = await importedContacts(
      t,
      'customers_export.csv',
      fixture('shopify-customers-2025.csv'),
    );
    expect(result.rejected).toEqual([
      { row: 3, reason: 'noMarketingConsent', value: 'tom@example.nl' },
    ]);
    expect(
      contacts.map((c) => [
        c.row,
        c.email,
        c.referentienummer,
        c.default_address_address1,
        c.default_address_city,
        c.default_address_zip,
        c.phone,
        c.note,
      ]),
    ).toEqual([
      [
        2,
        'sanne@example.nl',
        '7012345678901',
        'Kerkstraat 1\nAchterom, 2e verdieping',
        'Utrecht',
        '3511 AB',
        '+31612345678',
        "Belt altijd eerst.\nGraag 's ochtends bezorgen",
      ],
      [
        4,
        'fatma@example.nl',
        '7012345678903',
        "'t Hoekje 4",
        "'s-Hertogenbosch",
        '5211 AB',
        '+31687654321',
        '',
      ],
    ]);
  });
});
