/** A byte budget: what the entries of an LruMap may weigh together, as `sizeOf` counts it. */
export interface ByteBudget<V> {
  bytes: number;
  sizeOf: (value: V) => number;
}

/**
 * A Map that forgets its least recently used entries beyond `capacity`
 * entries and, when given a budget, beyond `budget.bytes` in all. An entry
 * heavier than the whole budget is not kept at all.
 */
export class LruMap<K, V> {
  private readonly map = new Map<K, { value: V; size: number }>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly budget?: ByteBudget<V>,
  ) {}

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const size = this.budget?.sizeOf(value) ?? 0;
    if (this.budget !== undefined && size > this.budget.bytes) return;
    this.map.set(key, { value, size });
    this.total += size;
    while (this.map.size > this.capacity || (this.budget !== undefined && this.total > this.budget.bytes)) {
      this.delete(this.map.keys().next().value as K);
    }
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

  /** What the entries weigh together, by the budget's `sizeOf` (0 without a budget). */
  get bytes(): number {
    return this.total;
  }
}
