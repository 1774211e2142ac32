import type { ChecklistItemT } from '../../contract/checklist';
import type { MailingT } from '../../contract/mailings';
import { fixes, item } from './items';

/** Blocks that are content by themselves; logo, spacer, divider and footer are frame. */
const CONTENT_BLOCKS = new Set([
  'heading',
  'image',
  'imageText',
  'twoColumns',
  'button',
  'voucher',
  'social',
  'product',
  'qrCode',
]);
/** More text than a greeting such as "Beste [[voornaam|klant]]," is a message. */
const GREETING_CHARS = 40;

/** All written text of a serialized Lexical state (variables count by their name). */
function plainText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { text, name, children, root } = node as Record<string, unknown>;
  let out = typeof text === 'string' ? text : typeof name === 'string' ? name : '';
  if (root) out += plainText(root);
  if (Array.isArray(children)) out += children.map(plainText).join(' ');
  return out;
}

/**
 * A mailing with only a greeting and the footer passes every other check and still says nothing:
 * a warning, so the shop does not send an empty mail by mistake.
 */
export function contentItem(mailing: MailingT): ChecklistItemT {
  const fix = fixes.content(mailing.id);
  const written = mailing.document.blocks.some(
    (block) =>
      CONTENT_BLOCKS.has(block.type) ||
      (block.type === 'text' &&
        plainText(block.data.content).replace(/\s+/g, ' ').trim().length > GREETING_CHARS),
  );
  return written
    ? item('content', 'ok', 'The mailing has content', 'sending:checklist.content.ok', fix)
    : item(
        'content',
        'warn',
        'Only a greeting and the footer',
        'sending:checklist.content.almostEmpty',
        fix,
      );
}
