import type { TFunction } from 'i18next';
import type { BlockData, BlockType } from '../../mailing/mailingTypes';
import { richTextOf } from './emptyRichText';
import { SECONDARY_TEXT_COLOR } from '../../../../electron/contract/plain/contrast';

/**
 * The data of a new block of each type, with its texts in the shopkeeper's language. In Dutch it
 * equals the contract's defaults (`Schema.parse({})`); test/unit/editor/newBlockData.test.ts
 * keeps the two together.
 */
export const NEW_BLOCK_DATA: { [T in BlockType]: (t: TFunction) => BlockData<T> } = {
  text: () => ({ content: richTextOf(''), paddingY: 8 }),
  heading: (t) => ({
    text: t('editor:blocks.heading.default'),
    level: 'h1',
    align: 'left',
    color: '',
  }),
  image: () => ({ imageId: '', alt: '', href: '', fullBleed: false }),
  imageText: () => ({
    imageId: '',
    alt: '',
    href: '',
    imagePosition: 'left',
    content: richTextOf(''),
  }),
  twoColumns: () => ({ left: column(), right: column() }),
  button: (t) => ({
    label: t('editor:blocks.button.default'),
    url: '',
    align: 'center',
    color: '',
    textColor: '#ffffff',
  }),
  logo: () => ({
    imageId: '',
    alt: 'Logo',
    width: 180,
    align: 'center',
    href: '',
    backgroundColor: '',
  }),
  voucher: (t) => ({
    title: t('editor:blocks.voucher.default'),
    showAmount: true,
    showPoints: true,
    showRemainingPoints: false,
    barcodeFromReference: false,
    showBarcode: true,
    terms: t('editor:blocks.voucher.defaultTerms'),
    color: '',
  }),
  divider: () => ({ color: '#dddddd', thickness: 1, widthPercent: 100 }),
  spacer: () => ({ height: 24 }),
  social: () => ({ items: [], align: 'center' }),
  footer: (t) => ({
    reason: t('editor:blocks.footer.defaultReason'),
    unsubscribeLabel: t('editor:blocks.footer.defaultUnsubscribe'),
    showAddress: true,
    backgroundColor: '',
    textColor: SECONDARY_TEXT_COLOR,
  }),
  product: (t) => ({ products: [newProduct(t)] }),
  qrCode: (t) => ({
    url: '',
    caption: t('editor:blocks.qrCode.defaultCaption'),
    size: 180,
    showLink: true,
  }),
};

/** One product of a product block, as a new block or a second or third one gets it. */
export function newProduct(t: TFunction): BlockData<'product'>['products'][number] {
  return {
    imageId: '',
    alt: '',
    name: t('editor:blocks.product.default'),
    price: null,
    oldPrice: null,
    text: '',
    buttonLabel: t('editor:blocks.product.defaultButton'),
    url: '',
  };
}

function column() {
  return { imageId: '', alt: '', href: '', content: richTextOf('') };
}
