import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import { MAX_IMAGE_BYTES, MAX_IMAGE_WIDTH } from '../../contract/images';
import { DomainError, ERROR_CODES } from '../../contract/envelope';

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif';

/** What the bytes are, whatever the file is called: GIF, JPEG or PNG, else null. */
export function sniffImageType(bytes: Buffer): ImageMime | null {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif';
  return null;
}

export interface PreparedImage {
  mime: ImageMime;
  width: number;
  height: number;
  bytes: Buffer;
  sha256: string;
}

/**
 * "data:image/png;base64,…" or bare base64, as the renderer may send either. Too large is refused
 * before decoding, by the length of the text (4 characters carry 3 bytes).
 */
export function decodeBase64Upload(dataBase64: string, fileName: string): Buffer {
  const comma = dataBase64.startsWith('data:') ? dataBase64.indexOf(',') : -1;
  const body = comma >= 0 ? dataBase64.slice(comma + 1) : dataBase64;
  if (Math.floor((body.length * 3) / 4) > MAX_IMAGE_BYTES + 3) throw tooLarge(fileName);
  return Buffer.from(body, 'base64');
}

function tooLarge(fileName: string): DomainError {
  return refuse(`The image ${fileName} is larger than 20 MB`, 'mailings:errors.imageTooLarge', {
    fileName,
    megabytes: 20,
  });
}

function refuse(
  message: string,
  key: string,
  params?: Record<string, string | number>,
): DomainError {
  return new DomainError(ERROR_CODES.invalidInput, message, key, params);
}

/**
 * Checks an upload by its content and scales it to at most 640 px wide (mail layouts are 600 px;
 * more only makes the mail heavier). Small images keep their bytes, except when a camera's
 * orientation tag means they must be turned upright.
 */
export async function prepareImage(bytes: Buffer, fileName: string): Promise<PreparedImage> {
  if (bytes.length > MAX_IMAGE_BYTES) throw tooLarge(fileName);
  const mime = sniffImageType(bytes);
  if (!mime) {
    throw refuse(`${fileName} is not a GIF, JPG or PNG image`, 'mailings:errors.imageType', {
      fileName,
    });
  }
  const animated = mime === 'image/gif';
  // Loaded at the first image, not at app start: sharp and libvips weigh ~15 MB of memory.
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { animated }).metadata();
  } catch {
    throw refuse(
      `The image ${fileName} cannot be read (damaged file?)`,
      'mailings:errors.imageUnreadable',
      { fileName },
    );
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const pageHeight =
    animated && meta.pageHeight ? meta.pageHeight : (meta.autoOrient?.height ?? meta.height);
  if (!width || !pageHeight) {
    throw refuse(
      `The image ${fileName} cannot be read (damaged file?)`,
      'mailings:errors.imageUnreadable',
      { fileName },
    );
  }
  const needsTurn = (meta.orientation ?? 1) > 1;
  if (width <= MAX_IMAGE_WIDTH && !needsTurn) {
    return { mime, width, height: pageHeight, bytes, sha256: sha256(bytes) };
  }
  try {
    let pipeline = sharp(bytes, { animated })
      .rotate()
      .resize({ width: MAX_IMAGE_WIDTH, withoutEnlargement: true });
    pipeline =
      mime === 'image/jpeg'
        ? pipeline.jpeg({ quality: 82, mozjpeg: true })
        : mime === 'image/png'
          ? pipeline.png({ compressionLevel: 9 })
          : pipeline.gif();
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    const height = animated && info.pageHeight ? info.pageHeight : info.height;
    return { mime, width: info.width, height, bytes: data, sha256: sha256(data) };
  } catch {
    throw refuse(
      `The image ${fileName} cannot be read (damaged file?)`,
      'mailings:errors.imageUnreadable',
      { fileName },
    );
  }
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
