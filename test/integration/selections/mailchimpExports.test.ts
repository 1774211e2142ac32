import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fixture } from '../../unit/selections/helpers';
import { importedContacts, refusedInDutch } from './exportFiles';

/**
 * Mailchimp's audience export (the web product shops come from): one CSV per status, of which only
 * the subscribed members may be mailed.
 */
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const MAILCHIMP_ADVICE =
  'Er is niets geïmporteerd. Kies uit de Mailchimp-export het bestand waarvan de naam begint met subscribed_.';

describe('Mailchimp audience export', () => {
  it('subscribed members: every column kept as the shop saw it in Mailchimp', async () => {
    t = await startTestApp();
    const { result, contacts } = await importedContacts(
      t,
      'subscribed_members_export_6b5d2f8ab8.csv',
      fixture('mailchimp-subscribed.csv'),
    );
    expect([result.imported, result.rejected]).toEqual([2, []]);
    expect(
      contacts.map((c) => [
        c.row,
        c.email,
        c.voornaam,
        c.address,
        c.member_rating,
        c.optin_time,
        c.tags,
      ]),
    ).toEqual([
      [
        2,
        'anouk@example.nl',
        'Anouk',
        'Kerkstraat 1  Utrecht  UT  3511 AB  NL',
        '4',
        '2021-03-04 10:22:11',
        '"Vaste klant"',
      ],
      [3, 'bas@example.nl', 'Bas', '', '2', '2022-06-10 14:01:00', ''],
    ]);
  });

  it('the unsubscribed and cleaned files are refused, also renamed, and say which file to take', async () => {
    t = await startTestApp();
    expect(await refusedInDutch(t, 'klanten.csv', fixture('mailchimp-unsubscribed.csv'))).toEqual({
      key: 'selections:errors.mailchimpUnsubscribed',
      dutch: `Dit is de lijst met afgemelde adressen uit Mailchimp (unsubscribed). Deze mensen willen geen mail meer ontvangen. ${MAILCHIMP_ADVICE}`,
    });
    expect(
      await refusedInDutch(
        t,
        'cleaned_members_export_6b5d2f8ab8.csv',
        fixture('mailchimp-cleaned.csv'),
      ),
    ).toEqual({
      key: 'selections:errors.mailchimpCleaned',
      dutch: `Dit is de lijst met onbestelbare adressen uit Mailchimp (cleaned). Mail naar deze adressen komt niet aan. ${MAILCHIMP_ADVICE}`,
    });
  });

  it('the non-subscribed file (same columns as subscribed) is told by its name', async () => {
    t = await startTestApp();
    const refused = await refusedInDutch(
      t,
      'nonsubscribed_members_export_6b5d2f8ab8.csv',
      fixture('mailchimp-subscribed.csv'),
    );
    expect(refused.key).toBe('selections:errors.mailchimpNonSubscribed');
    expect(refused.dutch).toContain('zij hebben nooit toestemming gegeven voor een nieuwsbrief');
  });

  it('the three files pasted under each other: only the subscribed members, each other row with its reason', async () => {
    t = await startTestApp();
    const { result, contacts } = await importedContacts(
      t,
      'mailchimp-alles.csv',
      fixture('mailchimp-pasted-together.csv'),
    );
    expect(contacts.map((c) => [c.row, c.email, c.leid])).toEqual([
      [2, 'anouk@example.nl', '123456789'],
      [3, 'bas@example.nl', '123456790'],
    ]);
    expect(result.rejected).toEqual([
      { row: 4, reason: 'repeatedHeader', value: 'Email Address' },
      { row: 5, reason: 'mailchimpUnsubscribed', value: 'carla@example.nl' },
      { row: 6, reason: 'repeatedHeader', value: 'Email Address' },
      { row: 7, reason: 'mailchimpCleaned', value: 'dirk@exampel.nl' },
    ]);
  });
});

describe('a header row again in the middle of a file', () => {
  it('the same columns again are skipped and the rows under them imported', async () => {
    t = await startTestApp();
    const lines = ['E-mail;Naam', 'a@example.nl;Anne', 'E-mail;Naam', 'b@example.nl;Bram', '', ''];
    const { result, contacts } = await importedContacts(
      t,
      'twee-exports.csv',
      Buffer.from(lines.join('\r\n'), 'utf8'),
    );
    expect(result.rejected).toEqual([{ row: 3, reason: 'repeatedHeader', value: 'E-mail' }]);
    expect(contacts).toEqual([
      { row: 2, email: 'a@example.nl', naam: 'Anne' },
      { row: 4, email: 'b@example.nl', naam: 'Bram' },
    ]);
  });

  it('a customer with "e-mail" typed as the address is refused by row, not taken for a header', async () => {
    t = await startTestApp();
    const lines = [
      'E-mail;Naam;Plaats',
      'a@example.nl;Anne;Ede',
      'e-mail;Bram;Gouda',
      'c@example.nl;Cees;Ede',
    ];
    const { result, contacts } = await importedContacts(
      t,
      'kassa.csv',
      Buffer.from(lines.join('\r\n'), 'utf8'),
    );
    expect(result.rejected).toEqual([{ row: 3, reason: 'invalidEmail', value: 'e-mail' }]);
    expect(contacts.map((c) => c.email)).toEqual(['a@example.nl', 'c@example.nl']);
  });

  it('other columns under a second header refuse the file, naming the row', async () => {
    t = await startTestApp();
    const lines = [
      'E-mail;Naam;Plaats',
      'a@example.nl;Anne;Ede',
      'E-mail;Plaats;Naam',
      'b@example.nl;Gouda;Bram',
    ];
    expect(
      await refusedInDutch(t, 'twee-kassa-exports.csv', Buffer.from(lines.join('\r\n'), 'utf8')),
    ).toEqual({
      key: 'selections:errors.headerChanged',
      dutch:
        'Regel 3 bevat opnieuw kolomnamen, maar andere dan bovenaan het bestand. Waarschijnlijk zijn twee verschillende exports onder elkaar geplakt. Importeer ze als twee aparte bestanden. Er is niets geïmporteerd.',
    });
  });
});
