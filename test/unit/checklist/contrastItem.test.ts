import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastItem } from '../../../electron/services/checklist/contrastItem';
import { parseDocument } from '../../../electron/services/render/document';
import { contrastRatio } from '../../../electron/contract/plain/contrast';

const TEMPLATES = join(import.meta.dirname, '../../../resources/templates');

function doc(input: unknown) {
  return parseDocument(input);
}

const beige = { background: '#f3efe9', content: '#ffffff' };

describe('contrastRatio', () => {
  it('gives the WCAG figures for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#777777', '#f3efe9')).toBeCloseTo(3.9, 1);
  });
});

describe('the checklist item "Leesbaarheid"', () => {
  it('is ok for the four templates as they ship', () => {
    const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(4);
    for (const file of files) {
      const template = JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as {
        document: unknown;
      };
      expect(contrastItem('m1', doc(template.document)).status, file).toBe('ok');
    }
  });

  it('warns about the former grey footer on a beige page, naming the block and the ratio', () => {
    const result = contrastItem(
      'm1',
      doc({
        version: 1,
        settings: { colors: beige },
        blocks: [
          { id: 'a', type: 'text', data: {} },
          { id: 'f', type: 'footer', data: { textColor: '#777777' } },
        ],
      }),
    );
    expect(result).toMatchObject({
      id: 'contrast',
      status: 'warn',
      key: 'sending:checklist.contrast.low',
      fix: '#/mailings/m1/inhoud',
      params: { blocks: '2', ratio: 3.9 },
    });
  });

  it('lists every block with weak text: a pale button label, a light text on its own background', () => {
    const result = contrastItem(
      'm1',
      doc({
        version: 1,
        blocks: [
          { id: 'h', type: 'heading', data: { text: 'Hallo' } },
          { id: 'b', type: 'button', data: { color: '#fab005', textColor: '#ffffff' } },
          { id: 't', type: 'text', data: {}, style: { backgroundColor: '#555555' } },
        ],
      }),
    );
    expect(result.status).toBe('warn');
    expect(result.params).toMatchObject({ blocks: '2, 3' });
  });

  it('lets large headings through at 3:1 but not a small h3', () => {
    const heading = (level: string) =>
      contrastItem(
        'm1',
        doc({
          version: 1,
          blocks: [{ id: 'h', type: 'heading', data: { text: 'Hallo', level, color: '#8a8a8a' } }],
        }),
      ).status;
    expect(contrastRatio('#8a8a8a', '#ffffff')).toBeGreaterThan(3);
    expect(heading('h1')).toBe('ok');
    expect(heading('h3')).toBe('warn');
  });

  it('says so when only the page colour makes the "Online versie" line unreadable', () => {
    const result = contrastItem(
      'm1',
      doc({ version: 1, settings: { colors: { background: '#333333' } }, blocks: [] }),
    );
    expect(result).toMatchObject({ status: 'warn', key: 'sending:checklist.contrast.pageColour' });
  });
});
