import { z } from 'zod';
import { isAllowedLinkWithVariables } from './plain/links';
import { SECONDARY_TEXT_COLOR } from './plain/contrast';
import { SOCIAL_NETWORKS } from './plain/socialNetworks';

/**
 * The mailing document (DESIGN.md, "The mailing document"): a flat, ordered list of blocks.
 * Every field has a default so an old or partial document always parses; `version` lets
 * `migrate()` (electron/services/render/document.ts) upgrade documents written by older versions.
 * The main side's block registry (electron/services/render/blocks) renders each type; the
 * renderer's registry edits it. Both read these schemas.
 */
export const DOCUMENT_VERSION = 1;

export const HexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'mailings:errors.color' });
/** '' means "use the document's colour". */
export const OptionalHexColor = z.union([z.literal(''), HexColor]);
export const Align = z.enum(['left', 'center', 'right']);

// Plain modules (no imports) so the renderer uses these very values; re-exported for the main side.
export { isAllowedLink, isAllowedLinkWithVariables } from './plain/links';
export { STANDARD_VARIABLES } from './plain/variables';

/** A link a block points to: empty, http(s) or mailto. Variables ([[…]]) are allowed inside. */
export const LinkUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === '' || isAllowedLinkWithVariables(v), {
    message: 'mailings:errors.linkScheme',
  });

/** An image of this mailing (row id in the images table); '' when none is chosen yet. */
export const ImageRef = z.string().max(100);

/**
 * Lexical's serialized editor state (`editorState.toJSON()`). Kept loose here because Lexical
 * owns the node shapes; the main side walks it and ignores what it does not know.
 * The editor's variable token node is `{ type: 'variable', version: 1, name, fallback? }`.
 */
export interface LexicalNodeJson {
  type: string;
  version?: number;
  children?: LexicalNodeJson[];
  [key: string]: unknown;
}
const LexicalNode: z.ZodType<LexicalNodeJson> = z.lazy(() =>
  z.looseObject({
    type: z.string().max(50),
    version: z.number().optional(),
    children: z.array(LexicalNode).max(5000).optional(),
  }),
);
export const RichText = z.object({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(LexicalNode).max(5000).default([]),
  }),
});
export type RichTextT = z.infer<typeof RichText>;

/** A rich text with one paragraph per string (used for defaults and templates). */
export function richTextOf(...paragraphs: string[]): RichTextT {
  return {
    root: {
      type: 'root',
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        children: text === '' ? [] : [{ type: 'text', version: 1, text, format: 0 }],
      })),
    },
  };
}
const richTextDefault = (...paragraphs: string[]) =>
  RichText.default(() => richTextOf(...paragraphs));

const Padding = z.number().int().min(0).max(80);

export const LogoData = z.object({
  imageId: ImageRef.default(''),
  alt: z.string().max(200).default('Logo'),
  width: z.number().int().min(40).max(600).default(180),
  align: Align.default('center'),
  href: LinkUrl.default(''),
  backgroundColor: OptionalHexColor.default(''),
});

export const HeadingData = z.object({
  text: z.string().max(300).default('Titel'),
  level: z.enum(['h1', 'h2', 'h3']).default('h1'),
  align: Align.default('left'),
  color: OptionalHexColor.default(''),
});

export const TextData = z.object({
  content: richTextDefault(''),
  paddingY: Padding.default(8),
});

export const ImageData = z.object({
  imageId: ImageRef.default(''),
  alt: z.string().max(300).default(''),
  href: LinkUrl.default(''),
  /** Edge to edge (no side padding) or inside the content width. */
  fullBleed: z.boolean().default(false),
});

export const ImageTextData = z.object({
  imageId: ImageRef.default(''),
  alt: z.string().max(300).default(''),
  href: LinkUrl.default(''),
  imagePosition: z.enum(['left', 'right']).default('left'),
  content: richTextDefault(''),
});

