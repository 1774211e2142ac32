import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AGREEMENTS_FINGERPRINT,
  AGREEMENTS_VERSION,
} from '../../../electron/services/desktop/agreements';
import { parseProse } from '../../../renderer/src/pages/manual/prose';

const dir = resolve(__dirname, '../../../resources/agreements');
const FILES = ['gedragscode.md', 'verwerkersovereenkomst.md', 'voorwaarden.md'];

function fingerprint(): string {
  const hash = createHash('sha256');
  for (const lang of ['en', 'nl']) {
    for (const file of readdirSync(join(dir, lang)).sort()) {
      hash.update(`${lang}/${file}\n`);
      hash.update(readFileSync(join(dir, lang, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const read = (lang: string, file: string) => readFileSync(join(dir, lang, file), 'utf8');
const headings = (lang: string, file: string) =>
  parseProse(read(lang, file))
    .sections.map((s) => s.heading)
    .filter((h) => h !== null);

describe('the agreement texts', () => {
  it('carry a version: a changed text must come with a new AGREEMENTS_VERSION', () => {
    expect(
      fingerprint(),
      `The agreement texts changed: raise AGREEMENTS_VERSION (now ${AGREEMENTS_VERSION}) and set AGREEMENTS_FINGERPRINT to this value`,
    ).toBe(AGREEMENTS_FINGERPRINT);
  });

  it('are final, in both languages: no draft markers and the same numbered sections', () => {
    for (const file of FILES) {
      for (const lang of ['nl', 'en']) {
        expect(read(lang, file), `${lang}/${file}`).not.toMatch(
          /TODO|lorem ipsum|\((concept|draft)\)|^(concept|draft)\b/im,
        );
      }
      expect(
        headings('en', file).map((h) => h.split(' ')[0]),
        file,
      ).toEqual(headings('nl', file).map((h) => h.split(' ')[0]));
    }
  });

  it('name the product of the build, never a fixed one', () => {
    for (const file of FILES) {
      for (const lang of ['nl', 'en']) {
        const text = read(lang, file);
        expect(text, `${lang}/${file}`).toContain('{{product}}');
        expect(text, `${lang}/${file}`).not.toMatch(/Winkelpost/);
      }
    }
  });

  it('set out what a processing agreement must: roles, data, retention, security, sub-processors, breaches and the end', () => {
    const text = read('nl', 'verwerkersovereenkomst.md');
    for (const needle of [
      'verwerkingsverantwoordelijke',
      'verwerker',
      'drie maanden',
      'Beveiliging',
      'Subverwerkers',
      '48 uur',
      'Einde',
    ]) {
      expect(text).toContain(needle);
    }
    const conduct = read('nl', 'gedragscode.md');
    for (const needle of ['Toestemming', 'Afmelden', 'afzender', 'onderwerp']) {
      expect(conduct).toContain(needle);
    }
  });
});
