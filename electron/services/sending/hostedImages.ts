import type { AppContext } from '../core/appContext';
import { TrackerClient } from '../../../tracker/client';
import { toCompileImage } from '../images/imageStore';
import type { MailingDocumentT } from '../../contract/mailingDocument';
import type { CompileImage } from '../render';
import { qrCodeImages } from '../render/qrCode';
import { readTrackerSession } from '../tracking/trackingConfig';

/** The tracker API as the account link allows it. */
export interface LinkedTracker {
  client: TrackerClient;
  baseUrl: string;
}

export function linkedTracker(context: Pick<AppContext, 'kv' | 'cipher'>): LinkedTracker | null {
  const session = readTrackerSession(context.kv, context.cipher);
  if (!session) return null;
  return {
    baseUrl: session.baseUrl,
    client: new TrackerClient({
      baseUrl: session.baseUrl,
      token: session.token,
      timeoutMs: 15_000,
    }),
  };
}

/**
 * Assets the tracker is known to hold, by `<baseUrl>|<sha256>`. Assets are content-addressed and
 * immutable, so an image uploaded once (for the web version, a test or an earlier send) is never
 * uploaded again while the app runs.
 */
const uploaded = new Map<string, string>();

/**
 * Uploads the images to the tracker (once each) and returns their public URLs by sha256. Throws
 * when the tracker cannot be reached; callers decide whether that is fatal.
 */
export async function hostImages(
  tracker: LinkedTracker,
  images: Iterable<CompileImage>,
): Promise<Map<string, string>> {
  const hosted = new Map<string, string>();
  for (const image of images) {
    if (hosted.has(image.sha256)) continue;
    const cacheKey = `${tracker.baseUrl}|${image.sha256}`;
    let url = uploaded.get(cacheKey);
    if (url === undefined) {
      const asset = await tracker.client.uploadAsset(image.bytes, image.mime);
      // The same base as the mail's own tracker links (the tracker names its public address).
      url = `${tracker.baseUrl}/a/${asset.hash}`;
      uploaded.set(cacheKey, url);
    }
    hosted.set(image.sha256, url);
  }
  return hosted;
}

/**
 * For a mail about to be built: the hosted URL of each of the mailing's images, so only the
 * per-recipient barcode travels inline. Without a linked tracker, or when it cannot be reached,
 * undefined: the images then go inline as before, and the mail still goes out.
 */
export async function hostedImageLookup(
  context: Pick<AppContext, 'kv' | 'cipher' | 'images' | 'logger'>,
  mailingId: string,
  /** The mailing's document: its QR codes are images of the mailing too. */
  document?: MailingDocumentT,
): Promise<((image: CompileImage) => string | undefined) | undefined> {
  const tracker = linkedTracker(context);
  if (!tracker) return undefined;
  try {
    const images = [
      ...context.images.forMailing(mailingId).map(toCompileImage),
      ...(document ? qrCodeImages(document).values() : []),
    ];
    const hosted = await hostImages(tracker, images);
    return (image) => hosted.get(image.sha256);
  } catch (error) {
    context.logger.warn(`images of mailing ${mailingId} not hosted; sent inline`, error);
    return undefined;
  }
}
