import type { TestApp } from '../../helpers/testApp';

/** Ticks "barcode from the reference number" in the mailing's voucher block, as the shop would. */
export async function useReferenceAsBarcode(t: TestApp, mailingId: string): Promise<void> {
  const mailing = await t.call('mailings.get', { id: mailingId });
  await t.call('mailings.update', {
    id: mailingId,
    patch: {
      document: {
        ...mailing.document,
        blocks: mailing.document.blocks.map((b) =>
          b.type === 'voucher' ? { ...b, data: { ...b.data, barcodeFromReference: true } } : b,
        ),
      },
    },
  });
}
