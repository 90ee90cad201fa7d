import { describe, expect, it } from "vitest";
import { LruMap } from "../../src/lru-map";

describe("LruMap (the bound on per-isolate memory)", () => {
  it("forgets the least recently used entry past its capacity; reading an entry makes it recent", () => {
    const map = new LruMap<string, number>({ entries: 2 });
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1); // now b is the least recent
    map.set("c", 3);
    expect(map.get("b")).toBeUndefined();
    expect([map.get("a"), map.get("c")]).toEqual([1, 3]);
    map.delete("a");
    expect(map.get("a")).toBeUndefined();
  });

  it("holds to a byte budget: forgets the least recent until the rest fits, keeps nothing larger than all of it", () => {
    const map = new LruMap<string, string>({ bytes: 10, sizeOf: (value) => value.length });
    map.set("a", "xxxx");
    map.set("b", "yyyy");
    expect(map.get("a")).toBe("xxxx"); // now b is the least recent
    map.set("c", "zzzz");
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual(["xxxx", undefined, "zzzz"]);
    expect(map.bytes).toBe(8);
    map.set("a", "x"); // replacing an entry counts its new size only
    expect(map.bytes).toBe(5);
    map.set("huge", "h".repeat(11));
    expect(map.get("huge")).toBeUndefined();
    expect([map.size, map.bytes]).toEqual([2, 5]);
  });
});
