/**
 * Goal 6: what grows with the corpus. Build time, bundle size, startup and
 * the first request at each size, goal 6's targets at the largest, and the
 * largest corpus one Worker holds, extrapolated from the two largest sizes
 * measured (every figure here grows about linearly with the articles).
 */
import { coldRuns, SITE_FEEDS, type ColdRuns } from "./cold";
import type { Lab } from "./lab";
import { heapBytes, memoryRun, type MemoryResult } from "./memory";
import { lineChart } from "./charts";
import { count, mib, MiB, ms, spread, table, type Chart, type SectionReport } from "./report";
import { summarise, type Summary } from "./stats";

const BUILD_GOAL_MS = 60_000;
const STARTUP_GOAL_MS = 100;
/** Issue 19's goal 7: the site feeds' first request over the bare Worker's, in every run. */
const FIRST_REQUEST_GOAL_MS = 2;
/** Cloudflare's limits (ARCHITECTURE.md, and Workers' limits page): Worker size, startup, memory per isolate, static asset files per version (Free plan; Paid: 100,000). */
const LIMITS = { bundle: 64 * MiB, startupMs: 1_000, memory: 128e6, assetFiles: 20_000 };

interface Point {
  size: number;
  bundleBytes: number;
  archiveFiles: number;
  buildMs: number;
  /** Startup per run (wirefeed ready − empty Worker ready), and its CPU-time reading. */
  startup: Summary;
  startupCpu: Summary;
  /** Per run, the slowest site feed's first request over the bare Worker's. */
  firstRequest: Summary;
}

/** Per run, the slowest site feed's first request minus the bare Worker's. */
function siteFeedsOverFloor(cold: ColdRuns): Summary {
  const feeds = SITE_FEEDS.map((kind) => cold.ttfb.get(kind)!);
  return summarise(feeds[0]!.wirefeed.map((_, run) => Math.max(...feeds.map((t) => t.wirefeed[run]! - t.floor[run]!))));
}

/**
 * Where the line through `a` and `b` (articles, figure) reaches `limit`, in
 * articles; `past` when the smaller size is already past it.
 */
function reach(a: [number, number], b: [number, number], limit: number): { articles: number; past: boolean } {
  if (a[1] >= limit) return { articles: a[0], past: true };
  const slope = (b[1] - a[1]) / (b[0] - a[0]);
  return { articles: slope <= 0 ? Infinity : b[0] + (limit - b[1]) / slope, past: false };
}

