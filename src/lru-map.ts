/**
 * How much an LruMap keeps: at most `entries` entries and, with `sizeOf`, at
 * most `bytes` as it counts them.
 */
export type LruLimits<V> = { entries: number } | { bytes: number; sizeOf: (value: V) => number };

/**
 * A Map that forgets its least recently used entries beyond its limits. An
 * entry heavier than the whole byte budget is not kept at all.
 */
export class LruMap<K, V> {
  private readonly map = new Map<K, { value: V; size: number }>();
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
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const size = this.sizeOf?.(value) ?? 0;
    if (size > this.budget) return;
    this.map.set(key, { value, size });
    this.total += size;
    while (this.map.size > this.entries || this.total > this.budget) this.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    const entry = this.map.get(key);
    if (entry === undefined) return;
    this.map.delete(key);
    this.total -= entry.size;
  }

  get size(): number {
    return this.map.size;
  }

  /** What the entries weigh together, by `sizeOf` (0 without it). */
  get bytes(): number {
    return this.total;
  }
}
