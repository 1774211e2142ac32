import { createHash } from 'node:crypto';
import type { CompileImage, CompiledMailing } from '../render';
import { mailTexts, type MailLanguage } from '../render/mailTexts';
import { isMadeImage } from '../render/qrCode';
import type { TrackingConfig } from '../tracking/trackingConfig';

/**
 * An image the sent mailing shows: its bytes stay in `images` (by sha256), not in the snapshot,
 * except for images the compiler made from the document (QR codes), which no store keeps.
 */
export interface SnapshotImage {
  id: string;
  mime: string;
  width: number;
  height: number;
  sha256: string;
  fileName: string;
  cid: string;
  /** The tracker's URL when the image was hosted at send.start; null: inline (cid:). */
  hostedUrl: string | null;
  /** The bytes of a made image (a QR code, a few KB), so an inline one can be built again. */
  madeBase64?: string;
}

/**
 * What a send mails, as the compiler produced it at send.start: the compiled templates and
 * slots, the link table and the images. Everything in it is plain JSON; the tracking key is not
 * (it stays encrypted in the key-value store and is added when the queue builds mails).
 */
export type SendSnapshot = Omit<
  CompiledMailing,
  'tracking' | 'imageSources' | 'inlineImages' | 'texts'
> & {
  version: 1;
  images: SnapshotImage[];
  language: MailLanguage;
};

export function toSnapshot(compiled: CompiledMailing): SendSnapshot {
  return {
    version: 1,
    mailingId: compiled.mailingId,
    sender: compiled.sender,
    replyTo: compiled.replyTo,
    subject: compiled.subject,
    topLine: compiled.topLine,
    html: compiled.html,
    text: compiled.text,
    slots: compiled.slots,
    links: compiled.links,
    variables: compiled.variables,
    warnings: compiled.warnings,
    images: [...compiled.imageSources.values()].map(({ cid, hostedUrl, image }) => ({
      id: image.id,
      mime: image.mime,
      width: image.width,
      height: image.height,
      sha256: image.sha256,
      fileName: image.fileName,
      cid,
      hostedUrl: hostedUrl ?? null,
      ...(isMadeImage(image) ? { madeBase64: image.bytes.toString('base64') } : {}),
    })),
    usesBarcode: compiled.usesBarcode,
    barcodeFromReference: compiled.barcodeFromReference,
    footerAdded: compiled.footerAdded,
    language: compiled.texts.lang === 'en' ? 'en' : 'nl',
  };
}

/** The snapshot as stored, and its content hash (sha256 of exactly that text). */
export function serializeSnapshot(snapshot: SendSnapshot): { json: string; contentHash: string } {
  const json = JSON.stringify(snapshot);
  return { json, contentHash: createHash('sha256').update(json).digest('hex') };
}

/** The images the tracker hosts for this send, by content hash. */
export function hostedImages(snapshot: SendSnapshot): { sha256: string; url: string }[] {
  return snapshot.images.flatMap((i) =>
    i.hostedUrl ? [{ sha256: i.sha256, url: i.hostedUrl }] : [],
  );
}

export class SnapshotImageMissing extends Error {
  constructor(readonly sha256: string) {
    super(`an image of the sent mailing is no longer stored (${sha256.slice(0, 12)}…)`);
    this.name = 'SnapshotImageMissing';
  }
}

/**
 * Back to what renderForRecipient and composeMessage take. `bytes` gives an image's bytes by
 * sha256; only inline images need them (a hosted one travels as its URL).
 */
export function compiledFromSnapshot(
  snapshot: SendSnapshot,
  tracking: TrackingConfig | null,
  bytes: (sha256: string) => Buffer | undefined,
): CompiledMailing {
  const imageSources: CompiledMailing['imageSources'] = new Map();
  const inlineImages: CompiledMailing['inlineImages'] = [];
  for (const stored of snapshot.images) {
    const found =
      bytes(stored.sha256) ??
      (stored.madeBase64 === undefined ? undefined : Buffer.from(stored.madeBase64, 'base64'));
    if (!found && !stored.hostedUrl) throw new SnapshotImageMissing(stored.sha256);
    const image: CompileImage = {
      id: stored.id,
      mime: stored.mime,
      width: stored.width,
      height: stored.height,
      sha256: stored.sha256,
      fileName: stored.fileName,
      bytes: found ?? Buffer.alloc(0),
    };
    imageSources.set(stored.id, {
      cid: stored.cid,
      hostedUrl: stored.hostedUrl ?? undefined,
      image,
    });
    if (!stored.hostedUrl && !inlineImages.some((i) => i.cid === stored.cid))
      inlineImages.push({ cid: stored.cid, image });
  }
  return {
    mailingId: snapshot.mailingId,
    sender: snapshot.sender,
    replyTo: snapshot.replyTo,
    tracking,
    subject: snapshot.subject,
    topLine: snapshot.topLine,
    html: snapshot.html,
    text: snapshot.text,
    slots: snapshot.slots,
    links: snapshot.links,
    variables: snapshot.variables,
    warnings: snapshot.warnings,
    imageSources,
    inlineImages,
    usesBarcode: snapshot.usesBarcode,
    barcodeFromReference: snapshot.barcodeFromReference,
    footerAdded: snapshot.footerAdded,
    texts: mailTexts(snapshot.language),
  };
}
