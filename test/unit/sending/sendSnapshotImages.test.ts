import { describe, expect, it } from 'vitest';
import { renderForRecipient } from '../../../electron/services/render';
import { qrCodeImage } from '../../../electron/services/render/qrCode';
import {
  compiledFromSnapshot,
  serializeSnapshot,
  SnapshotImageMissing,
  toSnapshot,
  type SendSnapshot,
} from '../../../electron/services/sending/sendSnapshot';
import { compileBlocks, testImage } from '../render/renderHelpers';

const LINK = 'https://www.bakkerij.nl/review';

/** As stored and read back: the snapshot is JSON in send_snapshots. */
function stored(snapshot: SendSnapshot): SendSnapshot {
  return JSON.parse(serializeSnapshot(snapshot).json) as SendSnapshot;
}

describe('the images of a send snapshot', () => {
  it('keeps the bytes of a QR code (no image store holds them), so it can go inline later', async () => {
    const compiled = await compileBlocks([{ id: 'q', type: 'qrCode', data: { url: LINK } }]);
    const snapshot = stored(toSnapshot(compiled));

    // Nothing in the image store: the QR code comes back from the snapshot itself.
    const rebuilt = compiledFromSnapshot(snapshot, null, () => undefined);
    expect(rebuilt.inlineImages.map((i) => i.image.bytes)).toEqual([qrCodeImage(LINK)!.bytes]);
    const mail = renderForRecipient(rebuilt, {
      email: 'jan@example.nl',
      recipientId: 'r1',
      data: {},
    });
    expect(mail.html).toContain(`cid:${rebuilt.inlineImages[0]!.cid}`);
  });

  it('keeps only a reference to the shop’s own images, whose bytes stay in the image store', async () => {
    const photo = await testImage('winkel');
    const compiled = await compileBlocks(
      [{ id: 'i', type: 'image', data: { imageId: 'winkel', alt: 'De winkel' } }],
      { images: [photo] },
    );
    const snapshot = stored(toSnapshot(compiled));
    expect(snapshot.images).toHaveLength(1);
    expect(snapshot.images[0]!.madeBase64).toBeUndefined();

    const rebuilt = compiledFromSnapshot(snapshot, null, (sha) =>
      sha === photo.sha256 ? photo.bytes : undefined,
    );
    expect(rebuilt.inlineImages.map((i) => i.image.bytes)).toEqual([photo.bytes]);
    expect(() => compiledFromSnapshot(snapshot, null, () => undefined)).toThrow(
      SnapshotImageMissing,
    );
  });
});
