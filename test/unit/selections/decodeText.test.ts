import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../electron/contract/envelope';
import { decodeText } from '../../../electron/services/selections/parse/decodeText';
import { fixture } from './helpers';

function keyOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.key : String(error);
  }
  return undefined;
}

describe('text encodings', () => {
  it('reads UTF-8 with and without BOM, Windows-1252 and UTF-16 to the same text', () => {
    const plain = decodeText(fixture('utf8-semicolon.csv'));
    const ansi = decodeText(fixture('win1252-semicolon.csv'));
    const bom = decodeText(fixture('utf8-bom-tab.csv'));
    const utf16 = decodeText(fixture('utf16-tab.txt'));
    expect([plain.encoding, ansi.encoding, bom.encoding, utf16.encoding]).toEqual([
      'utf-8',
      'windows-1252',
      'utf-8',
      'utf-16',
    ]);
    expect(ansi.text).toBe(plain.text);
    expect(plain.text).toContain('Zoë Renée');
    expect(bom.text.startsWith('E-mailadres\t')).toBe(true);
    expect(utf16.text).toBe(bom.text);
  });

  it('reads the euro sign of Windows-1252', () => {
    expect(decodeText(Buffer.from([0x80, 0x20, 0x35])).text).toBe('€ 5');
  });

  it('refuses binary files renamed .csv with a clear reason', () => {
    expect(keyOf(() => decodeText(fixture('picture-renamed.csv')))).toBe(
      'selections:errors.notText',
    );
    expect(keyOf(() => decodeText(Buffer.from('PK\u0003\u0004rest', 'latin1')))).toBe(
      'selections:errors.zipNotCsv',
    );
    expect(keyOf(() => decodeText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])))).toBe(
      'selections:errors.oldExcel',
    );
    expect(keyOf(() => decodeText(Buffer.alloc(0)))).toBe('selections:errors.empty');
  });
});
