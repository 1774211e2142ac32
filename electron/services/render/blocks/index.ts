import type { BlockType } from '../../../contract/mailingDocument';
import { buttonBlock } from './button';
import { dividerBlock } from './divider';
import { footerBlock } from './footer';
import { headingBlock } from './heading';
import { imageBlock } from './image';
import { imageTextBlock } from './imageText';
import { logoBlock } from './logo';
import { productBlock } from './product';
import { qrCodeBlock } from './qrCode';
import { socialBlock } from './social';
import { spacerBlock } from './spacer';
import { textBlock } from './text';
import { twoColumnsBlock } from './twoColumns';
import type { BlockModule } from './types';
import { voucherBlock } from './voucher';

/** The main side's one dictionary of block types. */
export const blockRegistry: { [T in BlockType]: BlockModule<T> } = {
  logo: logoBlock,
  heading: headingBlock,
  text: textBlock,
  image: imageBlock,
  imageText: imageTextBlock,
  twoColumns: twoColumnsBlock,
  button: buttonBlock,
  divider: dividerBlock,
  spacer: spacerBlock,
  voucher: voucherBlock,
  social: socialBlock,
  footer: footerBlock,
  product: productBlock,
  qrCode: qrCodeBlock,
};

export type { BlockModule } from './types';
