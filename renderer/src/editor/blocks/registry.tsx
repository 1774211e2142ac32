import {
  IconAlignLeft,
  IconBrandInstagram,
  IconColumns2,
  IconHeading,
  IconLayoutSidebar,
  IconMinus,
  IconPhoto,
  IconQrcode,
  IconShoppingBag,
  IconRectangle,
  IconSeparatorHorizontal,
  IconSignature,
  IconTicket,
  IconTrademark,
} from '@tabler/icons-react';
import type { BlockType } from '../../mailing/mailingTypes';
import { ButtonEditor } from './button/ButtonEditor';
import { ButtonSettings } from './button/ButtonSettings';
import { DividerEditor } from './divider/DividerEditor';
import { DividerSettings } from './divider/DividerSettings';
import { FooterEditor } from './footer/FooterEditor';
import { FooterSettings } from './footer/FooterSettings';
import { HeadingEditor } from './heading/HeadingEditor';
import { HeadingSettings } from './heading/HeadingSettings';
import { ImageEditor } from './image/ImageEditor';
import { ImageSettings } from './image/ImageSettings';
import { ImageTextEditor } from './imageText/ImageTextEditor';
import { ImageTextSettings } from './imageText/ImageTextSettings';
import { LogoEditor } from './logo/LogoEditor';
import { LogoSettings } from './logo/LogoSettings';
import { NEW_BLOCK_DATA } from './newBlockData';
import { ProductEditor } from './product/ProductEditor';
import { ProductSettings } from './product/ProductSettings';
import { QrCodeEditor } from './qrCode/QrCodeEditor';
import { QrCodeSettings } from './qrCode/QrCodeSettings';
import { SocialEditor } from './social/SocialEditor';
import { SocialSettings } from './social/SocialSettings';
import { SpacerEditor } from './spacer/SpacerEditor';
import { SpacerSettings } from './spacer/SpacerSettings';
import { TextEditor } from './text/TextEditor';
import { TextSettings } from './text/TextSettings';
import { TwoColumnsEditor } from './twoColumns/TwoColumnsEditor';
import { TwoColumnsSettings } from './twoColumns/TwoColumnsSettings';
import type { BlockDefinition } from './types';
import { VoucherEditor } from './voucher/VoucherEditor';
import { VoucherSettings } from './voucher/VoucherSettings';

type Registry = { [T in BlockType]: BlockDefinition<T> };

/**
 * The renderer's block registry: one entry per block type, in the order the picker shows them.
 * The data shapes come from the contract's zod schemas (as types); new data from newBlockData.ts.
 */
export const BLOCKS: Registry = {
  text: {
    type: 'text',
    icon: <IconAlignLeft size={22} />,
    create: NEW_BLOCK_DATA.text,
    Editor: TextEditor,
    Settings: TextSettings,
  },
  heading: {
    type: 'heading',
    icon: <IconHeading size={22} />,
    create: NEW_BLOCK_DATA.heading,
    Editor: HeadingEditor,
    Settings: HeadingSettings,
  },
  image: {
    type: 'image',
    icon: <IconPhoto size={22} />,
    create: NEW_BLOCK_DATA.image,
    Editor: ImageEditor,
    Settings: ImageSettings,
  },
  imageText: {
    type: 'imageText',
    icon: <IconLayoutSidebar size={22} />,
    create: NEW_BLOCK_DATA.imageText,
    Editor: ImageTextEditor,
    Settings: ImageTextSettings,
  },
  twoColumns: {
    type: 'twoColumns',
    icon: <IconColumns2 size={22} />,
    create: NEW_BLOCK_DATA.twoColumns,
    Editor: TwoColumnsEditor,
    Settings: TwoColumnsSettings,
  },
  button: {
    type: 'button',
    icon: <IconRectangle size={22} />,
    create: NEW_BLOCK_DATA.button,
    Editor: ButtonEditor,
    Settings: ButtonSettings,
  },
  product: {
    type: 'product',
    icon: <IconShoppingBag size={22} />,
    create: NEW_BLOCK_DATA.product,
    Editor: ProductEditor,
    Settings: ProductSettings,
  },
  qrCode: {
    type: 'qrCode',
    icon: <IconQrcode size={22} />,
    create: NEW_BLOCK_DATA.qrCode,
    Editor: QrCodeEditor,
    Settings: QrCodeSettings,
  },
  logo: {
    type: 'logo',
    icon: <IconTrademark size={22} />,
    create: NEW_BLOCK_DATA.logo,
    Editor: LogoEditor,
    Settings: LogoSettings,
  },
  voucher: {
    type: 'voucher',
    icon: <IconTicket size={22} />,
    create: NEW_BLOCK_DATA.voucher,
    Editor: VoucherEditor,
    Settings: VoucherSettings,
  },
  divider: {
    type: 'divider',
    icon: <IconMinus size={22} />,
    create: NEW_BLOCK_DATA.divider,
    Editor: DividerEditor,
    Settings: DividerSettings,
  },
  spacer: {
    type: 'spacer',
    icon: <IconSeparatorHorizontal size={22} />,
    create: NEW_BLOCK_DATA.spacer,
    Editor: SpacerEditor,
    Settings: SpacerSettings,
  },
  social: {
    type: 'social',
    icon: <IconBrandInstagram size={22} />,
    create: NEW_BLOCK_DATA.social,
    Editor: SocialEditor,
    Settings: SocialSettings,
  },
  footer: {
    type: 'footer',
    icon: <IconSignature size={22} />,
    create: NEW_BLOCK_DATA.footer,
    Editor: FooterEditor,
    Settings: FooterSettings,
  },
};

export const BLOCK_ORDER = Object.keys(BLOCKS) as BlockType[];
