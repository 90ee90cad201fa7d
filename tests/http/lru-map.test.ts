import { describe, expect, it } from "vitest";
import { LruMap } from "../../src/render/lru-map";

describe("LruMap (the bound on per-isolate memory)", () => {
  it("forgets the least recently used entry past its capacity; reading an entry makes it recent", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1); // now b is the least recent
    map.set("c", 3);
    expect(map.get("b")).toBeUndefined();
    expect([map.get("a"), map.get("c")]).toEqual([1, 3]);
    map.delete("a");
    expect(map.get("a")).toBeUndefined();
  });
});
