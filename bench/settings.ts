/**
 * How much the bench measures: the full run (issue 19's goals, 15 to 30
 * minutes on this 2-core machine, as busy as it is) or `BENCH_QUICK=1` (every section, tiny, in
 * about a minute: for iterating, not for judging). `BENCH_ONLY=floor,cold`
 * runs some sections alone, `BENCH_SIZES=10000` only the corpora of those sizes. Sections are named after issue 11's goals, plus
 * `hotpath`, the profile of warm requests behind goal 1, and `language`, the
 * language detectors compared (bench/language.ts).
 */
export const SECTIONS = ["floor", "cold", "render", "load", "memory", "scale", "hotpath", "language"] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface Settings {
  quick: boolean;
  sections: readonly SectionName[];
  /** Goal 2: rounds of h2load runs per route and status (wirefeed, the floor and its A/A copy in turn), each run about `runSeconds` long. */
  floor: { sizes: number[]; rounds: number; runSeconds: number; connections: number };
  /** Goal 2: fresh processes per figure (workerd for time to first byte, Node for the steps). */
  cold: { sizes: number[]; runs: number };
  /** Goal 3: the warm renderers, timed for `warmMs` after as long again of warm-up; beside them each first render, in `coldRuns` fresh processes. */
  render: { size: number; warmMs: number; coldRuns: number };
  /** Goal 3: open-loop runs of `seconds` at each load level, wirefeed, floor and control in turn, `rounds` times. */
  load: { sizes: number[]; rounds: number; seconds: number };
  /** Goal 5: a crawl of every route with FEED_ITEMS=100. */
  memory: { sizes: number[]; concurrency: number };
  /** Goal 6: build, bundle and startup at each size; 100,000 is the scale. */
  scale: { sizes: number[]; runs: number };
}

const FULL: Omit<Settings, "quick" | "sections"> = {
  floor: { sizes: [100, 10_000, 100_000], rounds: 8, runSeconds: 0.1, connections: 16 },
  cold: { sizes: [100, 10_000, 100_000], runs: 5 },
  render: { size: 100, warmMs: 400, coldRuns: 5 },
  load: { sizes: [100, 10_000], rounds: 2, seconds: 5 },
  memory: { sizes: [10_000, 100_000], concurrency: 8 },
  scale: { sizes: [100, 1_000, 10_000, 100_000], runs: 5 },
};

const QUICK: Omit<Settings, "quick" | "sections"> = {
  floor: { sizes: [100, 1_000], rounds: 2, runSeconds: 0.05, connections: 16 },
  cold: { sizes: [100, 1_000], runs: 2 },
  render: { size: 100, warmMs: 50, coldRuns: 2 },
  load: { sizes: [100], rounds: 1, seconds: 1 },
  memory: { sizes: [1_000], concurrency: 4 },
  scale: { sizes: [100, 1_000], runs: 2 },
};

/** The settings `env` asks for; an unknown section name is an error that lists the known ones. */
export function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const quick = env.BENCH_QUICK !== undefined && env.BENCH_QUICK !== "" && env.BENCH_QUICK !== "0";
  const only = (env.BENCH_ONLY ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "");
  for (const name of only) {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`BENCH_ONLY names "${name}", expected some of ${SECTIONS.join(", ")} (comma-separated)`);
  }
  const sections = only.length === 0 ? SECTIONS : SECTIONS.filter((name) => only.includes(name));
  const base = quick ? QUICK : FULL;
  const sizes = (env.BENCH_SIZES ?? "").split(",").map((size) => size.trim()).filter((size) => size !== "");
  for (const size of sizes) if (!/^[1-9]\d*$/.test(size)) throw new Error(`BENCH_SIZES names "${size}", expected corpus sizes such as 100,10000 (comma-separated)`);
  if (sizes.length === 0) return { quick, sections, ...base };
  // Only the corpus sizes named: for iterating on one scale (a section with none of them keeps its own).
  const keep = (own: number[]) => (own.some((size) => sizes.includes(String(size))) ? own.filter((size) => sizes.includes(String(size))) : own);
  return {
    quick,
    sections,
    ...base,
    floor: { ...base.floor, sizes: keep(base.floor.sizes) },
    cold: { ...base.cold, sizes: keep(base.cold.sizes) },
    load: { ...base.load, sizes: keep(base.load.sizes) },
    memory: { ...base.memory, sizes: keep(base.memory.sizes) },
    scale: { ...base.scale, sizes: keep(base.scale.sizes) },
  };
}

/**
 * Issue 11 sets goals at 100 articles, at 10,000 and at 100,000; a quick run's
 * smaller corpora are judged by the goal of the next size up.
 */
export function scaleOf(size: number): "small" | "large" | "huge" {
  return size <= 100 ? "small" : size <= 10_000 ? "large" : "huge";
}
