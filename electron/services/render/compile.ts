import type { z } from 'zod';
import {
  FONT_STACKS,
  type BlockStyleT,
  type MailingDocumentT,
} from '../../contract/mailingDocument';
import { SECONDARY_TEXT_COLOR } from '../../contract/plain/contrast';
import type { PreviewWarningT } from '../../contract/mailings';
import type { ShopDetails } from '../../contract/settings';
import type { TrackingConfig } from '../tracking/trackingConfig';
import { blockRegistry, type BlockModule } from './blocks';
import { attrs } from './blocks/mjml';
import { CompileContext, type CompileImage, type VariableUse } from './context';
import { newBlock } from './document';
import type { CampaignTags } from './campaignTags';
import type { TrackedLink } from './links';
import { mailTexts, type MailLanguage, type MailTexts } from './mailTexts';
import { splitTemplate, type Slot, type Template } from './slots';
import { knownVariables } from './variables';
import { MjmlCompiler } from './mjmlCompiler';
import { qrCodeImages } from './qrCode';
import { COLOR_SCHEME_MJML, preheaderMjml, styleAltTexts } from './mailHead';

export interface Sender {
  name: string;
  email: string;
}

export interface CompileInput {
  mailingId: string;
  subject: string;
  topLine: string;
  document: MailingDocumentT;
  sender: Sender;
  /** '' when replies go to the sender. */
  replyTo: string;
  shop: z.infer<typeof ShopDetails>;
  /** The mailing's images (only those a block shows end up in the mail). */
  images: CompileImage[];
  /** Extra columns of the mailing's selections: usable as variables. */
  extraVariables?: readonly string[];
  /** Null: untracked (links as written, no pixel, unsubscribe by mailto to the sender). */
  tracking: TrackingConfig | null;
  /**
   * Seam for tracker-hosted images: the URL of an image (by its sha256) when the tracker hosts
   * it; undefined keeps it as an inline CID attachment.
   */
  hostedImageUrl?: (image: CompileImage) => string | undefined;
  /** The language of the app's own words in the mail (default nl). */
  language?: MailLanguage;
  /** Campaign tags for links to the shop's own website; null or absent: links as written. */
  campaignTags?: CampaignTags | null;
}

/** An image every recipient gets as an inline attachment (not hosted). */
export interface InlineImage {
  cid: string;
  image: CompileImage;
}

/** The result of compiling once per mailing; renderForRecipient and composeMessage use it. */
export interface CompiledMailing {
  mailingId: string;
  sender: Sender;
  replyTo: string;
  tracking: TrackingConfig | null;
  subject: Template;
  topLine: Template;
  html: Template;
  text: Template;
  slots: Slot[];
  /** The link table to register at the tracker before sending (click tokens carry these ids). */
  links: TrackedLink[];
  /** Variables in use; `withoutFallback` ones show a gap when a contact's value is empty. */
  variables: VariableUse[];
  /** Warnings that hold for every recipient (unknown variables, added footer, images). */
  warnings: PreviewWarningT[];
  /** Per image id: its cid, or its hosted URL. */
  imageSources: Map<string, { cid: string; hostedUrl: string | undefined; image: CompileImage }>;
  inlineImages: InlineImage[];
  usesBarcode: boolean;
  /** A voucher block asks for the reference number where a customer has no barcode. */
  barcodeFromReference: boolean;
  footerAdded: boolean;
  /** The app's own words in this mailing's language (web version link, mailto subject, …). */
  texts: MailTexts;
}

export class MjmlCompileError extends Error {
  constructor(readonly details: string[]) {
    super(`MJML refused the mailing: ${details.join('; ')}`);
    this.name = 'MjmlCompileError';
  }
}

function renderBlocks(ctx: CompileContext, document: MailingDocumentT, footerAdded: boolean) {
  const blocks = footerAdded ? [...document.blocks, generatedFooter(ctx.texts)] : document.blocks;
  const mjml: string[] = [];
  const text: string[] = [];
  const settings = ctx.settings;
  for (const [index, block] of blocks.entries()) {
    ctx.blockId = block.id;
    ctx.blockLabel = `${block.type}-${index + 1}`;
    const module = blockRegistry[block.type] as BlockModule<typeof block.type>;
    // A block's own background stands in for the content colour every block module paints with.
    const background = block.style?.backgroundColor;
    if (background)
      ctx.settings = { ...settings, colors: { ...settings.colors, content: background } };
    mjml.push(withBlockSpacing(module.toMjml(block.data as never, ctx), block.style, ctx));
    ctx.settings = settings;
    const part = module.toText(block.data as never, ctx);
    if (part.trim() !== '') text.push(part);
  }
  ctx.blockId = undefined;
  ctx.blockLabel = '';
  return { mjml: mjml.join('\n'), text: text.join('\n\n') };
}

/** The footer a mailing without one gets, worded in the mail's language. */
function generatedFooter(texts: MailTexts) {
  const footer = newBlock('footer', 'generated-footer');
  return {
    ...footer,
    data: { ...footer.data, reason: texts.footerReason, unsubscribeLabel: texts.unsubscribeLabel },
  };
}

