import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { looksLikeMacRoman } from '../../../electron/services/selections/parse/macRoman';
import { fixture } from './helpers';

describe('looksLikeMacRoman', () => {
  it('tells Excel for Mac "CSV" from Windows-1252 exports', () => {
    expect(looksLikeMacRoman(fixture('excel-mac-roman.csv'))).toBe(true);
    for (const name of [
      'win1252-semicolon.csv',
      'excel-nl-lijstscheidingsteken.csv',
      'kassa-untill.csv',
      'bom-win1252.csv',
    ])
      expect(looksLikeMacRoman(fixture(name)), name).toBe(false);
  });

  it('a Windows file whose only high bytes are ’ and € (d’Hondt, € 12,50) stays Windows', () => {
    const text =
      'E-mail;Naam;Tegoed\r\na@example.nl;d’Hondt;€ 12,50\r\nb@example.nl;O’Neill;€ 3\r\n';
    expect(looksLikeMacRoman(iconv.encode(text, 'win1252'))).toBe(false);
    expect(looksLikeMacRoman(iconv.encode(text.replace('d’Hondt', 'Zoë Hoën'), 'macintosh'))).toBe(
      true,
    );
  });
});
