/**
 * Normalized address → the row it first appeared in, for a whole file: two 32-bit hashes and the
 * row in typed arrays (12 bytes a slot, open addressing) instead of a Map of 100,000 strings.
 * Those strings would also be slices of the file's text and keep all of it alive. Equal hashes
 * are confirmed by the caller (`same`): the import compares the staged address.
 */
export class FirstRows {
  private mask: number;
  private first: Int32Array;
  private second: Int32Array;
  private rows: Int32Array;
  private size = 0;

  constructor(capacity = 1 << 14) {
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  /** The first row of this address; or undefined, after noting `row` (≥ 1) as its first. */
  firstOrAdd(
    address: string,
    row: number,
    same: (firstRow: number, address: string) => boolean,
  ): number | undefined {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < address.length; i += 1) {
      const c = address.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    for (let at = a & this.mask; ; at = (at + 1) & this.mask) {
      const found = this.rows[at]!;
      if (found === 0) {
        this.put(at, a, b, row);
        return undefined;
      }
      if (this.first[at] === a && this.second[at] === b && same(found, address)) return found;
    }
  }

  private put(at: number, a: number, b: number, row: number): void {
    this.first[at] = a;
    this.second[at] = b;
    this.rows[at] = row;
    this.size += 1;
    if (this.size * 2 > this.rows.length) this.grow();
  }

  private grow(): void {
    const { first, second, rows } = this;
    this.mask = rows.length * 2 - 1;
    this.first = new Int32Array(rows.length * 2);
    this.second = new Int32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    this.size = 0;
    for (let i = 0; i < rows.length; i += 1) {
      if (rows[i] === 0) continue;
      let at = first[i]! & this.mask;
      while (this.rows[at] !== 0) at = (at + 1) & this.mask;
      this.put(at, first[i]!, second[i]!, rows[i]!);
    }
  }
}
