const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The lines of UTF-8 text that hold something besides spaces, tabs and the delimiter: the rows of
 * a CSV file for "x of y rows", counted without parsing (a byte scan is some 50 times cheaper than
 * a second pass of csv-parse). Exact for a file without line breaks inside quotes; a field on two
 * lines counts twice, so the figure may be slightly high — the import's result has the exact one.
 * Only a line's first bytes are looked at in JS; its end is found by Buffer#indexOf (memchr):
 * a loop over every byte took some 60–100 ms per 10 MB, a tenth of the import's worker.
 */
export function countFilledLines(chunks: Iterable<Buffer>, delimiter: string): number {
  const separator = delimiter.charCodeAt(0);
  let lines = 0;
  let filled = false;
  for (const chunk of chunks) {
    const end = chunk.length;
    // The next CR at or after the cursor (end when none): found once, not at every line.
    let nextCr = -1;
    let at = 0;
    while (at < end) {
      if (!filled) {
        let byte = chunk[at]!;
        while (byte === SPACE || byte === TAB || byte === separator) {
          at += 1;
          if (at === end) break;
          byte = chunk[at]!;
        }
        if (at === end) break;
        if (byte === LF || byte === CR) {
          at += 1;
          continue;
        }
        filled = true;
      }
      if (nextCr < at) {
        nextCr = chunk.indexOf(CR, at);
        if (nextCr < 0) nextCr = end;
      }
      let lf = chunk.indexOf(LF, at);
      if (lf < 0) lf = end;
      const lineEnd = Math.min(lf, nextCr);
      if (lineEnd === end) break;
      lines += 1;
      filled = false;
      at = lineEnd + 1;
    }
  }
  return filled ? lines + 1 : lines;
}
