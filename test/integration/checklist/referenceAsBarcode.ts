import type { TestApp } from '../../helpers/testApp';
import { editBlocks } from '../sending/seed';

/** Ticks "barcode from the reference number" in the mailing's voucher block, as the shop would. */
export function useReferenceAsBarcode(t: TestApp, mailingId: string): Promise<void> {
  return editBlocks(t, mailingId, (blocks) =>
    blocks.map((b) =>
      b.type === 'voucher' ? { ...b, data: { ...b.data, barcodeFromReference: true } } : b,
    ),
  );
}
