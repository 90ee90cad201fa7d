/**
 * Goal 2: a fresh isolate's first request, against a bare Worker's.
 *
 * Time to first byte: each run starts a fresh `workerd serve` for wirefeed and
 * one for the floor (which holds the same bytes), alternating which goes
 * first, and sends each its first request: a site feed, gzip accepted.
 *
 * The work of that request: the same, with the inspector attached and V8's
 * CPU profiler sampling the isolate from just before the request until its
 * response ends; bench/profile.ts adds the samples up by source file into
 * steps. workerd cannot time its own steps (its clocks stand still while
 * JavaScript runs), and the profile needs no copy of the Worker's pipeline.
 * The profiler slows the isolate somewhat, so these figures err high.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { get, GZIP } from "./http-client";
import { Inspector } from "./inspector";
import type { Lab } from "./lab";
import { bundleFiles, breakdown, CATEGORIES, STEPS, total, type Breakdown } from "./profile";
import { count, ms, table, type SectionReport } from "./report";
import { emptyWorker, floorWorker, serve, wirefeedWorker } from "./servers";
import { scaleOf } from "./settings";
import { median, summarise } from "./stats";
import type { WorkerSpec } from "./workerd";

/** The first request a new subscriber makes. */
export const FIRST_PATHS = ["/feed.xml", "/atom.xml", "/feed.json"];
const SAMPLING_MICROS = 50;
const TTFB_GOAL = { small: 2, large: 5 } as const;
const WORK_GOAL = { small: 2, large: 5 } as const;

export interface ColdRuns {
  /** Per path: first-request time to first byte, wirefeed's and the floor's, run by run. */
  ttfb: Record<string, { wirefeed: number[]; floor: number[] }>;
  /** Spawn to listening, per run: wirefeed, and an empty Worker (the difference is wirefeed's startup). */
  ready: { wirefeed: number[]; empty: number[] };
}

interface Sides {
  wirefeed: WorkerSpec;
  floor: WorkerSpec;
}

async function sides(lab: Lab, size: number): Promise<Sides> {
  const routes = await lab.routes(size);
  return {
    wirefeed: wirefeedWorker(lab.corpus(size)),
    floor: floorWorker(join(lab.dir(size), "cold"), routes.filter((route) => FIRST_PATHS.includes(route.path))),
  };
}

/** Fresh processes at `size` articles (made once per run: goal 6 reads startup from them too). */
export function coldRuns(lab: Lab, size: number, runs: number): Promise<ColdRuns> {
  return lab.once(`cold ${size}`, async () => {
    const workers = await sides(lab, size);
    const empty = emptyWorker(join(lab.dir(size), "empty"));
    const result: ColdRuns = { ttfb: {}, ready: { wirefeed: [], empty: [] } };
    for (let run = 0; run < runs; run++) {
      for (const path of FIRST_PATHS) {
        const times = (result.ttfb[path] ??= { wirefeed: [], floor: [] });
        for (const side of run % 2 === 0 ? (["wirefeed", "floor"] as const) : (["floor", "wirefeed"] as const)) {
          const workerd = await serve(lab.dir(size), `cold-${side}`, [workers[side]]);
          times[side].push((await get(workerd.ports[side]!, path, GZIP)).ttfbMs);
          if (side === "wirefeed") result.ready.wirefeed.push(workerd.readyMs);
          await workerd.stop();
        }
      }
      const workerd = await serve(lab.dir(size), "cold-empty", [empty]);
      result.ready.empty.push(workerd.readyMs);
      await workerd.stop();
    }
    lab.log(`cold ${size}: first request ${FIRST_PATHS.map((path) => `${path} ${ms(median(result.ttfb[path]!.wirefeed))} vs ${ms(median(result.ttfb[path]!.floor))}`).join(", ")}`);
    return result;
  });
}