export const ColumnData = z.object({
  imageId: ImageRef.default(''),
  alt: z.string().max(300).default(''),
  href: LinkUrl.default(''),
  content: richTextDefault(''),
});

export const TwoColumnsData = z.object({
  left: ColumnData.prefault({}),
  right: ColumnData.prefault({}),
});

export const ButtonData = z.object({
  label: z.string().trim().max(100).default('Bekijk het hier'),
  url: LinkUrl.default(''),
  align: Align.default('center'),
  color: OptionalHexColor.default(''),
  textColor: HexColor.default('#ffffff'),
});

export const DividerData = z.object({
  color: HexColor.default('#dddddd'),
  thickness: z.number().int().min(1).max(10).default(1),
  widthPercent: z.number().int().min(10).max(100).default(100),
});

export const SpacerData = z.object({
  height: z.number().int().min(4).max(200).default(24),
});

export const VoucherData = z.object({
  title: z.string().max(200).default('Jouw persoonlijke waardebon'),
  showAmount: z.boolean().default(true),
  showPoints: z.boolean().default(true),
  showRemainingPoints: z.boolean().default(false),
  showBarcode: z.boolean().default(true),
  /** The shop's choice: a customer without a barcode in the export gets one from the reference number. */
  barcodeFromReference: z.boolean().default(false),
  /** Conditions under the barcode ("Geldig tot …, niet inwisselbaar voor contanten"). */
  terms: z
    .string()
    .max(1000)
    .default('Lever deze waardebon in bij de kassa. Niet inwisselbaar voor contanten.'),
  color: OptionalHexColor.default(''),
});

export const SocialNetwork = z.enum(SOCIAL_NETWORKS);
export const SocialData = z.object({
  items: z
    .array(z.object({ network: SocialNetwork, url: LinkUrl }))
    .max(10)
    .default([]),
  align: Align.default('center'),
});

export const FooterData = z.object({
  /** Why this person receives the mail (required by law and by good manners). */
  reason: z
    .string()
    .max(500)
    .default(
      'Je ontvangt deze e-mail omdat je klant bent bij onze winkel en toestemming hebt gegeven om post van ons te ontvangen.',
    ),
  unsubscribeLabel: z.string().trim().min(1).max(100).default('Afmelden'),
  showAddress: z.boolean().default(true),
  backgroundColor: OptionalHexColor.default(''),
  textColor: HexColor.default(SECONDARY_TEXT_COLOR),
});

/** One product: a price in euros (null: not filled in yet, which the checklist names). */
export const ProductItem = z.object({
  imageId: ImageRef.default(''),
  alt: z.string().max(300).default(''),
  name: z.string().max(200).default('Productnaam'),
  price: z.number().min(0).max(1_000_000).nullable().default(null),
  /** The price before (shown struck through); null: no old price. */
  oldPrice: z.number().min(0).max(1_000_000).nullable().default(null),
  text: z.string().max(1000).default(''),
  buttonLabel: z.string().trim().max(100).default('Bekijk'),
  url: LinkUrl.default(''),
});
export type ProductItemT = z.infer<typeof ProductItem>;

/** One to three products side by side (stacked on phones). */
export const ProductData = z.object({
  products: z
    .array(ProductItem)
    .min(1)
    .max(3)
    .default(() => [ProductItem.parse({})]),
});

/**
 * A QR code for a link. The link is checked by the checklist rather than refused here, so a
 * half-typed link is kept while the shopkeeper types; an invalid one renders no code at all.
 */
export const QrCodeData = z.object({
  url: z.string().trim().max(1000).default(''),
  caption: z.string().max(200).default('Scan de code met je telefoon'),
  size: z.number().int().min(100).max(300).default(180),
  showLink: z.boolean().default(true),
});

const blockDataSchemas = {
  logo: LogoData,
  heading: HeadingData,
  text: TextData,
  image: ImageData,
  imageText: ImageTextData,
  twoColumns: TwoColumnsData,
  button: ButtonData,
  divider: DividerData,
  spacer: SpacerData,
  voucher: VoucherData,
  social: SocialData,
  footer: FooterData,
  product: ProductData,
  qrCode: QrCodeData,
} as const;

