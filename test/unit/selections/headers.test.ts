import { describe, expect, it } from 'vitest';
import {
  headerSignature,
  isSpecialCategory,
  recogniseHeader,
  variableNames,
} from '../../../electron/services/selections/headers';
import { guardCell } from '../../../electron/services/selections/cellGuard';
import { failureText } from '../../../electron/services/selections/failureText';

describe('header recognition', () => {
  it('knows the Dutch and English names of every variable', () => {
    const cases: [string, string][] = [
      ['E-mailadres', 'email'],
      ['E-mail address', 'email'],
      ['Naam', 'naam'],
      ['Full name', 'naam'],
      ['Voornaam', 'voornaam'],
      ['First name', 'voornaam'],
      ['Klantnummer', 'referentienummer'],
      ['Referentienummer', 'referentienummer'],
      ['Waardebon_barcode', 'waardebon_barcode'],
      ['Waardebon bedrag', 'waardebon_bedrag'],
      ['Spaarpunten', 'waardebon_spaarpunten'],
      ['Restant spaarpunten', 'restant_spaarpunten'],
      ['Remaining points', 'restant_spaarpunten'],
    ];
    for (const [header, target] of cases) expect(recogniseHeader(header), header).toBe(target);
    expect(recogniseHeader('Woonplaats')).toBeUndefined();
  });

  it('flags special-category column names, not look-alikes', () => {
    for (const name of [
      'Gezondheid',
      'Medische gegevens',
      'Religie',
      'Geloof',
      'Politieke voorkeur',
      'Vakbond',
      'Etnische afkomst',
      'Seksuele geaardheid',
      'Strafrechtelijk verleden',
      'BSN',
      'healthNotes',
      'Religion',
    ])
      expect(isSpecialCategory(name), name).toBe(true);
    for (const name of ['Armband maat', 'Bracelet size', 'Naam', 'Rasterfoto', 'Trace id'])
      expect(isSpecialCategory(name), name).toBe(false);
  });

  it('turns other columns into unique [[lowercase_with_underscores]] names', () => {
    expect(variableNames(['Geboorte Datum', 'Plaats!', '', 'Plaats', '2e adres', 'Naam'])).toEqual([
      'geboorte_datum',
      'plaats',
      'kolom_3',
      'plaats_2',
      'kolom_2e_adres',
      'naam_2',
    ]);
  });

  it('gives files with the same columns the same signature, whatever the spelling', () => {
    expect(headerSignature(['E-mail', 'Naam'])).toBe(headerSignature(['email ', 'NAAM']));
    expect(headerSignature(['E-mail', 'Naam'])).not.toBe(headerSignature(['Naam', 'E-mail']));
  });
});

describe('formula guard', () => {
  it('keeps formula-like text inert and leaves numbers and phone numbers alone', () => {
    expect(guardCell('=HYPERLINK("x")')).toEqual({ text: `'=HYPERLINK("x")`, neutralised: true });
    expect(guardCell('@SUM(A1)').text).toBe(`'@SUM(A1)`);
    expect(guardCell('+2+3').text).toBe(`'+2+3`);
    expect(guardCell('-5').neutralised).toBe(false);
    expect(guardCell('+31 6 12345678').neutralised).toBe(false);
    expect(guardCell('Jan').neutralised).toBe(false);
  });
});

describe('reasons written beside a failed file', () => {
  it("uses the app's own texts, in the user's language, with the details filled in", () => {
    expect(failureText('selections:errors.tooLarge', { sizeMb: 60, maxMb: 50 }, 'nl')).toBe(
      'Dit bestand is 60 MB. Het mag hoogstens 50 MB zijn. Maak in uw kassasysteem een kleinere selectie.',
    );
    expect(failureText('selections:errors.empty', {}, 'en')).toBe('The file is empty.');
    expect(failureText('sending:whatever', {}, 'nl')).toBe('Het bestand kon niet worden gelezen.');
  });
});