export async function scaleSection(lab: Lab): Promise<SectionReport> {
  const { sizes, runs } = lab.settings.scale;
  const rows: string[][] = [];
  const points: Point[] = [];
  for (const size of sizes) {
    const corpus = lab.corpus(size);
    const cold = await coldRuns(lab, size, runs);
    const point: Point = {
      size,
      bundleBytes: corpus.bundleBytes,
      archiveFiles: corpus.archive.files,
      buildMs: corpus.build.wallMs,
      startup: summarise(cold.startup.wallMs),
      startupCpu: summarise(cold.startup.cpuMs),
      firstRequest: siteFeedsOverFloor(cold),
    };
    points.push(point);
    rows.push([
      count(size),
      `${mib(corpus.seedsBytes)}`,
      `${ms(corpus.build.wallMs)} (CPU ${ms(corpus.build.cpuMs)})`,
      `${mib(corpus.bundleBytes)} / ${mib(corpus.bundleGzipBytes)}`,
      corpus.archive.files === 0 ? "–" : `${mib(corpus.archive.bytes)} in ${count(corpus.archive.files)} files`,
      ((corpus.bundleBytes + corpus.archive.bytes) / corpus.seedsBytes).toFixed(2),
      `${spread(point.startup, 1, " ms")} (${ms(summarise(cold.startup.wirefeedMs).median)} − ${ms(summarise(cold.startup.emptyMs).median)})`,
      spread(point.startupCpu, 1, " ms"),
      spread(point.firstRequest, 2, " ms"),
    ]);
  }
  const largest = points.at(-1)!;
  const corpus = lab.corpus(largest.size);
  const at = `${count(largest.size)} articles`;
  const verdicts: SectionReport["verdicts"] = [
    { goal: "scale: build", measure: `${at}: \`scripts/build.ts\`, wall (CPU)`, wirefeed: `${ms(corpus.build.wallMs)} (${ms(corpus.build.cpuMs)})`, reference: "–", target: `≤ ${BUILD_GOAL_MS / 1000} s`, met: corpus.build.wallMs <= BUILD_GOAL_MS },
    { goal: "scale: bundle", measure: `${at}: every module wrangler uploads, raw (gzip)`, wirefeed: `${mib(corpus.bundleBytes)} (${mib(corpus.bundleGzipBytes)})`, reference: "–", target: "≤ 64 MiB (Worker limit)", met: corpus.bundleBytes <= LIMITS.bundle },
    {
      goal: "7 startup that holds",
      measure: `${at}: workerd ready − empty Worker ready, per run of ${largest.startup.count}: median (range); judged on the slowest run`,
      wirefeed: `${spread(largest.startup, 1, " ms")}; CPU time ${spread(largest.startupCpu, 1, " ms")}`,
      reference: "empty Worker",
      target: `≤ ${STARTUP_GOAL_MS} ms every run (limit 1 s)`,
      met: largest.startup.max <= STARTUP_GOAL_MS,
    },
    {
      goal: "7 first request that holds",
      measure: `${at}: the slowest site feed's first request − the bare Worker's, per run of ${largest.firstRequest.count}: median (range); judged on the slowest run`,
      wirefeed: spread(largest.firstRequest, 2, " ms"),
      reference: "bare Worker's first request",
      target: `≤ ${FIRST_REQUEST_GOAL_MS} ms every run`,
      met: largest.firstRequest.max <= FIRST_REQUEST_GOAL_MS,
    },
  ];

  const bounds: string[][] = [];
  let fits = { articles: Infinity, past: false, limit: "" };
  if (points.length >= 2) {
    const [a, b] = points.slice(-2) as [Point, Point];
    const bound = (what: string, limit: string, reached: { articles: number; past: boolean }, from: string) => {
      if (reached.articles < fits.articles) fits = { ...reached, limit: what };
      const at = reached.past ? `already past at ${count(reached.articles)}` : Number.isFinite(reached.articles) ? `≈ ${count(Math.floor(reached.articles / 1000) * 1000)}` : "no bound";
      bounds.push([what, limit, at, from]);
    };
    const between = `${count(a.size)} and ${count(b.size)} articles`;
    bound("bundle size", "64 MiB", reach([a.size, a.bundleBytes], [b.size, b.bundleBytes], LIMITS.bundle), `bundle sizes at ${between}`);
    bound("startup", "1 s", reach([a.size, a.startup.median], [b.size, b.startup.median], LIMITS.startupMs), `startup at ${between}`);
    bound("static asset files (archived blocks)", "20,000 a version (Free; Paid 100,000)", reach([a.size, a.archiveFiles], [b.size, b.archiveFiles], LIMITS.assetFiles), `archived blocks at ${between}`);
    const memorySizes = lab.settings.memory.sizes.filter((size) => lab.has(`memory ${size}`));
    if (memorySizes.length >= 2) {
      // Already measured by the memory section: memoryRun returns the same figures.
      const [m1, m2] = (await Promise.all(memorySizes.slice(-2).map((size) => memoryRun(lab, size)))) as [MemoryResult, MemoryResult];
      // What the isolate keeps, as goal 5 is judged: V8 collects the rest when it needs the room.
      bound("isolate memory (heap kept after a crawl)", "128 MB", reach([m1.size, heapBytes(m1.afterGc)], [m2.size, heapBytes(m2.afterGc)], LIMITS.memory), `the crawls at ${count(m1.size)} and ${count(m2.size)} articles (goal 5)`);
    }
  }
  const details = `Per corpus size: the generated seeds' raw size; \`tsx scripts/build.ts\` on them (wall time, and the CPU time of the build's processes, which other work on the machine inflates less); every module \`wrangler deploy --dry-run --outdir\` writes (\`index.js\`, the article pack's Data module and the prerendered documents'), raw and each gzipped, which is what the Worker size limit counts; the archived article blocks and the stored documents (section and tag feeds, the sitemap or its parts, the pages listing the feeds) the build wrote for wrangler.toml's [assets] (uploaded beside the Worker, read through its ARCHIVE binding; the bench serves the folder to workerd as a disk service), and the bundle and archive together over the seeds; startup as workerd's spawn-to-listening time for wirefeed minus an empty Worker's that carries the same Data modules without importing them (workerd evaluates a Worker's global scope before it listens; the empty Worker's load of the same bytes takes out what workerd spends reading the capnp config's \`embed\`s, about 330 ms of CPU for the 17 MiB pack here, which Cloudflare's upload path does not pay on each start): per run of the first-request section, the median of that run's wirefeed processes (one per route kind) minus the median of the empty Worker started at its start and end, then the median and range over the runs, in wall time and in workerd's CPU time until listening; and, per run, the slowest site feed's first request minus the bare Worker's (goal 4's runs), median and range over the runs.

${table(["Articles", "Seeds", "Build", "Bundle raw / gzip", "Archive (assets)", "Bundle + archive ÷ seeds", "Startup (ready − empty)", "Startup, CPU time", "Site feeds' first request − bare Worker's"], rows)}

**The largest corpus one Worker holds**, extrapolated along the line through the two largest sizes measured (every figure above grows about linearly with the articles):

${bounds.length === 0 ? "(needs two sizes)" : table(["Limit", "Cloudflare", "Reached at", "From"], bounds)}

${
    fits.past
      ? `So **fewer than ${count(fits.articles)} articles** fit in one Worker as wirefeed stands: ${fits.limit} is the first limit reached.`
      : Number.isFinite(fits.articles)
        ? `So about **${count(Math.floor(fits.articles / 1000) * 1000)} articles** fit in one Worker on this corpus (median article ${corpus.medianSeedBytes} bytes of seed text), ${fits.limit} being the first limit reached; longer copy lowers it in proportion.`
        : ""
  }

**How it scales.** What grows is the article pack, and most of it is archive: text that never changes once published. The bundle keeps what every request reads (the index of slugs, sections, tags and dates, about 130 bytes an article), the newest blocks (what the feeds and home page show) and further deflated blocks up to 4 MiB; the build writes older blocks as files named by their content's hash (src/content/article-pack.ts), which wrangler uploads as static assets beside the Worker, only those it does not have yet (a block counts from the oldest article, so a full one never changes). The Worker fetches a block through its ARCHIVE binding the first time an old article or archive page is asked for, and keeps it within the blocks' byte budget. Past the Free plan's 20,000 files (about 640,000 articles at 32 a block), the Paid plan takes 100,000; beyond that, larger blocks (\`WIREFEED_BLOCK_ARTICLES\`), and splitting the site across Workers by section (routes such as \`/sections/sports/*\`) multiplies every limit by the number of Workers, at the price of one feed list per Worker.`;
  return { verdicts, details, charts: await scaleCharts(points) };
}

