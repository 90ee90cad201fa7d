/**
 * Goal 1 (and 6's floor ratios): every route, 200 and 304, against the floor.
 * wirefeed and the floor Worker run warm in one `workerd serve` process; for
 * each route and status, h2load runs the same number of requests on each,
 * in pairs whose order alternates, so drift on a shared machine favours
 * neither. The ratio is wirefeed's req/s over the floor's, per pair.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runH2load } from "./h2load";
import { GZIP, HOST } from "./http-client";
import type { Lab } from "./lab";
import { count, table, type SectionReport } from "./report";
import type { CapturedRoute } from "./routes";
import { floorWorker, serve, wirefeedWorker } from "./servers";
import { scaleOf } from "./settings";
import { median, summarise, type Summary } from "./stats";

const GOAL = 0.95;

export interface FloorMeasure {
  kind: string;
  path: string;
  status: number;
  requestsPerRun: number;
  /** wirefeed's req/s over the floor's, per pair. */
  ratio: Summary;
  /** The floor's CPU time per request over wirefeed's, per pair: the same ratio, as the process's CPU time sees it. */
  cpuRatio: Summary;
  wirefeedRps: number;
  floorRps: number;
  errors: number;
}

/** The floor ratios of every route at `size` articles. */
export async function measureFloor(lab: Lab, size: number): Promise<FloorMeasure[]> {
  const { pairs, runSeconds, connections } = lab.settings.floor;
  const routes = await lab.routes(size);
  const dir = lab.dir(size);
  const workerd = await serve(dir, "floor", [wirefeedWorker(lab.corpus(size)), floorWorker(dir, routes)]);
  const ports = { wirefeed: workerd.ports.wirefeed!, floor: workerd.ports.floor! };
  const measures: FloorMeasure[] = [];
  try {
    for (const route of routes) {
      for (const status of statuses(route)) {
        const headers: Record<string, string> = { ...GZIP, ...(status === 304 ? { "If-None-Match": route.gzip.headers.etag! } : {}) };
        const run = (side: "wirefeed" | "floor", requests: number) => {
          const cpuBefore = workerd.cpuNanos();
          const result = runH2load({ url: `http://${HOST}:${ports[side]}${route.path}`, requests, connections, headers }, status);
          return { ...result, cpuPerRequest: (workerd.cpuNanos() - cpuBefore) / requests };
        };
        // Warm-up, and a rate to size the runs by: about runSeconds each.
        const probe = (run("wirefeed", 500).requestsPerSecond + run("floor", 500).requestsPerSecond) / 2;
        const requests = Math.max(connections * 20, Math.round(probe * runSeconds));
        const ratios: number[] = [];
        const cpuRatios: number[] = [];
        const rates = { wirefeed: [] as number[], floor: [] as number[] };
        let errors = 0;
        for (let pair = 0; pair < pairs; pair++) {
          const order = pair % 2 === 0 ? (["wirefeed", "floor"] as const) : (["floor", "wirefeed"] as const);
          const rate = { wirefeed: 0, floor: 0 };
          const cpu = { wirefeed: 0, floor: 0 };
          for (const side of order) {
            const { requestsPerSecond, errors: failed, cpuPerRequest } = run(side, requests);
            rate[side] = requestsPerSecond;
            cpu[side] = cpuPerRequest;
            rates[side].push(requestsPerSecond);
            errors += failed;
          }
          ratios.push(rate.wirefeed / rate.floor);
          cpuRatios.push(cpu.floor / cpu.wirefeed);
        }
        const measure = { kind: route.kind, path: route.path, status, requestsPerRun: requests, ratio: summarise(ratios), cpuRatio: summarise(cpuRatios), wirefeedRps: median(rates.wirefeed), floorRps: median(rates.floor), errors };
        measures.push(measure);
        lab.log(`floor ${size}: ${status} ${route.kind} ${route.path}: ${measure.wirefeedRps.toFixed(0)} vs ${measure.floorRps.toFixed(0)} req/s, ratio ${measure.ratio.median.toFixed(2)}, CPU ratio ${measure.cpuRatio.median.toFixed(2)}`);
      }
    }
  } finally {
    await workerd.stop();
  }
  writeFileSync(join(dir, "floor.json"), JSON.stringify(measures, null, 2));
  return measures;
}

