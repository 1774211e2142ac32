/**
 * Excel for Mac saves "CSV" in Mac Roman, where the accented letters of Dutch names sit in
 * 0x80–0x9F (ë 0x91, é 0x8E, ü 0x9F). Read as Windows-1252 they became punctuation without a
 * word (Zo‘, RenŽ, MŸller). In Windows-1252 those bytes are punctuation (’ “ • – …) and the
 * letters sit in 0xC0–0xFF. So a file whose high bytes beside letters are mostly in 0x80–0x9F is
 * Mac Roman. The quotes ’ “ ” are left out (í ì î in Mac Roman): d’Hondt is Dutch, í is rare.
 * Only files that are not UTF-8 get here, and only their first megabyte is looked at.
 */
export function looksLikeMacRoman(bytes: Buffer): boolean {
  let mac = 0;
  let windows = 0;
  const end = Math.min(bytes.length - 1, 1 << 20);
  for (let i = 1; i < end; i += 1) {
    const byte = bytes[i]!;
    if (byte < 0x80) continue;
    const before = isLetter(bytes[i - 1]!);
    const after = isLetter(bytes[i + 1]!);
    if (byte <= 0x9f) {
      if ((before || after) && !WINDOWS_QUOTES.has(byte)) mac += 1;
    } else if (byte >= 0xc0 && (before || after)) windows += 1;
  }
  return mac >= 2 && mac > windows;
}

/** ’ “ ” in Windows-1252 (í ì î in Mac Roman): quotes stand beside letters in Dutch text. */
const WINDOWS_QUOTES = new Set([0x92, 0x93, 0x94]);

function isLetter(byte: number): boolean {
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}
