import type { AppContext } from '../core/appContext';
import type { ChecklistItemT } from '../../contract/checklist';
import type { MailingT } from '../../contract/mailings';
import { ShopIdentityStore } from '../identity/identityStore';
import { imageUses } from '../mailings/documentImages';
import { fixes, item } from './items';

/**
 * A mailing that still shows a template's placeholder logo ("JOUW LOGO") would send it to every
 * customer. The fix is on the content page (choose the image) or, when the shop has no logo yet,
 * on the account page (set it once for all new mailings).
 */
export function placeholderItems(context: AppContext, mailing: MailingT): ChecklistItemT[] {
  const identity = new ShopIdentityStore(context.kv, context.database.sqlite);
  const placeholders = identity.placeholderHashes();
  const blocks = imageUses(mailing.document)
    .filter((use) => {
      const sha = context.images.get(use.imageId)?.sha256;
      return sha !== undefined && placeholders.has(sha);
    })
    .map((use) => use.blockIndex + 1);
  if (blocks.length === 0) {
    return [
      item('placeholder', 'ok', 'No placeholder images', 'sending:checklist.placeholder.ok', null),
    ];
  }
  const hasLogo = identity.logo() !== null;
  return [
    item(
      'placeholder',
      'fail',
      'A template placeholder image is still in the mailing',
      hasLogo ? 'sending:checklist.placeholder.replace' : 'sending:checklist.placeholder.noLogo',
      hasLogo ? fixes.content(mailing.id) : fixes.accountSection('identity'),
      { blocks: [...new Set(blocks)].join(', ') },
    ),
  ];
}
