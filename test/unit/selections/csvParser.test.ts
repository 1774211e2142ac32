import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  parseCsv,
  parseCsvChunks,
} from '../../../electron/services/selections/parse/csvParser';

const rows = (text: string, d: ';' | ',' | '\t') => [...parseCsv(text, d)];

describe('CSV parsing', () => {
  it('detects ; , and tab from the header line, ignoring quoted text and later lines', () => {
    expect(detectDelimiter('email;naam;voornaam\na,b,c,d,e')).toBe(';');
    expect(detectDelimiter('email,"naam; volledig",voornaam')).toBe(',');
    expect(detectDelimiter('email\tnaam\tplaats')).toBe('\t');
    expect(detectDelimiter('email')).toBe(';');
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks as one row each', () => {
    const text = 'a,b,c\r\n"x, y","He said ""hi""","line1\r\nline2"\r\nlast,,\r\n';
    expect(rows(text, ',')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'He said "hi"', 'line1\r\nline2'],
      ['last', '', ''],
    ]);
  });

  it('handles LF, CR and a missing final line break, and keeps empty lines as empty rows', () => {
    expect(rows('a;b\nc;d', ';')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(rows('a;b\r\rc;d\r', ';')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('keeps an unterminated quote as text instead of losing the rest of the file', () => {
    expect(rows('a;"open\nstill;open', ';')).toEqual([['a', 'open\nstill;open']]);
  });
  it('reads the same records when the text arrives in pieces cut anywhere', () => {
    const text = 'a;b\r\n"x; ""y""";"line1\r\nline2"\r\n\r\nlast;;\r"open\nend';
    const whole = rows(text, ';');
    for (let cut = 0; cut <= text.length; cut += 1) {
      for (let second = cut; second <= text.length; second += 1) {
        const pieces = [text.slice(0, cut), text.slice(cut, second), text.slice(second)];
        expect([...parseCsvChunks(pieces, ';')], `cut at ${cut} and ${second}`).toEqual(whole);
      }
    }
  });
});
