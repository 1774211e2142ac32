import { describe, expect, it } from 'vitest';
import { richTextOf } from '../../../electron/contract/mailingDocument';
import {
  emptyVariables,
  formatAmount,
  parseVariables,
  renderForRecipient,
} from '../../../electron/services/render';
import { compileBlocks } from './renderHelpers';

const text = (value: string) => ({ id: 't', type: 'text', data: { content: richTextOf(value) } });

describe('variables', () => {
  it('parses names and fallbacks', () => {
    expect(parseVariables('Hoi [[voornaam|klant]], [[ Naam ]]!')).toEqual([
      { text: 'Hoi ' },
      { name: 'voornaam', fallback: 'klant' },
      { text: ', ' },
      { name: 'naam', fallback: undefined },
      { text: '!' },
    ]);
  });

  it('formats waardebon_bedrag the Dutch way', () => {
    expect(formatAmount('10.5')).toBe('10,50');
    expect(formatAmount('10,50')).toBe('10,50');
    expect(formatAmount('€ 7')).toBe('7,00');
    expect(formatAmount('1234.5')).toBe('1.234,50');
    expect(formatAmount('1.234,50')).toBe('1.234,50');
    expect(formatAmount('gratis')).toBe('gratis');
  });

  it('fills values, uses the fallback for an empty value and escapes everything', async () => {
    const compiled = await compileBlocks(
      [text('Beste [[voornaam|klant]] ([[referentienummer]]): € [[waardebon_bedrag]]')],
      {
        subject: 'Voor [[voornaam|jou]]',
      },
    );
    const mail = renderForRecipient(compiled, {
      email: 'a@b.nl',
      recipientId: 'r',
      data: {
        voornaam: '<script>alert(1)</script>',
        referentienummer: 42,
        waardebon_bedrag: '10.5',
      },
    });
    expect(mail.html).toContain('Beste &lt;script&gt;alert(1)&lt;/script&gt; (42): € 10,50');
    expect(mail.html).not.toContain('<script>alert(1)');
    expect(mail.text).toContain('Beste <script>alert(1)</script> (42): € 10,50');
    expect(mail.subject).toBe('Voor <script>alert(1)</script>');

    const empty = renderForRecipient(compiled, {
      email: 'a@b.nl',
      recipientId: 'r',
      data: { voornaam: '  ' },
    });
    expect(empty.html).toContain('Beste klant (');
    expect(empty.subject).toBe('Voor jou');
  });

  it('reports an unknown variable and shows it as typed instead of a blank', async () => {
    const compiled = await compileBlocks([text('Hoi [[voornam]]')]);
    expect(compiled.warnings).toContainEqual(
      expect.objectContaining({
        code: 'unknownVariable',
        params: { name: 'voornam' },
        blockId: 't',
      }),
    );
    const mail = renderForRecipient(compiled, {
      email: 'a@b.nl',
      recipientId: 'r',
      data: { voornam: 'x' },
    });
    expect(mail.html).toContain('Hoi [[voornam]]');
  });

  it('knows the extra columns of the selections', async () => {
    const compiled = await compileBlocks([text('Jouw maat: [[Maat]]')], {
      extraVariables: ['maat'],
    });
    expect(compiled.warnings).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ code: 'unknownVariable' })]),
    );
    const mail = renderForRecipient(compiled, {
      email: 'a@b.nl',
      recipientId: 'r',
      data: { Maat: 'M' },
    });
    expect(mail.html).toContain('Jouw maat: M');
  });

  it('lists empty values without a fallback per contact (for the checklist and the preview)', async () => {
    const compiled = await compileBlocks([text('[[voornaam|klant]] [[naam]] [[email]]')]);
    expect(compiled.variables).toEqual(
      expect.arrayContaining([
        { name: 'voornaam', withoutFallback: false },
        { name: 'naam', withoutFallback: true },
      ]),
    );
    expect(emptyVariables(compiled, { voornaam: '', naam: '' })).toEqual(['naam', 'email']);
    const mail = renderForRecipient(compiled, { email: 'a@b.nl', recipientId: 'r', data: {} });
    expect(mail.warnings).toContainEqual(
      expect.objectContaining({ code: 'emptyValue', params: { name: 'naam' } }),
    );
    // email falls back to the recipient's address
    expect(mail.warnings).not.toContainEqual(
      expect.objectContaining({ params: { name: 'email' } }),
    );
  });

  it('supports the editor variable node with its fallback', async () => {
    const content = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Dag ', format: 0 },
              { type: 'variable', version: 1, name: 'voornaam', fallback: 'klant' },
            ],
          },
        ],
      },
    };
    const compiled = await compileBlocks([{ id: 't', type: 'text', data: { content } }]);
    expect(
      renderForRecipient(compiled, { email: 'a@b.nl', recipientId: 'r', data: { voornaam: 'Els' } })
        .html,
    ).toContain('Dag Els');
    expect(
      renderForRecipient(compiled, { email: 'a@b.nl', recipientId: 'r', data: {} }).text,
    ).toContain('Dag klant');
  });

  it('fills variables inside a link URL, URL-encoded and untracked', async () => {
    const compiled = await compileBlocks([
      { id: 'b', type: 'button', data: { url: 'https://shop.nl/bon?ref=[[referentienummer]]' } },
    ]);
    expect(compiled.links).toEqual([]);
    const mail = renderForRecipient(compiled, {
      email: 'a@b.nl',
      recipientId: 'r',
      data: { referentienummer: 'a b&c' },
    });
    expect(mail.html).toContain('href="https://shop.nl/bon?ref=a%20b%26c"');
  });
});
