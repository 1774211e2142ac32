import type { BlockT, MailingDocumentT } from '../../contract/mailingDocument';

export interface ImageUse {
  blockIndex: number;
  field: string;
  imageId: string;
}

function imageFields(block: BlockT): { field: string; imageId: string }[] {
  switch (block.type) {
    case 'logo':
    case 'image':
    case 'imageText':
      return [{ field: 'imageId', imageId: block.data.imageId }];
    case 'twoColumns':
      return [
        { field: 'left.imageId', imageId: block.data.left.imageId },
        { field: 'right.imageId', imageId: block.data.right.imageId },
      ];
    case 'product':
      return block.data.products.map((p, i) => ({
        field: `products.${i}.imageId`,
        imageId: p.imageId,
      }));
    default:
      return [];
  }
}

/** Every place a block shows an image of the mailing. */
export function imageUses(doc: MailingDocumentT): ImageUse[] {
  return doc.blocks.flatMap((block, blockIndex) =>
    imageFields(block)
      .filter((f) => f.imageId !== '')
      .map((f) => ({ blockIndex, ...f })),
  );
}

/** The same document pointing at other image ids (after copying a mailing with its images). */
export function remapImages(
  doc: MailingDocumentT,
  mapping: ReadonlyMap<string, string>,
): MailingDocumentT {
  const map = (id: string) => (id === '' ? id : (mapping.get(id) ?? id));
  return {
    ...doc,
    blocks: doc.blocks.map((block): BlockT => {
      switch (block.type) {
        case 'logo':
          return { ...block, data: { ...block.data, imageId: map(block.data.imageId) } };
        case 'image':
          return { ...block, data: { ...block.data, imageId: map(block.data.imageId) } };
        case 'imageText':
          return { ...block, data: { ...block.data, imageId: map(block.data.imageId) } };
        case 'twoColumns':
          return {
            ...block,
            data: {
              left: { ...block.data.left, imageId: map(block.data.left.imageId) },
              right: { ...block.data.right, imageId: map(block.data.right.imageId) },
            },
          };
        case 'product':
          return {
            ...block,
            data: {
              products: block.data.products.map((p) => ({ ...p, imageId: map(p.imageId) })),
            },
          };
        default:
          return block;
      }
    }),
  };
}
