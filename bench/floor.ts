/**
 * Issue 19's goal 2: every route, 200 and 304, against the floor, at every
 * corpus size. wirefeed, the floor and a second copy of the floor (the A/A
 * control) run warm in one `workerd serve` process on the server's core;
 * for each route and status, h2load (on the client's core) runs the same
 * number of requests on each, in rounds whose order rotates, so drift
 * favours none. A ratio the control cannot tell from 1 is no difference.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runH2load } from "./h2load";
import { GZIP, HOST } from "./http-client";
import type { Lab } from "./lab";
import { count, met, spread, table, type SectionReport } from "./report";
import type { CapturedRoute } from "./routes";
import { floorWorker, serve, wirefeedWorker } from "./servers";
import { median, summarise, type Summary } from "./stats";

const GOAL = 0.95;

export interface FloorMeasure {
  kind: string;
  path: string;
  status: number;
  requestsPerRun: number;
  /** wirefeed's req/s over the floor's, per round. */
  ratio: Summary;
  /** The floor's CPU time per request over wirefeed's, per round: the same ratio, as the server's core sees it. */
  cpuRatio: Summary;
  /** The A/A control: a second copy of the floor against the floor, the same way, in the same rounds. */
  control: Summary;
  controlCpu: Summary;
  wirefeedRps: number;
  floorRps: number;
  /** Microseconds of workerd's CPU time per request, medians. */
  wirefeedCpuMicros: number;
  floorCpuMicros: number;
  errors: number;
}

type Side = "wirefeed" | "floor" | "control";
/** Every order of the three sides, taken in turn: drift favours none, and none always follows another. */
const ORDERS: ReadonlyArray<readonly Side[]> = [
  ["wirefeed", "floor", "control"],
  ["floor", "control", "wirefeed"],
  ["control", "wirefeed", "floor"],
  ["wirefeed", "control", "floor"],
  ["floor", "wirefeed", "control"],
  ["control", "floor", "wirefeed"],
];

/** The floor ratios of every route at `size` articles. */
export async function measureFloor(lab: Lab, size: number): Promise<FloorMeasure[]> {
  const { pairs: rounds, runSeconds, connections } = lab.settings.floor;
  const routes = await lab.routes(size);
  const dir = lab.dir(size);
  const workerd = await serve(dir, "floor", [wirefeedWorker(lab.corpus(size)), floorWorker(dir, routes), floorWorker(dir, routes, "control")]);
  const ports: Record<Side, number> = { wirefeed: workerd.ports.wirefeed!, floor: workerd.ports.floor!, control: workerd.ports.control! };
  const measures: FloorMeasure[] = [];
  try {
    for (const route of routes) {
      for (const status of statuses(route)) {
        const headers: Record<string, string> = { ...GZIP, ...(status === 304 ? { "If-None-Match": route.gzip.headers.etag! } : {}) };
        const run = (side: Side, requests: number) => {
          const cpuBefore = workerd.cpuNanos();
          const result = runH2load({ url: `http://${HOST}:${ports[side]}${route.path}`, requests, connections, headers }, status);
          return { ...result, cpuPerRequest: (workerd.cpuNanos() - cpuBefore) / requests };
        };
        // Warm-up, and a rate to size the runs by: about runSeconds each.
        const probe = (run("wirefeed", 500).requestsPerSecond + run("floor", 500).requestsPerSecond + run("control", 500).requestsPerSecond) / 3;
        const requests = Math.max(connections * 20, Math.round(probe * runSeconds));
        const ratios = { wirefeed: [] as number[], control: [] as number[] };
        const cpuRatios = { wirefeed: [] as number[], control: [] as number[] };
        const rates = { wirefeed: [] as number[], floor: [] as number[] };
        const cpus = { wirefeed: [] as number[], floor: [] as number[] };
        let errors = 0;
        for (let round = 0; round < rounds; round++) {
          const rate = { wirefeed: 0, floor: 0, control: 0 };
          const cpu = { wirefeed: 0, floor: 0, control: 0 };
          for (const side of ORDERS[round % ORDERS.length]!) {
            const { requestsPerSecond, errors: failed, cpuPerRequest } = run(side, requests);
            rate[side] = requestsPerSecond;
            cpu[side] = cpuPerRequest;
            errors += failed;
          }
          for (const side of ["wirefeed", "control"] as const) {
            ratios[side].push(rate[side] / rate.floor);
            cpuRatios[side].push(cpu.floor / cpu[side]);
          }
          for (const side of ["wirefeed", "floor"] as const) {
            rates[side].push(rate[side]);
            cpus[side].push(cpu[side] / 1000);
          }
        }
        const measure: FloorMeasure = {
          kind: route.kind,
          path: route.path,
          status,
          requestsPerRun: requests,
          ratio: summarise(ratios.wirefeed),
          cpuRatio: summarise(cpuRatios.wirefeed),
          control: summarise(ratios.control),
          controlCpu: summarise(cpuRatios.control),
          wirefeedRps: median(rates.wirefeed),
          floorRps: median(rates.floor),
          wirefeedCpuMicros: median(cpus.wirefeed),
          floorCpuMicros: median(cpus.floor),
          errors,
        };
        measures.push(measure);
        lab.log(
          `floor ${size}: ${status} ${route.kind} ${route.path}: ${measure.wirefeedRps.toFixed(0)} vs ${measure.floorRps.toFixed(0)} req/s, ratio ${spread(measure.ratio)} (A/A ${spread(measure.control)}), CPU ${measure.wirefeedCpuMicros.toFixed(1)} vs ${measure.floorCpuMicros.toFixed(1)} µs, ratio ${spread(measure.cpuRatio)} (A/A ${spread(measure.controlCpu)})`,
        );
      }
    }
  } finally {
    await workerd.stop();
  }
  writeFileSync(join(dir, "floor.json"), JSON.stringify(measures, null, 2));
  return measures;
}

