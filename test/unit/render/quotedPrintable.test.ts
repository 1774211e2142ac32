import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { quotedPrintable } from '../../../electron/services/render/quotedPrintable';

/** Decoded as a receiver does (mailparser), line breaks as LF. */
async function decode(encoded: Buffer): Promise<string> {
  const head =
    'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n';
  const parsed = await simpleParser(Buffer.concat([Buffer.from(head), encoded]));
  return parsed.text ?? '';
}

const SAMPLES = [
  'a'.repeat(75),
  'a'.repeat(76),
  'a'.repeat(74) + '=',
  'a'.repeat(73) + 'é',
  `${'b'.repeat(70)} 😀😀😀 ${'c'.repeat(200)}`,
  'regel met spatie aan het eind \nen een tab\t\n\nleeg erboven',
  'CRLF\r\nlosse CR\rklaar ',
  'x'.repeat(1000),
  '€'.repeat(100),
  '',
];

describe('quoted-printable', () => {
  it.each(SAMPLES.map((s, i) => [i, s] as const))(
    'sample %i: decodes back, 7-bit lines of at most 76 characters, no blank at a line end',
    async (_, text) => {
      const encoded = quotedPrintable(text);
      expect([...encoded].every((byte) => byte < 0x80)).toBe(true);
      const lines = encoded.toString('latin1').split('\r\n');
      for (const line of lines) {
        expect(line.length).toBeLessThanOrEqual(76);
        expect(line).not.toMatch(/[ \t\r\n]$/);
      }
      expect(lines.at(-1)).not.toMatch(/=$/);
      if (text !== '') expect(await decode(encoded)).toBe(text.replace(/\r\n?/g, '\n'));
    },
  );

  it('writes "=" and a lone surrogate as UTF-8 would, keeps plain text readable', () => {
    expect(quotedPrintable('1 + 1 = 2').toString()).toBe('1 + 1 =3D 2');
    expect(quotedPrintable('x\ud800y').toString()).toBe('x=EF=BF=BDy');
    expect(quotedPrintable('Hé daar').toString()).toBe('H=C3=A9 daar');
  });
});