/** Extra space above or below a block: a wrapper in the block's colour around its sections. */
function withBlockSpacing(
  sections: string,
  style: BlockStyleT | undefined,
  ctx: CompileContext,
): string {
  if (!style || (style.paddingTop === 0 && style.paddingBottom === 0)) return sections;
  return `<mj-wrapper${attrs({
    'background-color': ctx.settings.colors.content,
    padding: `${style.paddingTop}px 0px ${style.paddingBottom}px 0px`,
  })}>${sections}</mj-wrapper>`;
}

/** The MJML source with slots: what compileMailing hands to MJML (exported for the benchmark). */
export function buildMjml(input: CompileInput): {
  source: string;
  ctx: CompileContext;
  text: string;
  footerAdded: boolean;
} {
  const { document } = input;
  const fontStack = FONT_STACKS[document.settings.font];
  const images = new Map(input.images.map((image) => [image.id, image]));
  const ctx = new CompileContext(
    document.settings,
    fontStack,
    knownVariables(input.extraVariables),
    images,
    // The footer always names who sends the mail, even before the shop details are filled in.
    { ...input.shop, name: input.shop.name || input.sender.name },
    mailTexts(input.language),
    input.campaignTags ?? null,
  );
  ctx.qrCodes = qrCodeImages(document);
  const footerAdded = !document.blocks.some((b) => b.type === 'footer');
  if (footerAdded) ctx.warn('footerAdded');
  const title = ctx.plainHtml(input.subject);
  const preheader = input.topLine.trim() === '' ? '' : preheaderMjml(ctx.plainHtml(input.topLine));
  const body = renderBlocks(ctx, document, footerAdded);
  const { colors, width } = document.settings;
  const source = [
    `<mjml lang="${ctx.texts.lang}"><mj-head>`,
    `<mj-title>${title}</mj-title>`,
    COLOR_SCHEME_MJML,
    '<mj-attributes>',
    `<mj-all${attrs({ 'font-family': fontStack })} />`,
    `<mj-text${attrs({ color: colors.text, 'font-size': '15px', 'line-height': '1.55', padding: '8px 24px' })} />`,
    '</mj-attributes>',
    `</mj-head><mj-body${attrs({ width: `${width}px`, 'background-color': colors.background })}>`,
    preheader,
    `<mj-section padding="10px 24px"><mj-column><mj-text align="right" font-size="12px" color="${SECONDARY_TEXT_COLOR}" padding="0px">${ctx.slots.ref({ kind: 'webVersion', format: 'html' })}</mj-text></mj-column></mj-section>`,
    body.mjml,
    `<mj-raw>${ctx.slots.ref({ kind: 'pixel' })}</mj-raw>`,
    '</mj-body></mjml>',
  ].join('\n');
  const text = [ctx.slots.ref({ kind: 'webVersion', format: 'text' }), body.text]
    .join('\n\n')
    .trim();
  return { source, ctx, text, footerAdded };
}

/** The app's one MJML compiler: a worker thread that ends when no compile comes (mjmlCompiler.ts). */
export const mjmlCompiler = new MjmlCompiler();

/**
 * After a send's one compile its mails need no more: MJML's worker ends at once (or when the
 * compiles still waiting have answered), so its memory is not held while the mails go out. The
 * promise tells when a worker ended at once has exited.
 */
export function releaseMjmlWorker(): Promise<void> {
  return mjmlCompiler.release();
}

/** Once per mailing (each preview, each test send, once per real send): MJML is the slow part. */
export async function compileMailing(input: CompileInput): Promise<CompiledMailing> {
  const { source, ctx, text, footerAdded } = buildMjml(input);
  const result = await mjmlCompiler.compile(source);
  if (result.errors.length > 0) throw new MjmlCompileError(result.errors);
  const subject = ctx.text(input.subject);
  const topLine = ctx.text(input.topLine);
  const imageSources: CompiledMailing['imageSources'] = new Map();
  const inlineImages: InlineImage[] = [];
  for (const image of ctx.usedImages.values()) {
    const hostedUrl = input.hostedImageUrl?.(image);
    const cid = `img-${image.sha256.slice(0, 24)}@winkelpost`;
    imageSources.set(image.id, { cid, hostedUrl, image });
    if (!hostedUrl && !inlineImages.some((i) => i.cid === cid)) inlineImages.push({ cid, image });
  }
  return {
    mailingId: input.mailingId,
    sender: input.sender,
    replyTo: input.replyTo,
    tracking: input.tracking,
    subject: splitTemplate(subject),
    topLine: splitTemplate(topLine),
    html: splitTemplate(
      styleAltTexts(
        result.html,
        FONT_STACKS[input.document.settings.font],
        input.document.settings.colors.text,
      ),
    ),
    text: splitTemplate(text),
    slots: ctx.slots.slots,
    links: ctx.links.list(),
    variables: [...ctx.variables.values()],
    warnings: ctx.warnings,
    imageSources,
    inlineImages,
    usesBarcode: ctx.slots.slots.some((s) => s.kind === 'barcode'),
    barcodeFromReference: input.document.blocks.some(
      (b) => b.type === 'voucher' && b.data.barcodeFromReference,
    ),
    footerAdded,
    texts: ctx.texts,
  };
}
