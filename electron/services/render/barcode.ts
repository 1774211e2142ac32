import type BwipJs from 'bwip-js/node';
import { lazyRequire } from '../core/lazyRequire';
import { encodeStripedPng } from './png';

export interface BarcodeImage {
  png: Buffer;
  width: number;
  height: number;
  symbology: 'ean13' | 'code128';
}

/** Some 7 MB: only voucher mailings draw barcodes. */
const bwipjs = lazyRequire<typeof BwipJs>('bwip-js/node');

const MODULE_PX = 2;
const HEIGHT_PX = 70;
const QUIET_MODULES = 11;

/** True for 13 digits whose last one is the right EAN check digit. */
export function isValidEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(code[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(code[12]);
}

/**
 * The voucher's barcode: EAN-13 when the code is a valid EAN (what most tills print), Code 128
 * for anything else. bwip-js computes the bars; png.ts draws them. Returns null for a code no
 * symbology can carry (empty, non-ASCII or very long): the digits in the mail still show.
 */
export function barcodePng(code: string): BarcodeImage | null {
  const value = code.trim();
  if (value === '' || value.length > 48 || !/^[\x20-\x7e]+$/.test(value)) return null;
  const symbology = isValidEan13(value) ? 'ean13' : 'code128';
  let bars: { sbs: number[] } | undefined;
  try {
    bars = bwipjs().raw(symbology, value, '')[0] as { sbs: number[] } | undefined;
  } catch {
    return null;
  }
  if (!bars || !Array.isArray(bars.sbs)) return null;
  const row: boolean[] = new Array<boolean>(QUIET_MODULES * MODULE_PX).fill(false);
  bars.sbs.forEach((modules, i) => {
    const black = i % 2 === 0; // bar, space, bar, …
    for (let p = 0; p < modules * MODULE_PX; p += 1) row.push(black);
  });
  for (let p = 0; p < QUIET_MODULES * MODULE_PX; p += 1) row.push(false);
  return { png: encodeStripedPng(row, HEIGHT_PX), width: row.length, height: HEIGHT_PX, symbology };
}