/** The statuses a route is measured at: its own, and 304 when it has an ETag to revalidate. */
function statuses(route: CapturedRoute): number[] {
  return route.gzip.headers.etag === undefined ? [route.status] : [route.status, 304];
}

/** Goal 1 at up to 10,000 articles; at 100,000 the same figures are goal 6's. */
export async function floorSection(lab: Lab): Promise<SectionReport> {
  const bySize = new Map<number, FloorMeasure[]>();
  for (const size of lab.settings.floor.sizes) bySize.set(size, await measureFloor(lab, size));
  const sizes = [...bySize.keys()];
  const first = bySize.get(sizes[0]!)!;
  const columns = sizes.flatMap((size) => [`${count(size)}: 200`, `${count(size)}: 304`]);
  const rows = [...new Set(first.map((m) => m.path))].map((path) => {
    const kind = first.find((m) => m.path === path)!.kind;
    const cells = sizes.flatMap((size) => {
      const measures = bySize.get(size)!;
      // Paths differ between corpora (article slugs, sections): match by kind.
      const cell = (ok: (status: number) => boolean) => {
        const m = measures.find((x) => x.kind === kind && ok(x.status));
        return m === undefined ? "–" : `${m.ratio.median.toFixed(2)} (${m.ratio.min.toFixed(2)}–${m.ratio.max.toFixed(2)}) · ${m.cpuRatio.median.toFixed(2)}${m.errors > 0 ? ` ${m.errors} errors` : ""}`;
      };
      return [cell((status) => status !== 304), cell((status) => status === 304)];
    });
    return [kind, `\`${path.length > 40 ? `${path.slice(0, 37)}…` : path}\``, ...cells];
  });
  const verdicts = sizes.map((size) => {
    const measures = bySize.get(size)!;
    const worst = measures.reduce((a, b) => (b.ratio.median < a.ratio.median ? b : a));
    const worstCpu = measures.reduce((a, b) => (b.cpuRatio.median < a.cpuRatio.median ? b : a));
    const errors = measures.reduce((sum, m) => sum + m.errors, 0);
    const ok = worst.ratio.median >= GOAL && errors === 0;
    return {
      goal: scaleOf(size) === "huge" ? "6 scale: floor ratios" : "1 floor ratios",
      measure: `${count(size)} articles: lowest median ratio of ${measures.length} (route, status), ${errors} errors`,
      wirefeed: `${worst.ratio.median.toFixed(2)} (${worst.status} ${worst.kind}); by CPU time ${worst.cpuRatio.median.toFixed(2)} (${worstCpu.status} ${worstCpu.kind})`,
      reference: "1.00 (bare Worker)",
      target: `≥ ${GOAL} every route`,
      met: ok,
    };
  });
  const { pairs, runSeconds, connections } = lab.settings.floor;
  const details = `wirefeed's req/s over the bare Worker's, median of ${pairs} interleaved pairs (range in brackets), per route and status. \`h2load --h1 -c${connections} -t1 -n N\` as a client that accepts gzip (304: with \`If-None-Match\` the gzip ETag), N sized from a warm-up run so that each run lasts about ${runSeconds * 1000} ms; paths are those of the first corpus (each corpus has its own article, section and tag). After the dot: the same ratio from CPU time, the bare Worker's CPU time per request over wirefeed's, measured on the workerd process (Linux schedstat of its threads) across the same runs: what other processes on the machine do disturbs it far less than req/s, so on a busy machine it is the steadier reading. The goal is judged on req/s, as issue 11 states it.

${table(["Route", "Path", ...columns], rows)}`;
  return { verdicts, details };
}
