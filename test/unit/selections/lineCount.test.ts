import { expect, it } from 'vitest';
import { countFilledLines } from '../../../electron/services/selections/parse/lineCount';

const chunks = (text: string, size: number) => {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
};

it('counts the lines that hold more than blanks and delimiters, across chunk borders and line endings', () => {
  const text = 'email;naam\r\na@x.nl;A\r\n\r\n ; ;\r\nb@x.nl;B\rc@x.nl;C\nd@x.nl;Ë';
  for (const size of [1, 3, 7, 1000]) expect(countFilledLines(chunks(text, size), ';')).toBe(5);
  expect(countFilledLines(chunks('email\n', 4), ';')).toBe(1);
  expect(countFilledLines([], ';')).toBe(0);
});

it('counts as a byte-by-byte reading does, on every mix of blanks and line endings', () => {
  const pieces = ['a', ' ', '\t', ';', '\r', '\n', '\r\n', 'é'];
  const byteByByte = (text: string) =>
    text.split(/\r|\n/).filter((line) => /[^ \t;]/.test(line)).length;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let round = 0; round < 300; round += 1) {
    let text = '';
    for (let i = next() % 40; i > 0; i -= 1) text += pieces[next() % pieces.length];
    for (const size of [1, 2, 5, 64])
      expect(countFilledLines(chunks(text, size), ';'), JSON.stringify(text)).toBe(
        byteByByte(text),
      );
  }
});
