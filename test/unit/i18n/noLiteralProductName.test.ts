import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const localesDir = join(root, 'renderer/src/i18n/locales');
const PRODUCT = /winkelpost/i;

/**
 * Places where "Winkelpost" is not the product but a fixed name the shop meets elsewhere, so it
 * must stay literal in every brand. Each entry names the text and the exact words allowed.
 */
const ALLOWED: { text: string; words: string; why: string }[] = [
  // Empty: even the bounce folder carries the brand's name (<product>/verwerkt).
];

/** Every string of every locale file, as "lang/file.json dotted.key" → text. */
function localeStrings(): Map<string, string> {
  const result = new Map<string, string>();
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'string') result.set(prefix, value);
    else if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value))
        walk(prefix.endsWith('.json') ? `${prefix} ${key}` : `${prefix}.${key}`, child);
  };
  for (const lang of readdirSync(localesDir)) {
    for (const file of readdirSync(join(localesDir, lang))) {
      walk(`${lang}/${file}`, JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')));
    }
  }
  return result;
}

describe('the product name in texts', () => {
  const strings = localeStrings();

  it('is {{product}} in the locale files, never a literal "Winkelpost" (apart from the allowlist)', () => {
    const literal = [...strings]
      .map(([text, value]) => {
        const allowed = ALLOWED.filter((entry) => entry.text === text);
        const rest = allowed.reduce((left, entry) => left.replaceAll(entry.words, ''), value);
        return [text, rest] as const;
      })
      .filter(([, rest]) => PRODUCT.test(rest))
      .map(([text]) => text);
    expect(literal, 'write {{product}} where the text means the product').toEqual([]);
  });

  it('keeps an allowlist whose every entry is still needed', () => {
    for (const entry of ALLOWED) {
      expect(strings.get(entry.text), entry.text).toContain(entry.words);
    }
  });

  it('is {{product}} in the in-app manual too', () => {
    for (const lang of ['nl', 'en']) {
      const manual = readFileSync(join(root, `resources/manual/${lang}.md`), 'utf8');
      expect(manual, `resources/manual/${lang}.md`).not.toMatch(PRODUCT);
      expect(manual).toContain('{{product}}');
    }
  });
});
