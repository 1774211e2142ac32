import { createHash } from 'node:crypto';
import type QRCodeModule from 'qrcode';
import type { MailingDocumentT } from '../../contract/mailingDocument';
import { qrLinkProblem } from '../../contract/plain/qrLink';
import type { CompileImage } from './context';
import { lazyRequire } from '../core/lazyRequire';
import { encodeModulePng } from './png';

/** Some 8 MB: only a QR block needs it. */
const QRCode = lazyRequire<typeof QRCodeModule>('qrcode');

/** Pixels per module: sharp on high-density screens, yet never wider than a mail image may be. */
const MAX_MODULE_PX = 8;
const MAX_WIDTH_PX = 600;
/** The quiet zone the QR standard asks for. */
const MARGIN_MODULES = 4;

/**
 * The QR code of a link as an image of the mailing (the same for every recipient, so it is
 * hosted like the shop's own images). The qrcode package computes the modules (error correction
 * M: survives a smudge, stays small); png.ts draws them. Null for a link the checklist refuses.
 */
export function qrCodeImage(url: string): CompileImage | null {
  const link = url.trim();
  if (qrLinkProblem(link) !== null) return null;
  const code = QRCode().create(link, { errorCorrectionLevel: 'M' });
  const { size } = code.modules;
  const { png, width } = encodeModulePng(
    size,
    (col, row) => code.modules.get(row, col) === 1,
    Math.max(2, Math.min(MAX_MODULE_PX, Math.floor(MAX_WIDTH_PX / (size + 2 * MARGIN_MODULES)))),
    MARGIN_MODULES,
  );
  const sha256 = createHash('sha256').update(png).digest('hex');
  return {
    id: qrImageId(sha256),
    mime: 'image/png',
    width,
    height: width,
    sha256,
    bytes: png,
    fileName: 'qr-code.png',
  };
}

const QR_ID_PREFIX = 'qr-';

function qrImageId(sha256: string): string {
  return `${QR_ID_PREFIX}${sha256.slice(0, 32)}`;
}

/** An image made from the document (a QR code) rather than one the shop uploaded. */
export function isMadeImage(image: Pick<CompileImage, 'id'>): boolean {
  return image.id.startsWith(QR_ID_PREFIX);
}

/** Every QR code image a document shows, by the link it encodes. */
export function qrCodeImages(document: MailingDocumentT): Map<string, CompileImage> {
  const images = new Map<string, CompileImage>();
  for (const block of document.blocks) {
    if (block.type !== 'qrCode' || images.has(block.data.url.trim())) continue;
    const image = qrCodeImage(block.data.url);
    if (image) images.set(block.data.url.trim(), image);
  }
  return images;
}
