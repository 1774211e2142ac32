import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import { BLOCK_TYPES, richTextOf } from '../../../electron/contract/mailingDocument';
import { buildMjml, parseDocument, renderForRecipient } from '../../../electron/services/render';
import { compileBlocks, SHOP } from './renderHelpers';

const STYLE = { backgroundColor: '#fdebd0', paddingTop: 24, paddingBottom: 16 };

describe('block layout (background and space around any block)', () => {
  it.each(BLOCK_TYPES)(
    '%s with its own background and spacing passes strict MJML',
    async (type) => {
      const { source } = buildMjml({
        mailingId: 'm',
        subject: 'Onderwerp',
        topLine: '',
        document: parseDocument({ version: 1, blocks: [{ id: 'b1', type, style: STYLE }] }),
        sender: { name: 'Winkel', email: 'info@winkel.nl' },
        replyTo: '',
        shop: SHOP,
        images: [],
        tracking: null,
      });
      const result = await mjml2html(source, { validationLevel: 'strict' });
      expect(result.errors).toEqual([]);
      expect(source).toContain('padding="24px 0px 16px 0px"');
    },
  );

  it('paints only the styled block in its colour, with the space above and below', async () => {
    const compiled = await compileBlocks([
      { id: 'a', type: 'text', data: { content: richTextOf('Gewoon blok') } },
      { id: 'b', type: 'text', data: { content: richTextOf('Gekleurd blok') }, style: STYLE },
    ]);
    const { html } = renderForRecipient(compiled, {
      email: 'a@b.nl',
      data: {},
      recipientId: 'r',
    });
    const colored = html.split('#fdebd0').length - 1;
    expect(colored).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/padding:24px 0px 16px 0px/);
    const plain = await compileBlocks([
      { id: 'a', type: 'text', data: { content: richTextOf('Gewoon blok') } },
    ]);
    expect(
      renderForRecipient(plain, { email: 'a@b.nl', data: {}, recipientId: 'r' }).html,
    ).not.toContain('#fdebd0');
  });

  it('refuses a background that is not a colour, naming the field', () => {
    expect(() =>
      parseDocument({
        version: 1,
        blocks: [{ id: 'b', type: 'spacer', style: { backgroundColor: 'red;x' } }],
      }),
    ).toThrow(/style/);
  });
});
