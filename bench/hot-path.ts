/**
 * Where a warm request's time goes: V8's CPU profile of the isolate while
 * h2load sends the same request many times, for wirefeed and for the floor,
 * added up by step (bench/profile.ts) and divided by the requests. Not a
 * goal of its own: the breakdown behind goal 1's ratios, for whoever
 * optimises them.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runH2load } from "./h2load";
import { GZIP, HOST } from "./http-client";
import { Inspector } from "./inspector";
import type { Lab } from "./lab";
import { bundleFiles, breakdown, CATEGORIES, hottest, total } from "./profile";
import { count, table, type SectionReport } from "./report";
import { floorWorker, serve, wirefeedWorker } from "./servers";

const SAMPLING_MICROS = 100;
/** Functions listed per request: enough to see where an optimisation would start. */
const HOTTEST = 6;
/** The requests pollers and crawlers make most. */
const CASES = [
  { kind: "site RSS", status: 304 },
  { kind: "site RSS", status: 200 },
  { kind: "negotiated feed", status: 304 },
  { kind: "article page", status: 304 },
  { kind: "not found", status: 404 },
] as const;

export async function hotPathSection(lab: Lab): Promise<SectionReport> {
  const size = lab.settings.floor.sizes[0]!;
  const requests = lab.settings.quick ? 2_000 : 20_000;
  const routes = await lab.routes(size);
  const dir = lab.dir(size);
  const workers = { wirefeed: wirefeedWorker(lab.corpus(size)), floor: floorWorker(dir, routes) };
  const files = { wirefeed: bundleFiles(workers.wirefeed.modules[0]!.path), floor: bundleFiles(workers.floor.modules[0]!.path).map(() => "bench/floor-worker.ts") };
  const workerd = await serve(dir, "hot-path", [workers.wirefeed, workers.floor], { inspector: true });
  const rows: string[][] = [];
  const hot: string[][] = [];
  try {
    for (const { kind, status } of CASES) {
      const route = routes.find((r) => r.kind === kind)!;
      const headers = { ...GZIP, ...(status === 304 ? { "If-None-Match": route.gzip.headers.etag! } : {}) };
      for (const side of ["wirefeed", "floor"] as const) {
        const run = (n: number) => runH2load({ url: `http://${HOST}:${workerd.ports[side]}${route.path}`, requests: n, connections: 16, headers }, status);
        run(1_000); // warm
        const inspector = await Inspector.connect(workerd.inspectorPort!, side);
        const profile = await inspector.profile(SAMPLING_MICROS, async () => run(requests));
        inspector.close();
        writeFileSync(join(dir, `hot-path-${side}-${status}-${kind.replace(/\W+/g, "-")}.cpuprofile`), JSON.stringify(profile));
        const steps = breakdown(profile, workers[side].modules[0]!.name, files[side]);
        const micros = (ms: number) => ((ms * 1000) / requests).toFixed(1);
        rows.push([`${status} ${kind}`, side === "floor" ? "bare Worker" : side, ...CATEGORIES.map((category) => micros(steps[category]!)), micros(total(steps))]);
        if (side === "wirefeed") {
          const functions = hottest(profile, workers.wirefeed.modules[0]!.name, files.wirefeed, HOTTEST);
          hot.push([`${status} ${kind}`, functions.map((f) => `\`${f.name}\` (${f.file.replace(/^node_modules\//, "")}) ${micros(f.ms)}`).join(", ")]);
        }
      }
    }
  } finally {
    await workerd.stop();
  }
  lab.log("hot path profiled");
  const details = `The ${count(size)}-article corpus, warm: V8's CPU profile of each isolate (sampling every ${SAMPLING_MICROS} µs) while \`h2load -c16 -n ${count(requests)}\` sends one request over and over, accepting gzip; µs of isolate time per request, by step (as in goal 2; *native* is workerd outside JavaScript: HTTP parsing and writing, headers). The profiler's cost inflates every cell alike. Profiles: \`bench/out/workerd-${size}/hot-path-*.cpuprofile\`.

${table(["Request", "Worker", ...CATEGORIES, "total µs"], rows)}

wirefeed's functions that took the most time per request (µs, with the built-ins they called, such as \`new Response\` or \`Headers.get\`):

${table(["Request", "Hottest functions"], hot)}`;
  return { verdicts: [], details };
}
