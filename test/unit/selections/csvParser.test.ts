import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../electron/contract/envelope';
import {
  detectDelimiter,
  parseCsvChunks,
  readSepLine,
  type Delimiter,
} from '../../../electron/services/selections/parse/csvParser';

const rows = (text: string, d: Delimiter) => [...parseCsvChunks([Buffer.from(text)], d)];

function refusal(fn: () => unknown): { key: string | undefined; params: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { key: error.key, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('CSV parsing', () => {
  it('detects ; , and tab from the header line, ignoring quoted text and later lines', () => {
    expect(detectDelimiter('email;naam;voornaam\na,b,c,d,e')).toBe(';');
    expect(detectDelimiter('email,"naam; volledig",voornaam')).toBe(',');
    expect(detectDelimiter('email\tnaam\tplaats')).toBe('\t');
    expect(detectDelimiter('email')).toBe(';');
  });

  it("reads Excel's sep= line and refuses a delimiter it cannot use", () => {
    expect(readSepLine('sep=,\r\nemail,naam')).toEqual({ delimiter: ',', length: 7 });
    expect(readSepLine('SEP=;\nemail;naam')).toEqual({ delimiter: ';', length: 6 });
    expect(readSepLine('email;sep=,\n')).toBeNull();
    expect(refusal(() => readSepLine('sep=#\n'))).toEqual({
      key: 'selections:errors.badSeparator',
      params: { separator: '#' },
    });
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks as one row each', () => {
    const text = 'a,b,c\r\n"x, y","He said ""hi""","line1\r\nline2"\r\nlast,,\r\n';
    expect(rows(text, ',')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'He said "hi"', 'line1\r\nline2'],
      ['last', '', ''],
    ]);
  });

  it('keeps a quote inside unquoted text as text', () => {
    expect(rows('email;naam\na@x.nl;Jan "Jantje" Jansen\n', ';')).toEqual([
      ['email', 'naam'],
      ['a@x.nl', 'Jan "Jantje" Jansen'],
    ]);
  });

  it('handles LF and a missing final line break, and keeps empty lines as empty rows', () => {
    expect(rows('a;b\nc;d', ';')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(rows('a;b\n\nc;d\n', ';')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('refuses a quote that never closes instead of merging the rest of the file', () => {
    expect(refusal(() => rows('email;naam\na@x.nl;"Jan\nb@x.nl;Piet\n', ';'))).toEqual({
      key: 'selections:errors.strayQuote',
      params: { row: 2, start: 'a@x.nl;"Jan b@x.nl;Piet' },
    });
  });

  it('refuses rows merged by two stray quotes, however close together', () => {
    const text = 'email;naam\na@x.nl;"Jan\nb@x.nl;Piet\nc@x.nl;Kees"\nd@x.nl;Els\n';
    expect(refusal(() => rows(text, ';'))).toEqual({
      key: 'selections:errors.strayQuote',
      params: { row: 2, start: 'a@x.nl;"Jan b@x.nl;Piet c@x.nl;Kees"' },
    });
  });

  it('reads the same records when the text arrives in pieces cut anywhere', () => {
    const text = 'a;b\r\n"x; ""y""";"line1\r\nline2"\r\n\r\nlast;;\r\n"é";ü\r\n';
    const bytes = Buffer.from(text);
    const whole = rows(text, ';');
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      for (let second = cut; second <= bytes.length; second += 3) {
        const pieces = [
          bytes.subarray(0, cut),
          bytes.subarray(cut, second),
          bytes.subarray(second),
        ];
        expect([...parseCsvChunks(pieces, ';')], `cut at ${cut} and ${second}`).toEqual(whole);
      }
    }
  });

  it('splits plain lines exactly as csv-parse reads them, and hands it every other line', () => {
    const outcome = (pieces: Buffer[], d: Delimiter, plainLines: boolean) => {
      try {
        return { records: [...parseCsvChunks(pieces, d, { plainLines })] };
      } catch (error) {
        if (error instanceof DomainError) return { key: error.key, params: error.params };
        throw error;
      }
    };
    const texts = [
      'a;b\r\n"x;y";"""q"""\r\n;\r\n"";""\r\n',
      'a;b\n"open\nclosed";c\nd;e\n',
      'a;b\rc;d\r\re;f',
      'a;b\r\nc;d\ne;f\r\n',
      // A piece that ends in a lone LF after CRLF lines (this once looped without end).
      'a;b\r\nc;d\n',
      'a;b\nc;"d"x\ne;f\n',
      'a;b\nc;"d" ;e\n',
      'email;naam\na@x.nl;"Jan\nb@x.nl;Piet\n',
      'email;naam\na@x.nl;Jan"\nb@x.nl;Piet\n',
      `email;naam\n${'x'.repeat(9000)};y\nb;c\n`,
      'a,b\n"1,5",2\n',
      '\n\na;b\n\n',
      'a;b\r',
      'a\tb\n"c\td"\te\n',
    ];
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => readFileSync(join(FIXTURES, f)).toString('utf8'));
    for (const text of [...texts, ...files]) {
      const d = text.includes('\t') ? '\t' : text.split('\n')[0]!.includes(',') ? ',' : ';';
      const bytes = Buffer.from(text);
      const slow = outcome([bytes], d, false);
      expect(outcome([bytes], d, true), text.slice(0, 60)).toEqual(slow);
      for (const cut of [1, 3, 7, Math.floor(bytes.length / 2)]) {
        const pieces = [bytes.subarray(0, cut), bytes.subarray(cut)];
        expect(outcome(pieces, d, true), `${text.slice(0, 60)} cut at ${cut}`).toEqual(slow);
      }
    }
  });
});

const FIXTURES = join(import.meta.dirname, '../../fixtures/selections');
