import type { z } from 'zod';
import type { ShopDetails } from '../../contract/settings';
import type { DocumentSettings } from '../../contract/mailingDocument';
import type { PreviewWarningT } from '../../contract/mailings';
import { escapeHtml } from './escape';
import type { CampaignTags } from './campaignTags';
import { LinkTable } from './links';
import { MAIL_TEXTS, type MailTexts } from './mailTexts';
import { SlotTable, stripSlotMarkers } from './slots';
import { parseVariables, type TextSegment } from './variables';

/** An image the compiler may place: from the images table (or a template resource). */
export interface CompileImage {
  id: string;
  mime: string;
  width: number;
  height: number;
  sha256: string;
  bytes: Buffer;
  fileName: string;
}

export interface VariableUse {
  name: string;
  /** True when at least one place uses it without a fallback: an empty value shows as a gap there. */
  withoutFallback: boolean;
}

/** What a block's toMjml/toText get: the document settings and helpers that register slots. */
export class CompileContext {
  readonly slots = new SlotTable();
  readonly links: LinkTable;
  readonly warnings: PreviewWarningT[] = [];
  readonly variables = new Map<string, VariableUse>();
  readonly usedImages = new Map<string, CompileImage>();
  /** The QR code images of the document's links (made before the blocks render). */
  qrCodes = new Map<string, CompileImage>();
  /** The block being rendered, so warnings can point at it. */
  blockId: string | undefined;
  /** The block being rendered as its type and place ("button-3"): a link's utm_content. */
  blockLabel = '';

  constructor(
    /** Swapped per block while it renders when the block has its own background. */
    public settings: z.infer<typeof DocumentSettings>,
    readonly fontStack: string,
    readonly known: Set<string>,
    readonly images: Map<string, CompileImage>,
    readonly shop: z.infer<typeof ShopDetails>,
    /** The fixed words the app writes into the mail, in the account's mail language. */
    readonly texts: MailTexts = MAIL_TEXTS.nl,
    campaignTags: CampaignTags | null = null,
  ) {
    this.links = new LinkTable(campaignTags);
  }

  warn(code: PreviewWarningT['code'], params?: Record<string, string | number>): void {
    const duplicate = this.warnings.some(
      (w) =>
        w.code === code &&
        w.blockId === this.blockId &&
        JSON.stringify(w.params) === JSON.stringify(params),
    );
    if (duplicate) return;
    this.warnings.push({
      code,
      key: `mailings:warnings.${code}`,
      ...(params ? { params } : {}),
      ...(this.blockId ? { blockId: this.blockId } : {}),
    });
  }

  /** User text with [[variables]] as escaped HTML with slots. */
  html(text: string): string {
    return this.segments(text, 'html');
  }

  /** User text with [[variables]] for the plain-text part. */
  text(text: string): string {
    return this.segments(text, 'text');
  }

  /** Escaped text without markup (the HTML <title>): a barcode there is its code, not an image. */
  plainHtml(text: string): string {
    return this.segments(text, 'html', true);
  }

  variable(
    name: string,
    fallback: string | undefined,
    format: 'html' | 'text',
    barcodeAsCode = false,
  ): string {
    if (!this.known.has(name)) {
      this.warn('unknownVariable', { name });
      // Shown as typed, so the preview makes the mistake visible; the checklist blocks sending.
      const literal = `[[${name}${fallback === undefined ? '' : `|${fallback}`}]]`;
      return format === 'html' ? escapeHtml(stripSlotMarkers(literal)) : stripSlotMarkers(literal);
    }
    const use = this.variables.get(name) ?? { name, withoutFallback: false };
    if (fallback === undefined || fallback.trim() === '') use.withoutFallback = true;
    this.variables.set(name, use);
    if (name === 'waardebon_barcode' && !barcodeAsCode)
      return this.slots.ref({ kind: 'barcode', format });
    return this.slots.ref({
      kind: 'var',
      name,
      fallback: fallback === undefined ? undefined : stripSlotMarkers(fallback),
      format,
    });
  }

  /**
   * An href: web links go through the link table (tracked per recipient), mailto links stay as
   * they are, links with variables are filled per recipient and never tracked.
   */
  href(url: string, format: 'html' | 'text' = 'html'): string {
    const clean = stripSlotMarkers(url.trim());
    if (clean === '') return '';
    if (clean.includes('[[')) {
      return parseVariables(clean)
        .map((s: TextSegment) =>
          'text' in s
            ? format === 'html'
              ? escapeHtml(s.text)
              : s.text
            : this.known.has(s.name)
              ? this.slots.ref({ kind: 'var', name: s.name, fallback: s.fallback, format: 'url' })
              : this.variable(s.name, s.fallback, format),
        )
        .join('');
    }
    if (/^https?:\/\//i.test(clean)) {
      return this.slots.ref({
        kind: 'link',
        linkId: this.links.idFor(clean, this.blockLabel),
        format,
      });
    }
    if (/^mailto:/i.test(clean)) return format === 'html' ? escapeHtml(clean) : clean;
    return '';
  }

  /** The src placeholder of an image of this mailing, or null (with a warning) when it is gone. */
  image(imageId: string, alt: string): { src: string; width: number; height: number } | null {
    if (imageId === '') return null;
    const image = this.images.get(imageId);
    if (!image) {
      this.warn('imageMissing', { imageId });
      return null;
    }
    if (alt.trim() === '') this.warn('imageWithoutAlt', { fileName: image.fileName });
    this.usedImages.set(image.id, image);
    return {
      src: this.slots.ref({ kind: 'imageSrc', imageId: image.id }),
      width: image.width,
      height: image.height,
    };
  }

  /** The src placeholder of a link's QR code, or null when its link cannot be encoded. */
  qrCode(url: string): { src: string; width: number; height: number } | null {
    const image = this.qrCodes.get(url.trim());
    if (!image) return null;
    this.usedImages.set(image.id, image);
    return {
      src: this.slots.ref({ kind: 'imageSrc', imageId: image.id }),
      width: image.width,
      height: image.height,
    };
  }

  private segments(text: string, format: 'html' | 'text', barcodeAsCode = false): string {
    return parseVariables(text)
      .map((s) =>
        'text' in s
          ? format === 'html'
            ? escapeHtml(stripSlotMarkers(s.text))
            : stripSlotMarkers(s.text)
          : this.variable(s.name, s.fallback, format, barcodeAsCode),
      )
      .join('');
  }
}
