/**
 * The cells of one CSV line when it is plainly written: fields split by the delimiter, each either
 * without any quote or wholly quoted ("…", with "" for a quote inside) and closed on the same
 * line. Anything else (a quote inside unquoted text, text after a closing quote, a quoted field
 * that goes on past the line) gives null, and csv-parse reads the file from that line on, with
 * all its checks. For plain lines the result is exactly csv-parse's (test/unit/selections/
 * csvParser.test.ts compares them); it is only there because csv-parse takes longer for a
 * 100,000-row file than storing the rows does (docs/DEVELOPING.md, Imports).
 */
const QUOTE = 34;

export function splitPlainLine(line: string, delimiter: string): string[] | null {
  if (line.indexOf('"') === -1) return line.split(delimiter);
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (line.charCodeAt(at) === QUOTE) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote === -1) return null;
        if (line.charCodeAt(quote + 1) === QUOTE) {
          value += line.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += line.slice(from, quote);
        at = quote + 1;
        break;
      }
      cells.push(value);
      if (at === line.length) return cells;
      if (line[at] !== delimiter) return null;
      at += 1;
    } else {
      const next = line.indexOf(delimiter, at);
      const end = next === -1 ? line.length : next;
      const value = line.slice(at, end);
      if (value.indexOf('"') !== -1) return null;
      cells.push(value);
      if (next === -1) return cells;
      at = next + 1;
    }
  }
}
