/**
 * Issue 19's goal 4: every document's first request in a fresh isolate,
 * against a bare Worker's; and goal 7, startup, from the same processes.
 *
 * Time to first byte: each run starts, per route kind, a fresh `workerd
 * serve` for wirefeed and one for the floor (which holds the same bytes),
 * alternating which goes first, and sends each its first request, gzip
 * accepted. Every wirefeed process's spawn-to-listening time is a startup
 * sample; an empty Worker is started at each run's start and end.
 *
 * The work of that request: the same, with the inspector attached and V8's
 * CPU profiler sampling the isolate from just before the request until its
 * response ends; bench/profile.ts adds the samples up by source file into
 * steps. The profiler slows the isolate somewhat, so these figures err high.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { get, GZIP } from "./http-client";
import { Inspector } from "./inspector";
import type { Lab } from "./lab";
import { bundleFiles, breakdown, CATEGORIES, STEPS, total, type Breakdown } from "./profile";
import { count, met, ms, spread, table, type SectionReport } from "./report";
import type { CapturedRoute } from "./routes";
import { emptyWorker, floorWorker, serve, wirefeedWorker } from "./servers";
import { median, summarise, type Summary } from "./stats";
import type { WorkerSpec } from "./workerd";

/** The first request a new subscriber makes: the site's feeds, held to the tighter goal. */
export const SITE_FEEDS = ["site RSS", "site Atom", "site JSON Feed"];
/**
 * What else a fresh isolate is first asked for: pollers of section, tag and
 * archive feeds, readers following a link to an old story, crawlers (the
 * sitemap and its parts, OPML, /feeds) and the 404. A kind a corpus does not
 * have (a sitemap part, below 5,000 pages) is left out at that size.
 */
export const FIRST_KINDS = [...SITE_FEEDS, "section RSS", "tag RSS", "archive RSS", "archived article page", "sitemap", "sitemap part", "OPML", "feeds page", "not found"];
const SAMPLING_MICROS = 50;
const GOAL_MS = { siteFeeds: 2, other: 5 } as const;
/** Profiling is a breakdown for whoever optimises, not a goal: fewer runs than the timings. */
const PROFILED_RUNS = 3;

export interface ColdRuns {
  /** Per route kind: its path, and the first request's time to first byte, wirefeed's and the floor's, run by run. */
  ttfb: Map<string, { path: string; wirefeed: number[]; floor: number[] }>;
  /**
   * Startup per run: the median spawn-to-listening time of that run's
   * wirefeed processes minus its empty Workers' (wall), and the same in
   * workerd's CPU time until listening (what other processes do changes it less).
   */
  startup: { wallMs: number[]; cpuMs: number[]; wirefeedMs: number[]; emptyMs: number[] };
}

interface Sides {
  routes: CapturedRoute[];
  wirefeed: WorkerSpec;
  floor: WorkerSpec;
}

async function sides(lab: Lab, size: number): Promise<Sides> {
  const routes = (await lab.routes(size)).filter((route) => FIRST_KINDS.includes(route.kind));
  return { routes, wirefeed: wirefeedWorker(lab.corpus(size)), floor: floorWorker(join(lab.dir(size), "cold"), routes) };
}

