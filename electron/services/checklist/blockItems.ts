import type { ChecklistItemT } from '../../contract/checklist';
import type { MailingT } from '../../contract/mailings';
import { qrLinkProblem } from '../../contract/plain/qrLink';
import { fixes, item } from './items';

type Problem = 'productPrice' | 'productName' | 'productAlt' | 'qrLink';

/** Each problem's status and English message (the key is `sending:checklist.<id>.problem`). */
const PROBLEMS: Record<Problem, { status: 'fail' | 'warn'; message: string }> = {
  productPrice: { status: 'fail', message: 'A product has no price' },
  productName: { status: 'fail', message: 'A product has no name' },
  productAlt: { status: 'warn', message: 'A product image has no alt text' },
  qrLink: { status: 'fail', message: 'A QR code has no valid link' },
};

/**
 * The product and QR code blocks, checked field by field: one line per kind of problem, naming
 * the blocks (and products) it is in, so the shop finds each one. An OK line per block kind when
 * all is well; nothing for a mailing without such blocks.
 */
export function blockItems(mailing: MailingT): ChecklistItemT[] {
  const found = new Map<Problem, string[]>();
  const add = (problem: Problem, where: string) =>
    found.set(problem, [...(found.get(problem) ?? []), where]);
  let products = false;
  let qrCodes = false;
  mailing.document.blocks.forEach((block, index) => {
    const number = index + 1;
    if (block.type === 'product') {
      products = true;
      const many = block.data.products.length > 1;
      block.data.products.forEach((product, p) => {
        const where = many ? `${number}.${p + 1}` : `${number}`;
        if (product.price === null) add('productPrice', where);
        if (product.name.trim() === '') add('productName', where);
        if (product.imageId !== '' && product.alt.trim() === '') add('productAlt', where);
      });
    }
    if (block.type === 'qrCode') {
      qrCodes = true;
      if (qrLinkProblem(block.data.url) !== null) add('qrLink', `${number}`);
    }
  });
  const fix = fixes.content(mailing.id);
  const items = [...found].map(([problem, places]) =>
    item(
      problem,
      PROBLEMS[problem].status,
      `${PROBLEMS[problem].message} (block ${places.join(', ')})`,
      `sending:checklist.${problem}.problem`,
      fix,
      { count: places.length, blocks: places.join(', ') },
    ),
  );
  const productProblem = [...found.keys()].some((p) => p.startsWith('product'));
  if (products && !productProblem)
    items.push(
      item('products', 'ok', 'Products are complete', 'sending:checklist.products.ok', fix),
    );
  if (qrCodes && !found.has('qrLink'))
    items.push(item('qrLink', 'ok', 'QR codes have a link', 'sending:checklist.qrLink.ok', fix));
  return items;
}