/** Cost against corpus size: build time, bundle, startup and the site feeds' first request (with their spread over runs). */
async function scaleCharts(points: readonly Point[]): Promise<Chart[]> {
  const line = (name: string, alt: string, yTitle: string, yUnit: string, y: (p: Point) => { y: number; low?: number; high?: number }, yLog = false) =>
    lineChart({ title: alt, xTitle: "articles", yTitle, yUnit, xLog: true, yLog, series: [{ name: "wirefeed", points: points.map((p) => ({ x: p.size, ...y(p) })) }] }).then((svg) => ({ name, alt, svg }));
  const ranged = (s: Summary) => ({ y: s.median, low: s.min, high: s.max });
  return Promise.all([
    line("scale-build.svg", "Build time against corpus size", "build time, wall", "ms", (p) => ({ y: p.buildMs }), true),
    line("scale-bundle.svg", "Bundle size against corpus size", "bundle, raw", "MiB", (p) => ({ y: p.bundleBytes / MiB }), true),
    line("scale-startup.svg", "Startup against corpus size: median and range over runs", "ready − empty Worker's ready", "ms", (p) => ranged(p.startup)),
    line("scale-first-request.svg", "Site feeds' first request over the bare Worker's against corpus size: median and range over runs", "slowest site feed − bare Worker", "ms", (p) => ranged(p.firstRequest)),
  ]);
}
