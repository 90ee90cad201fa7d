import { describe, expect, it } from "vitest";
import { SECTIONS, settingsFrom } from "../../bench/settings";

describe("bench/settings.ts", () => {
  it("runs every section at full size by default", () => {
    const settings = settingsFrom({});
    expect(settings.quick).toBe(false);
    expect(settings.sections).toEqual(SECTIONS);
    expect(settings.floor.sizes).toEqual([100, 10_000, 100_000]);
    expect(settings.memory.sizes).toEqual([10_000, 100_000]);
  });

  it("BENCH_QUICK=1 runs every section on small corpora", () => {
    const settings = settingsFrom({ BENCH_QUICK: "1" });
    expect(settings.sections).toEqual(SECTIONS);
    expect(Math.max(...settings.floor.sizes, ...settings.cold.sizes, ...settings.memory.sizes, ...settings.scale.sizes)).toBeLessThanOrEqual(1_000);
  });

  it("BENCH_ONLY runs the sections it names, in the bench's order", () => {
    expect(settingsFrom({ BENCH_ONLY: "memory, cold" }).sections).toEqual(["cold", "memory"]);
  });

  it("BENCH_SIZES keeps only the corpus sizes it names, where a section has them", () => {
    const settings = settingsFrom({ BENCH_SIZES: "10000" });
    expect(settings.memory.sizes).toEqual([10_000]);
    expect(settings.floor.sizes).toEqual([10_000]);
    expect(settings.render.size).toBe(100);
    expect(() => settingsFrom({ BENCH_SIZES: "ten" })).toThrow('BENCH_SIZES names "ten"');
  });

  it("BENCH_ONLY with an unknown name says which, and what there is", () => {
    expect(() => settingsFrom({ BENCH_ONLY: "cold,speed" })).toThrow(`BENCH_ONLY names "speed", expected some of ${SECTIONS.join(", ")}`);
  });
});