/** Goal 2's test of one (route, status): CPU time within 5 % of the floor's, req/s no lower than the A/A control's lowest. */
export function meetsFloor(m: FloorMeasure): boolean {
  return m.cpuRatio.median >= GOAL && m.ratio.median >= m.control.min && m.errors === 0;
}

/** The statuses a route is measured at: its own, and 304 when it has an ETag to revalidate. */
function statuses(route: CapturedRoute): number[] {
  return route.gzip.headers.etag === undefined ? [route.status] : [route.status, 304];
}

/** Issue 19's goal 2 at every size: each route and status against the floor, beside the A/A control. */
export async function floorSection(lab: Lab): Promise<SectionReport> {
  const bySize = new Map<number, FloorMeasure[]>();
  for (const size of lab.settings.floor.sizes) bySize.set(size, await measureFloor(lab, size));
  const tables = [...bySize].map(([size, measures]) => {
    const rows = measures.map((m) => [
      m.kind,
      `\`${m.path.length > 36 ? `${m.path.slice(0, 33)}…` : m.path}\``,
      String(m.status),
      `${m.wirefeedCpuMicros.toFixed(1)} / ${m.floorCpuMicros.toFixed(1)}`,
      spread(m.cpuRatio),
      spread(m.controlCpu),
      spread(m.ratio),
      spread(m.control),
      `${met(meetsFloor(m))}${m.errors > 0 ? ` (${m.errors} errors)` : ""}`,
    ]);
    return `**${count(size)} articles**\n\n${table(["Route", "Path", "Status", "CPU µs/request: wirefeed / floor", "CPU ratio", "A/A CPU ratio", "req/s ratio", "A/A req/s ratio", "Met"], rows)}`;
  });
  const verdicts = [...bySize].map(([size, measures]) => {
    const worstCpu = measures.reduce((a, b) => (b.cpuRatio.median < a.cpuRatio.median ? b : a));
    // How far each req/s ratio sits above the control's low end: the worst is the route closest to failing.
    const worstRate = measures.reduce((a, b) => (b.ratio.median - b.control.min < a.ratio.median - a.control.min ? b : a));
    const errors = measures.reduce((sum, m) => sum + m.errors, 0);
    const failing = measures.filter((m) => !meetsFloor(m));
    return {
      goal: "2 every route at the floor",
      measure: `${count(size)} articles: ${measures.length} (route, status), ${errors} errors; lowest CPU ratio, and the req/s ratio nearest its A/A control's low end`,
      wirefeed: `CPU ${worstCpu.cpuRatio.median.toFixed(2)} (${worstCpu.status} ${worstCpu.kind}); req/s ${worstRate.ratio.median.toFixed(2)} (${worstRate.status} ${worstRate.kind})${failing.length > 0 ? `; short: ${failing.map((m) => `${m.status} ${m.kind}`).join(", ")}` : ""}`,
      reference: `A/A: CPU ${spread(worstCpu.controlCpu)}, req/s ${spread(worstRate.control)}`,
      target: `CPU ≥ ${GOAL}, req/s ≥ A/A low end, every route`,
      met: failing.length === 0,
    };
  });
  const { pairs: rounds, runSeconds, connections } = lab.settings.floor;
  const details = `Every route, 200 and 304, against the floor (a bare Worker returning wirefeed's own status, bytes and headers) and, as the A/A control, a second copy of the floor measured the same way in the same rounds: what the method reads when there is no difference to find. Three Workers in one \`workerd serve\` on the server's core; \`h2load --h1 -c${connections} -t1 -n N\` on the client's, as a client that accepts gzip (304: with \`If-None-Match\` the gzip ETag), N sized from a warm-up so that each run lasts about ${runSeconds * 1000} ms; ${rounds} rounds, each running the three in a different order. **CPU ratio**: the floor's CPU time per request over wirefeed's, from Linux schedstat of the workerd process's threads (what the server's core spent, whatever the client does); ≥ ${GOAL} means wirefeed costs at most about 5 % more than replaying constants. **req/s ratio**: wirefeed's requests per second over the floor's. Each is the median of the rounds with its range; the A/A columns are the control's. Paths are each corpus's own (its article, section and tag).

${tables.join("\n\n")}`;
  return { verdicts, details };
}
