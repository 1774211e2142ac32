/**
 * A small bounded cache with expiry for the hot public paths (signing keys, link targets), so a
 * pixel or click does not need a database round trip. Concurrent misses share one lookup.
 */
export class TtlCache<V> {
  private readonly entries = new Map<
    string,
    { value: Promise<V>; expires: number; settled?: { value: V } }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    /** A shorter life for "not found" answers, so something created later is seen soon. */
    private readonly missTtlMs: number = ttlMs,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && hit.expires > now) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    const entry: { value: Promise<V>; expires: number; settled?: { value: V } } = {
      value,
      expires: now + this.ttlMs,
    };
    this.entries.set(key, entry);
    value.then(
      (found) => {
        entry.settled = { value: found };
        if (found === null || found === undefined)
          entry.expires = Math.min(entry.expires, now + this.missTtlMs);
      },
      // A failed lookup is not remembered: the next request tries again.
      () => this.entries.delete(key),
    );
    return value;
  }

  /** The value at once when it is cached and loaded (no promise, for the hottest path), else undefined. */
  peek(key: string): { value: V } | undefined {
    const hit = this.entries.get(key);
    return hit?.settled && hit.expires > this.now() ? hit.settled : undefined;
  }

  deleteWhere(predicate: (key: string) => boolean): void {
    for (const key of this.entries.keys()) if (predicate(key)) this.entries.delete(key);
  }
}
