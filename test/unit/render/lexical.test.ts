import { describe, expect, it } from 'vitest';
import { MailingDocument } from '../../../electron/contract/mailingDocument';
import { parseDocument, renderForRecipient } from '../../../electron/services/render';
import { compileBlocks } from './renderHelpers';

type Node = Record<string, unknown>;
const t = (text: string, format = 0, style = ''): Node => ({ type: 'text', text, format, style });
const p = (children: Node[], extra: Node = {}): Node => ({ type: 'paragraph', children, ...extra });
const state = (...children: Node[]) => ({ root: { type: 'root', children } });

async function render(...children: Node[]) {
  // Straight through the schema, not parseDocument: the renderer must be safe on its own too.
  const document = MailingDocument.parse({
    version: 1,
    blocks: [{ id: 'x', type: 'text', data: { content: state(...children) } }],
  });
  const compiled = await compileBlocks([], { document });
  return renderForRecipient(compiled, { email: 'a@b.nl', recipientId: 'r', data: {} });
}

describe('Lexical state to e-mail HTML and text', () => {
  it('keeps bold, italic, underline and strikethrough', async () => {
    const mail = await render(p([t('vet', 1), t('schuin', 2), t('onder', 8), t('door', 4)]));
    expect(mail.html).toContain('<strong>vet</strong>');
    expect(mail.html).toContain('<em>schuin</em>');
    expect(mail.html).toContain('<u>onder</u>');
    expect(mail.html).toContain('<s>door</s>');
    expect(mail.text).toContain('vetschuinonderdoor');
  });

  it('keeps colour and size, drops anything else from the style', async () => {
    const mail = await render(
      p([t('rood', 0, 'color: #ff0000; font-size: 20px; position: fixed; background: url(x)')]),
    );
    expect(mail.html).toContain(
      '<span style="color:#ff0000;font-size:20px;line-height:1.35">rood</span>',
    );
    expect(mail.html).not.toContain('position');
    expect(mail.html).not.toContain('url(x)');
  });

  it('aligns paragraphs and renders bullet and numbered lists', async () => {
    const mail = await render(
      p([t('midden')], { format: 'center' }),
      {
        type: 'list',
        listType: 'bullet',
        children: [
          { type: 'listitem', children: [t('een')] },
          { type: 'listitem', children: [t('twee')] },
        ],
      },
      {
        type: 'list',
        listType: 'number',
        children: [{ type: 'listitem', children: [t('eerst')] }],
      },
    );
    expect(mail.html).toMatch(/<p style="[^"]*text-align:center;[^"]*">midden<\/p>/);
    expect(mail.html).toMatch(/<ul[^>]*><li[^>]*>een<\/li><li[^>]*>twee<\/li><\/ul>/);
    expect(mail.html).toMatch(/<ol[^>]*><li[^>]*>eerst<\/li><\/ol>/);
    expect(mail.text).toContain('- een\n- twee');
    expect(mail.text).toContain('1. eerst');
  });

  it('renders http(s) and mailto links and drops other schemes but keeps their text', async () => {
    const mail = await render(
      p([
        { type: 'link', url: 'https://shop.nl/a?x=1&y=2', children: [t('web')] },
        { type: 'link', url: 'mailto:info@shop.nl', children: [t('mail')] },
        { type: 'link', url: 'javascript:alert(1)', children: [t('kwaad')] },
        { type: 'linebreak' },
      ]),
    );
    expect(mail.html).toContain('href="https://shop.nl/a?x=1&amp;y=2"');
    expect(mail.html).toContain('href="mailto:info@shop.nl"');
    expect(mail.html).not.toContain('javascript:');
    expect(mail.html).toContain('kwaad');
    expect(mail.html).toContain('<br>');
    expect(mail.text).toContain('web (https://shop.nl/a?x=1&y=2)');
  });

  it('a document with a javascript: link is refused, naming block and field', () => {
    const doc = {
      version: 1,
      blocks: [
        { id: 'h', type: 'heading' },
        {
          id: 'x',
          type: 'text',
          data: {
            content: state(p([{ type: 'link', url: 'javascript:alert(1)', children: [t('x')] }])),
          },
        },
      ],
    };
    expect(() => parseDocument(doc)).toThrow(/Block 2 \(text\): field "content"/);
  });

  it('escapes text and strips slot markers a user might paste', async () => {
    const mail = await render(p([t('<b>&amp; \uE0001\uE001')]));
    expect(mail.html).toContain('&lt;b&gt;&amp;amp; 1');
  });
});
