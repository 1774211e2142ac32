/**
 * The lines of UTF-8 text that hold something besides spaces, tabs and the delimiter: the rows of
 * a CSV file for "x of y rows", counted without parsing (a byte scan is some 50 times cheaper than
 * a second pass of csv-parse). Exact for a file without line breaks inside quotes; a field on two
 * lines counts twice, so the figure may be slightly high — the import's result has the exact one.
 */
export function countFilledLines(chunks: Iterable<Buffer>, delimiter: string): number {
  const SPACE = 0x20;
  const TAB = 0x09;
  const LF = 0x0a;
  const CR = 0x0d;
  const separator = delimiter.charCodeAt(0);
  let lines = 0;
  let filled = false;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      if (byte === LF || byte === CR) {
        if (filled) lines += 1;
        filled = false;
      } else if (!filled && byte !== SPACE && byte !== TAB && byte !== separator) filled = true;
    }
  }
  return filled ? lines + 1 : lines;
}
