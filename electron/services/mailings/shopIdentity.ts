import type { MailingDocumentT } from '../../contract/mailingDocument';
import type { MailingT } from '../../contract/mailings';
import type { ShopIdentityStore } from '../identity/identityStore';
import type { ImageStore } from '../images/imageStore';

/**
 * A new mailing's document with the shop's own logo in every logo block that is empty or still
 * shows a template's placeholder ("JOUW LOGO"), and with the shop's colours when asked. The logo
 * is stored as the mailing's own image, like any upload. Returns the same document when nothing
 * changes.
 */
export function withShopIdentity(
  mailing: MailingT,
  identity: ShopIdentityStore,
  images: ImageStore,
  colors: boolean,
): MailingDocumentT {
  let document = colors ? identity.applyColors(mailing.document) : mailing.document;
  const logo = identity.logo();
  if (logo) {
    const placeholders = identity.placeholderHashes();
    const replace = (imageId: string) => {
      if (imageId === '') return true;
      const sha = images.get(imageId)?.sha256;
      return sha !== undefined && placeholders.has(sha);
    };
    if (document.blocks.some((b) => b.type === 'logo' && replace(b.data.imageId))) {
      const stored = images.insert(mailing.id, logo.fileName, logo.image);
      document = {
        ...document,
        blocks: document.blocks.map((block) =>
          block.type === 'logo' && replace(block.data.imageId)
            ? { ...block, data: { ...block.data, imageId: stored.id } }
            : block,
        ),
      };
    }
  }
  return colors || document !== mailing.document ? document : mailing.document;
}
