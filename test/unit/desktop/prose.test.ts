import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProse } from '../../../renderer/src/pages/manual/prose';

const resources = resolve(__dirname, '../../../resources');

describe('parseProse', () => {
  it('turns a title, headings and paragraphs into data', () => {
    const doc = parseProse(
      '# Titel\n\nInleiding.\n\n## Een\nRegel een.\n\nRegel twee.\n## Twee\r\nLaatste.',
    );
    expect(doc).toEqual({
      title: 'Titel',
      sections: [
        { heading: null, paragraphs: ['Inleiding.'] },
        { heading: 'Een', paragraphs: ['Regel een.', 'Regel twee.'] },
        { heading: 'Twee', paragraphs: ['Laatste.'] },
      ],
    });
  });

  it('keeps markup as text (it is rendered by React, never as HTML)', () => {
    expect(parseProse('<img src=x onerror=alert(1)>').sections[0]!.paragraphs[0]).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('manual and agreements texts', () => {
  it('have the six steps of a mailing in both languages', () => {
    for (const [lang, word] of [
      ['nl', 'Stap'],
      ['en', 'Step'],
    ] as const) {
      const doc = parseProse(readFileSync(resolve(resources, 'manual', `${lang}.md`), 'utf8'));
      const steps = doc.sections.filter((s) => s.heading?.startsWith(`${word} `));
      expect(steps.map((s) => s.heading!.slice(0, word.length + 2))).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => `${word} ${n}`),
      );
    }
  });

  it('has every agreement in Dutch and English with the same number of sections', () => {
    for (const name of ['voorwaarden', 'verwerkersovereenkomst', 'gedragscode']) {
      const read = (lang: string) =>
        parseProse(readFileSync(resolve(resources, 'agreements', lang, `${name}.md`), 'utf8'));
      const nl = read('nl');
      const en = read('en');
      expect(nl.title.length, name).toBeGreaterThan(0);
      expect(en.sections.length, name).toBe(nl.sections.length);
    }
  });
});