/** Fresh processes at `size` articles (made once per run: the scale section reads startup from them too). */
export function coldRuns(lab: Lab, size: number, runs: number): Promise<ColdRuns> {
  return lab.once(`cold ${size}`, async () => {
    const { routes, ...workers } = await sides(lab, size);
    // Carrying wirefeed's data modules: startup is then what wirefeed's code costs, not what loading the bytes costs workerd.
    const empty = emptyWorker(join(lab.dir(size), "empty"), workers.wirefeed.modules.slice(1));
    const result: ColdRuns = { ttfb: new Map(routes.map((route) => [route.kind, { path: route.path, wirefeed: [], floor: [] }])), startup: { wallMs: [], cpuMs: [], wirefeedMs: [], emptyMs: [] } };
    const startEmpty = async (ready: number[], cpu: number[]) => {
      const workerd = await serve(lab.dir(size), "cold-empty", [empty]);
      ready.push(workerd.readyMs);
      cpu.push(workerd.readyCpuMs);
      await workerd.stop();
    };
    for (let run = 0; run < runs; run++) {
      const ready = { wirefeed: [] as number[], empty: [] as number[] };
      const cpu = { wirefeed: [] as number[], empty: [] as number[] };
      await startEmpty(ready.empty, cpu.empty);
      for (const route of routes) {
        const times = result.ttfb.get(route.kind)!;
        for (const side of run % 2 === 0 ? (["wirefeed", "floor"] as const) : (["floor", "wirefeed"] as const)) {
          const workerd = await serve(lab.dir(size), `cold-${side}`, [workers[side]]);
          const answer = await get(workerd.ports[side]!, route.path, GZIP);
          if (answer.status !== route.status) throw new Error(`cold: ${side} answered ${route.path} with ${answer.status}, expected ${route.status}`);
          times[side].push(answer.ttfbMs);
          if (side === "wirefeed") {
            ready.wirefeed.push(workerd.readyMs);
            cpu.wirefeed.push(workerd.readyCpuMs);
          }
          await workerd.stop();
        }
      }
      await startEmpty(ready.empty, cpu.empty);
      result.startup.wallMs.push(median(ready.wirefeed) - median(ready.empty));
      result.startup.cpuMs.push(median(cpu.wirefeed) - median(cpu.empty));
      result.startup.wirefeedMs.push(median(ready.wirefeed));
      result.startup.emptyMs.push(median(ready.empty));
    }
    lab.log(`cold ${size}: startup ${spread(summarise(result.startup.wallMs), 1, " ms")}; first request over the floor: ${[...result.ttfb].map(([kind, t]) => `${kind} ${ms(difference(t).median)}`).join(", ")}`);
    return result;
  });
}

/** wirefeed's time to first byte minus the floor's, run by run. */
export function difference(times: { wirefeed: number[]; floor: number[] }): Summary {
  return summarise(times.wirefeed.map((value, run) => value - times.floor[run]!));
}

/** The profiled work of each first request, per run, wirefeed's and the floor's. */
async function profiledRuns(lab: Lab, size: number, runs: number): Promise<Map<string, { path: string; wirefeed: Breakdown[]; floor: Breakdown[] }>> {
  const { routes, ...workers } = await sides(lab, size);
  const files = { wirefeed: bundleFiles(workers.wirefeed.modules[0]!.path), floor: bundleFiles(workers.floor.modules[0]!.path).map(() => "bench/floor-worker.ts") };
  const result = new Map(routes.map((route) => [route.kind, { path: route.path, wirefeed: [] as Breakdown[], floor: [] as Breakdown[] }]));
  for (let run = 0; run < runs; run++) {
    for (const route of routes) {
      const found = result.get(route.kind)!;
      for (const side of run % 2 === 0 ? (["wirefeed", "floor"] as const) : (["floor", "wirefeed"] as const)) {
        const workerd = await serve(lab.dir(size), `profile-${side}`, [workers[side]], { inspector: true });
        const inspector = await Inspector.connect(workerd.inspectorPort!, side);
        const profile = await inspector.profile(SAMPLING_MICROS, () => get(workerd.ports[side]!, route.path, GZIP));
        inspector.close();
        await workerd.stop();
        if (run === 0) writeFileSync(join(lab.dir(size), `first-request-${side}-${route.kind.replace(/\W+/g, "-")}.cpuprofile`), JSON.stringify(profile));
        found[side].push(breakdown(profile, workers[side].modules[0]!.name, files[side]));
      }
    }
  }
  return result;
}