export type BlockType = keyof typeof blockDataSchemas;
export const BLOCK_TYPES = Object.keys(blockDataSchemas) as BlockType[];
export const BlockTypeSchema = z.enum(BLOCK_TYPES as [BlockType, ...BlockType[]]);
export type BlockDataOf<T extends BlockType> = z.infer<(typeof blockDataSchemas)[T]>;

export const BlockId = z.string().trim().min(1).max(64);

/**
 * The layout every block shares, whatever its type: its own background (empty: the mailing's
 * content colour) and extra space above and below. Optional, so older documents stay valid.
 */
export const BlockStyle = z.object({
  backgroundColor: OptionalHexColor.default(''),
  paddingTop: z.number().int().min(0).max(120).default(0),
  paddingBottom: z.number().int().min(0).max(120).default(0),
});
export type BlockStyleT = z.infer<typeof BlockStyle>;

function blockSchema<T extends BlockType, S extends z.ZodObject>(type: T, data: S) {
  return z.object({
    id: BlockId,
    type: z.literal(type),
    data: data.prefault({} as z.input<S>),
    style: BlockStyle.optional(),
  });
}

export const Block = z.discriminatedUnion('type', [
  blockSchema('logo', blockDataSchemas.logo),
  blockSchema('heading', blockDataSchemas.heading),
  blockSchema('text', blockDataSchemas.text),
  blockSchema('image', blockDataSchemas.image),
  blockSchema('imageText', blockDataSchemas.imageText),
  blockSchema('twoColumns', blockDataSchemas.twoColumns),
  blockSchema('button', blockDataSchemas.button),
  blockSchema('divider', blockDataSchemas.divider),
  blockSchema('spacer', blockDataSchemas.spacer),
  blockSchema('voucher', blockDataSchemas.voucher),
  blockSchema('social', blockDataSchemas.social),
  blockSchema('footer', blockDataSchemas.footer),
  blockSchema('product', blockDataSchemas.product),
  blockSchema('qrCode', blockDataSchemas.qrCode),
]);
export type BlockT = z.infer<typeof Block>;
export type BlockOf<T extends BlockType> = Extract<BlockT, { type: T }>;

/** Fonts every mail client has; the first is what the shopkeeper picks, the rest fall back. */
export const FONT_STACKS = {
  Arial: 'Arial, Helvetica, sans-serif',
  Helvetica: 'Helvetica, Arial, sans-serif',
  Verdana: 'Verdana, Geneva, sans-serif',
  'Trebuchet MS': "'Trebuchet MS', Arial, sans-serif",
  Georgia: 'Georgia, Times, serif',
  'Times New Roman': "'Times New Roman', Times, serif",
} as const;
export const FontName = z.enum(
  Object.keys(FONT_STACKS) as [keyof typeof FONT_STACKS, ...(keyof typeof FONT_STACKS)[]],
);

export const DocumentSettings = z.object({
  width: z.number().int().min(480).max(700).default(600),
  colors: z
    .object({
      background: HexColor.default('#f4f4f4'),
      content: HexColor.default('#ffffff'),
      text: HexColor.default('#333333'),
      heading: HexColor.default('#111111'),
      accent: HexColor.default('#222222'),
      link: HexColor.default('#1a5fb4'),
    })
    .prefault({}),
  font: FontName.default('Arial'),
});

export const MailingDocument = z.object({
  version: z.literal(DOCUMENT_VERSION),
  settings: DocumentSettings.prefault({}),
  blocks: z.array(Block).max(200).default([]),
});
export type MailingDocumentT = z.infer<typeof MailingDocument>;
export type MailingDocumentInput = z.input<typeof MailingDocument>;

export const VariableName = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_]{1,64}$/u, { message: 'mailings:errors.variableName' });
