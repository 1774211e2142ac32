import { z } from 'zod';
import { channel } from './channel';
import { Id, Ok } from './common';

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/**
 * The longest base64 text images.add reads: a photo up to three times the limit still reaches the
 * service, which names the file and the 20 MB limit; past this it is a bare invalid input.
 */
export const MAX_IMAGE_BASE64_CHARS = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) * 3;
/** Images are scaled down to this width: wider never shows better in a 600 px mail. */
export const MAX_IMAGE_WIDTH = 640;

export const ImageInfo = z.object({
  id: Id,
  mailingId: Id,
  fileName: z.string(),
  mime: z.enum(['image/png', 'image/jpeg', 'image/gif']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  /** For the editor's own display (the app's CSP allows data: images). */
  dataUrl: z.string(),
});
export type ImageInfoT = z.infer<typeof ImageInfo>;

export const imagesChannels = {
  /** Checks the content (GIF, JPEG or PNG only, at most 20 MB) and scales to ≤ 640 px wide. */
  'images.add': channel(
    z
      .object({
        mailingId: Id,
        fileName: z.string().trim().min(1).max(255),
        // A hard stop for absurd payloads; the service refuses anything over 20 MB with the file's name.
        dataBase64: z.string().min(1).max(MAX_IMAGE_BASE64_CHARS),
      })
      .strict(),
    ImageInfo,
  ),
  'images.list': channel(z.object({ mailingId: Id }).strict(), z.array(ImageInfo)),
  /** Refused while a block of the mailing still shows the image. */
  'images.delete': channel(z.object({ id: Id }).strict(), Ok),
};
