/**
 * How much an LruMap keeps: at most `entries` entries and, with `sizeOf`, at
 * most `bytes` as it counts them.
 */
export type LruLimits<V> = { entries: number } | { bytes: number; sizeOf: (value: V) => number };

interface Entry<K, V> {
  key: K;
  value: V;
  size: number;
  /** The neighbours in order of use: `older` toward the entry forgotten next. */
  older: Entry<K, V> | undefined;
  newer: Entry<K, V> | undefined;
}

/**
 * A Map that forgets its least recently used entries beyond its limits. An
 * entry heavier than the whole byte budget is not kept at all.
 *
 * The entries are also linked in order of use, so a read that makes one the
 * most recent only relinks it. (Deleting and re-adding the key, to use the
 * Map's own order, is several times dearer: renderers read a few of these
 * caches once per feed item.)
 */
export class LruMap<K, V> {
  private readonly map = new Map<K, Entry<K, V>>();
  private oldest: Entry<K, V> | undefined;
  private newest: Entry<K, V> | undefined;
  private total = 0;
  private readonly entries: number;
  private readonly budget: number;
  private readonly sizeOf: ((value: V) => number) | undefined;

  constructor(limits: LruLimits<V>) {
    this.entries = "entries" in limits ? limits.entries : Number.POSITIVE_INFINITY;
    this.budget = "bytes" in limits ? limits.bytes : Number.POSITIVE_INFINITY;
    this.sizeOf = "sizeOf" in limits ? limits.sizeOf : undefined;
  }

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    if (entry !== this.newest) {
      this.unlink(entry);
      this.append(entry);
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const size = this.sizeOf?.(value) ?? 0;
    if (size > this.budget) return;
    const entry: Entry<K, V> = { key, value, size, older: undefined, newer: undefined };
    this.map.set(key, entry);
    this.append(entry);
    this.total += size;
    while (this.map.size > this.entries || this.total > this.budget) this.delete(this.oldest!.key);
  }

  delete(key: K): void {
    const entry = this.map.get(key);
    if (entry === undefined) return;
    this.map.delete(key);
    this.unlink(entry);
    this.total -= entry.size;
  }

  get size(): number {
    return this.map.size;
  }

  /** What the entries weigh together, by `sizeOf` (0 without it). */
  get bytes(): number {
    return this.total;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.older === undefined) this.oldest = entry.newer;
    else entry.older.newer = entry.newer;
    if (entry.newer === undefined) this.newest = entry.older;
    else entry.newer.older = entry.older;
    entry.older = entry.newer = undefined;
  }

  /** Makes `entry` the most recent. */
  private append(entry: Entry<K, V>): void {
    entry.older = this.newest;
    if (this.newest === undefined) this.oldest = entry;
    else this.newest.newer = entry;
    this.newest = entry;
  }
}