/** The profiled work of each first request, per run, wirefeed's and the floor's. */
async function profiledRuns(lab: Lab, size: number, runs: number): Promise<Record<string, { wirefeed: Breakdown[]; floor: Breakdown[] }>> {
  const workers = await sides(lab, size);
  const files = { wirefeed: bundleFiles(workers.wirefeed.modules[0]!.path), floor: [] as string[] };
  files.floor = bundleFiles(workers.floor.modules[0]!.path).map(() => "bench/floor-worker.js");
  const result: Record<string, { wirefeed: Breakdown[]; floor: Breakdown[] }> = {};
  for (let run = 0; run < runs; run++) {
    for (const path of FIRST_PATHS) {
      const found = (result[path] ??= { wirefeed: [], floor: [] });
      for (const side of run % 2 === 0 ? (["wirefeed", "floor"] as const) : (["floor", "wirefeed"] as const)) {
        const workerd = await serve(lab.dir(size), `profile-${side}`, [workers[side]], { inspector: true });
        const inspector = await Inspector.connect(workerd.inspectorPort!, side);
        const profile = await inspector.profile(SAMPLING_MICROS, () => get(workerd.ports[side]!, path, GZIP));
        inspector.close();
        await workerd.stop();
        if (run === 0) writeFileSync(join(lab.dir(size), `first-request-${side}${path.replace(/[/.]/g, "-")}.cpuprofile`), JSON.stringify(profile));
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
    const scale = scaleOf(size);
    const cold = await coldRuns(lab, size, runs);
    let worstTtfb = { path: "", difference: -Infinity };
    for (const path of FIRST_PATHS) {
      const { wirefeed, floor } = cold.ttfb[path]!;
      const difference = summarise(wirefeed.map((value, run) => value - floor[run]!));
      if (difference.median > worstTtfb.difference) worstTtfb = { path, difference: difference.median };
      ttfbRows.push([count(size), path, ms(median(wirefeed)), ms(median(floor)), `${ms(difference.median)} (${ms(difference.min)} to ${ms(difference.max)})`]);
    }
    if (scale !== "huge") {
      verdicts.push({
        goal: "2 cold: time to first byte",
        measure: `${count(size)} articles: first request, wirefeed − bare Worker, worst of ${FIRST_PATHS.length} feeds (median of ${runs} runs)`,
        wirefeed: `${ms(worstTtfb.difference)} (${worstTtfb.path})`,
        reference: "bare Worker's cold first request",
        target: `≤ ${TTFB_GOAL[scale]} ms`,
        met: worstTtfb.difference <= TTFB_GOAL[scale],
      });
    }

    const profiled = await profiledRuns(lab, size, runs);
    let worstWork = { path: "", ms: -Infinity };
    for (const path of FIRST_PATHS) {
      const { wirefeed, floor } = profiled[path]!;
      const byCategory = CATEGORIES.map((category) => median(wirefeed.map((b) => b[category]!)));
      const work = median(wirefeed.map(total));
      const floorWork = median(floor.map(total));
      if (work - floorWork > worstWork.ms) worstWork = { path, ms: work - floorWork };
      workRows.push([count(size), path, ...byCategory.map(ms), ms(work), ms(floorWork), ms(work - floorWork)]);
    }
    lab.log(`cold ${size}: profiled work, worst ${worstWork.path} ${ms(worstWork.ms)} over the floor`);
    if (scale !== "huge") {
      verdicts.push({
        goal: "2 cold: work of the first request",
        measure: `${count(size)} articles: profiled isolate time, wirefeed − bare Worker, worst of ${FIRST_PATHS.length} feeds`,
        wirefeed: `${ms(worstWork.ms)} (${worstWork.path})`,
        reference: "bare Worker's first request, profiled alike",
        target: `≤ ${WORK_GOAL[scale]} ms`,
        met: worstWork.ms <= WORK_GOAL[scale],
      });
    }
  }
  const details = `**Time to first byte** of the first request (from a client that accepts gzip) to a fresh \`workerd serve\` process, wirefeed's bundle and the bare Worker holding the same bytes, alternating which starts first; median of ${runs} runs, the difference per run with its range.

${table(["Articles", "First request", "wirefeed", "bare Worker", "difference (range)"], ttfbRows)}

**The work of that request**, inside the isolate: the same first request with workerd's inspector attached and V8's CPU profiler sampling every ${SAMPLING_MICROS} µs from just before the request until the response ended; each sample's time goes to the source file it ran in (built-ins such as \`JSON.parse\` or \`crypto.subtle.digest\` to their caller), grouped by step (\`bench/profile.ts\`): ${STEPS.map(({ step, shows }) => `*${step}*: ${shows}`).join("; ")}. Time waiting for the network is left out. Median of ${runs} fresh processes per cell; the profiler's own cost makes these err high. *native* is time outside the Worker's JavaScript: HTTP, compiling code on first use, workerd calling into the isolate. Profiles of the first run are in \`bench/out/workerd-<size>/*.cpuprofile\` (open them in Chrome DevTools).

${table(["Articles", "First request", ...CATEGORIES, "wirefeed total", "bare Worker total", "difference"], workRows)}`;
  return { verdicts, details };
}