export async function coldSection(lab: Lab): Promise<SectionReport> {
  const { sizes, runs } = lab.settings.cold;
  const ttfbRows: string[][] = [];
  const workRows: string[][] = [];
  const verdicts: SectionReport["verdicts"] = [];
  for (const size of sizes) {
    const cold = await coldRuns(lab, size, runs);
    const worst = { siteFeeds: { kind: "", difference: -Infinity }, other: { kind: "", difference: -Infinity } };
    for (const [kind, times] of cold.ttfb) {
      const diff = difference(times);
      const group = SITE_FEEDS.includes(kind) ? "siteFeeds" : "other";
      if (diff.median > worst[group].difference) worst[group] = { kind, difference: diff.median };
      ttfbRows.push([count(size), kind, `\`${times.path.length > 36 ? `${times.path.slice(0, 33)}…` : times.path}\``, ms(median(times.wirefeed)), ms(median(times.floor)), `${ms(diff.median)} (${ms(diff.min)} to ${ms(diff.max)})`, `≤ ${GOAL_MS[group]} ms`, met(diff.median <= GOAL_MS[group])]);
    }
    for (const group of ["siteFeeds", "other"] as const) {
      verdicts.push({
        goal: "4 every document's first request",
        measure: `${count(size)} articles: time to first byte in a fresh isolate, wirefeed − bare Worker, worst of ${group === "siteFeeds" ? `the ${SITE_FEEDS.length} site feeds` : `${cold.ttfb.size - SITE_FEEDS.length} other route kinds`} (median of ${runs} runs)`,
        wirefeed: `${ms(worst[group].difference)} (${worst[group].kind})`,
        reference: "bare Worker's first request",
        target: `≤ ${GOAL_MS[group]} ms`,
        met: worst[group].difference <= GOAL_MS[group],
      });
    }

    const profiled = await profiledRuns(lab, size, Math.min(runs, PROFILED_RUNS));
    for (const [kind, { wirefeed, floor }] of profiled) {
      const byCategory = CATEGORIES.map((category) => median(wirefeed.map((b) => b[category]!)));
      const work = median(wirefeed.map(total));
      const floorWork = median(floor.map(total));
      workRows.push([count(size), kind, ...byCategory.map(ms), ms(work), ms(floorWork), ms(work - floorWork)]);
    }
  }
  const details = `**Time to first byte** of the first request (from a client that accepts gzip) to a fresh \`workerd serve\` process on the server's core, wirefeed's bundle and the bare Worker holding the same bytes, alternating which starts first; median of ${runs} runs, the difference per run with its range. The site feeds are held to ${GOAL_MS.siteFeeds} ms over the bare Worker, every other kind to ${GOAL_MS.other} ms. At 100,000 articles the archive page and the archived article are in blocks outside the bundle: their first request includes reading one through the ARCHIVE binding (a disk service here, static assets on Cloudflare). Section and tag feeds, the sitemap (a small site's one urlset) or its parts, \`/feeds\` and OPML are files the build stored there: their first request reads one and renders nothing. Every wirefeed process has run the render warm-up and the rehearsal of a poll of the site feed while it started (in the startup figures of section 6).

${table(["Articles", "First request", "Path", "wirefeed", "bare Worker", "difference (range)", "Goal", "Met"], ttfbRows)}

**The work of that request**, inside the isolate: the same first request with workerd's inspector attached and V8's CPU profiler sampling every ${SAMPLING_MICROS} µs from just before the request until the response ended; each sample's time goes to the source file it ran in (built-ins such as \`JSON.parse\` or \`crypto.subtle.digest\` to their caller), grouped by step (\`bench/profile.ts\`): ${STEPS.map(({ step, shows }) => `*${step}*: ${shows}`).join("; ")}. Time waiting for the network is left out. Median of ${Math.min(runs, PROFILED_RUNS)} fresh processes per cell; the profiler's own cost makes these err high. *native* is time outside the Worker's JavaScript: HTTP, compiling code on first use, workerd calling into the isolate. Profiles of the first run are in \`bench/out/workerd-<size>/*.cpuprofile\` (open them in Chrome DevTools).

${table(["Articles", "First request", ...CATEGORIES, "wirefeed total", "bare Worker total", "difference"], workRows)}`;
  return { verdicts, details };
}
