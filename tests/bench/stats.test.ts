import { describe, expect, it } from "vitest";
import { median, percentile, summarise } from "../../bench/stats";

describe("bench/stats.ts", () => {
  it("takes the nearest-rank percentile: p99.9 of 1,000 latencies is the slowest but one", () => {
    const latencies = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(latencies, 50)).toBe(500);
    expect(percentile(latencies, 99)).toBe(990);
    expect(percentile(latencies, 99.9)).toBe(999);
    expect(percentile([7], 99.9)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises runs as median and range", () => {
    expect(summarise([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10, count: 4 });
    expect(median([5, 1, 3])).toBe(3);
  });
});
