/**
 * Issue 19's goal 2: every route, 200 and 304, against the floor, at every
 * corpus size. wirefeed, the floor and a second copy of the floor (the A/A
 * control) run warm, each in a `workerd serve` process of its own on the
 * server's core; for each route and status, h2load (on the client's core)
 * runs the same number of requests on each, in rounds whose order rotates,
 * so drift favours none. A ratio the control cannot tell from 1 is no
 * difference.
 *
 * A process each, and a run that ends only when its process is idle again:
 * with the three in one process, the garbage collection and compilation one
 * Worker's run left to V8's background threads ran, and was counted, during
 * the next Worker's run (A/A CPU ratios from 0.2 to 2.8).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runH2load } from "./h2load";
import { GZIP, HOST } from "./http-client";
import type { Lab } from "./lab";
import { count, met, table, type SectionReport } from "./report";
import type { CapturedRoute } from "./routes";
import { floorWorker, serveEach, stopEach, wirefeedWorker } from "./servers";
import { summarise, type Summary } from "./stats";
import type { RunningWorkerd } from "./workerd";

const GOAL = 0.95;

export interface FloorMeasure {
  kind: string;
  path: string;
  status: number;
  requestsPerRun: number;
  /** wirefeed's req/s over the floor's. */
  ratio: Ratio;
  /** The floor's CPU time per request over wirefeed's: what the server's core spent. */
  cpuRatio: Ratio;
  /** The A/A control: a second copy of the floor against the floor, the same way, in the same rounds. */
  control: Ratio;
  controlCpu: Ratio;
  wirefeedRps: number;
  floorRps: number;
  /** Microseconds of workerd's CPU time per request, in each side's best run (and its req/s above). */
  wirefeedCpuMicros: number;
  floorCpuMicros: number;
  errors: number;
}

/**
 * A ratio of each side's best run (least CPU time per request, most requests
 * a second), and the spread of the rounds' own ratios. The best, because on
 * this machine the same Worker serving the same bytes costs 37–40 µs a
 * request in one run and 52–59 or 67 in the next, whichever Worker it is (a
 * state of the virtual machine's cores, not of the code): noise that only
 * ever adds, which the best of several short runs leaves out and a median of
 * three did not.
 */
export interface Ratio {
  best: number;
  rounds: Summary;
}

type Side = "wirefeed" | "floor" | "control";
const SIDES: readonly Side[] = ["wirefeed", "floor", "control"];
/** Requests per route, status and side in the warm-up before any is measured. */
const WARM_UP_REQUESTS = 500;
/**
 * Passes over every route, the rounds split between them. In one pass, the
 * routes measured first read CPU ratios of 0.84–0.97, and 0.94–0.99 measured
 * again at the end of the same run, where the A/A control's moved by 0.00–0.04
 * (4 routes, a one-off script).
 */
const PASSES = 2;

/** One (route, status)'s runs so far, over the passes. */
interface Cell {
  route: CapturedRoute;
  status: number;
  requests: number;
  ratios: { wirefeed: number[]; control: number[] };
  cpuRatios: { wirefeed: number[]; control: number[] };
  best: Record<Side, { rate: number; cpu: number }>;
  errors: number;
}

function newCell(route: CapturedRoute, status: number, requests: number): Cell {
  const best = () => ({ rate: 0, cpu: Infinity });
  return { route, status, requests, ratios: { wirefeed: [], control: [] }, cpuRatios: { wirefeed: [], control: [] }, best: { wirefeed: best(), floor: best(), control: best() }, errors: 0 };
}

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
  const { rounds, runSeconds, connections } = lab.settings.floor;
  const routes = await lab.routes(size);
  const dir = lab.dir(size);
  const servers = await serveEach(dir, "floor", [wirefeedWorker(lab.corpus(size)), floorWorker(dir, routes), floorWorker(dir, routes, "control")]);
  const measures: FloorMeasure[] = [];
  const runOf = (route: CapturedRoute, status: number) => {
    const headers: Record<string, string> = { ...GZIP, ...(status === 304 ? { "If-None-Match": route.gzip.headers.etag! } : {}) };
    return async (side: Side, requests: number) => {
      const server = servers[side]!;
      const cpuBefore = server.cpuNanos();
      const result = runH2load({ url: `http://${HOST}:${server.ports[side]}${route.path}`, requests, connections, headers }, status);
      // What the requests left to finish (collections, compilation) is theirs, and must not run during the next side's run.
      await settle(server);
      return { ...result, cpuPerRequest: (server.cpuNanos() - cpuBefore) / requests };
    };
  };
  try {
    // Every route warm on every side before any is measured. V8 optimises a Worker's code while its
    // first requests run, on threads of the same process, which schedstat counts: the routes measured
    // first paid for it. The site's RSS, measured first at every size, read a CPU ratio of 0.83–0.90
    // (0.78 for its 304) while the A/A control read 0.91–1.06; with this warm-up, 0.95 and 0.97.
    for (const route of routes) for (const status of statuses(route)) for (const side of SIDES) await runOf(route, status)(side, WARM_UP_REQUESTS);
    // The rounds in passes over every route: each route's runs fall in PASSES windows of the run, far
    // apart, so a slow spell of the machine, or of one Worker, is not all of any route's rounds.
    const cells = new Map<string, Cell>();
    for (let pass = 0; pass < PASSES; pass++) {
      for (const route of routes) {
        for (const status of statuses(route)) {
          const run = runOf(route, status);
          const key = `${status} ${route.path}`;
          let cell = cells.get(key);
          if (cell === undefined) {
            // A rate to size the runs by: about runSeconds each.
            const probe = ((await run("wirefeed", 500)).requestsPerSecond + (await run("floor", 500)).requestsPerSecond + (await run("control", 500)).requestsPerSecond) / 3;
            cell = newCell(route, status, Math.max(connections * 20, Math.round(probe * runSeconds)));
            cells.set(key, cell);
          }
          for (let round = Math.floor((pass * rounds) / PASSES); round < Math.floor(((pass + 1) * rounds) / PASSES); round++) {
            const rate = { wirefeed: 0, floor: 0, control: 0 };
            const cpu = { wirefeed: 0, floor: 0, control: 0 };
            for (const side of ORDERS[round % ORDERS.length]!) {
              const { requestsPerSecond, errors: failed, cpuPerRequest } = await run(side, cell.requests);
              rate[side] = requestsPerSecond;
              cpu[side] = cpuPerRequest;
              cell.best[side] = { rate: Math.max(cell.best[side].rate, requestsPerSecond), cpu: Math.min(cell.best[side].cpu, cpuPerRequest) };
              cell.errors += failed;
            }
            for (const side of ["wirefeed", "control"] as const) {
              cell.ratios[side].push(rate[side] / rate.floor);
              cell.cpuRatios[side].push(cpu.floor / cpu[side]);
            }
          }
        }
      }
    }
    for (const cell of cells.values()) {
      const { route, status, requests, ratios, cpuRatios, best, errors } = cell;
      const measure: FloorMeasure = {
        kind: route.kind,
        path: route.path,
        status,
        requestsPerRun: requests,
        ratio: { best: best.wirefeed.rate / best.floor.rate, rounds: summarise(ratios.wirefeed) },
        cpuRatio: { best: best.floor.cpu / best.wirefeed.cpu, rounds: summarise(cpuRatios.wirefeed) },
        control: { best: best.control.rate / best.floor.rate, rounds: summarise(ratios.control) },
        controlCpu: { best: best.floor.cpu / best.control.cpu, rounds: summarise(cpuRatios.control) },
        wirefeedRps: best.wirefeed.rate,
        floorRps: best.floor.rate,
        wirefeedCpuMicros: best.wirefeed.cpu / 1000,
        floorCpuMicros: best.floor.cpu / 1000,
        errors,
      };
      measures.push(measure);
      lab.log(
        `floor ${size}: ${status} ${route.kind} ${route.path}: ${measure.wirefeedRps.toFixed(0)} vs ${measure.floorRps.toFixed(0)} req/s, ratio ${ratioText(measure.ratio)} (A/A ${ratioText(measure.control)}), CPU ${measure.wirefeedCpuMicros.toFixed(1)} vs ${measure.floorCpuMicros.toFixed(1)} µs, ratio ${ratioText(measure.cpuRatio)} (A/A ${ratioText(measure.controlCpu)})`,
      );
    }
  } finally {
    await stopEach(servers);
  }
  writeFileSync(join(dir, "floor.json"), JSON.stringify(measures, null, 2));
  return measures;
}

/** Polls of a process's CPU time while waiting for it to go idle, and how much it may spend per poll and still count as idle. */
const SETTLE_POLL_MS = 10;
const IDLE_NANOS_PER_POLL = 200_000;

/** Resolves once `server` has used under 2 % of a core for a poll, or after a second. */
async function settle(server: RunningWorkerd): Promise<void> {
  let before = server.cpuNanos();
  for (let poll = 0; poll < 1000 / SETTLE_POLL_MS; poll++) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const now = server.cpuNanos();
    if (now - before < IDLE_NANOS_PER_POLL) return;
    before = now;
  }
}

/**
 * Goal 2's test of one (route, status): CPU time within 5 % of the floor's,
 * req/s no lower than `controlLow`, the A/A control's lowest at this size.
 */
export function meetsFloor(m: FloorMeasure, controlLow: number): boolean {
  return m.cpuRatio.best >= GOAL && m.ratio.best >= controlLow && m.errors === 0;
}

/**
 * The low end of what the A/A control read at one size, over every (route,
 * status): the least req/s ratio this method gives when there is no
 * difference, and so the least that shows none.
 */
export function controlLowEnd(measures: readonly FloorMeasure[]): number {
  return Math.min(...measures.map((m) => m.control.best));
}

/** The A/A control's best-run ratios over every (route, status) of one size, lowest to highest. */
function controlRange(measures: readonly FloorMeasure[], ratio: "control" | "controlCpu"): string {
  const values = measures.map((m) => m[ratio].best);
  return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
}

/** A ratio as the report shows it: of the best runs, then the rounds' range. */
function ratioText({ best, rounds }: Ratio): string {
  return `${best.toFixed(2)} (${rounds.min.toFixed(2)}–${rounds.max.toFixed(2)})`;
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
    const low = controlLowEnd(measures);
    const rows = measures.map((m) => [
      m.kind,
      `\`${m.path.length > 36 ? `${m.path.slice(0, 33)}…` : m.path}\``,
      String(m.status),
      `${m.wirefeedCpuMicros.toFixed(1)} / ${m.floorCpuMicros.toFixed(1)}`,
      ratioText(m.cpuRatio),
      ratioText(m.controlCpu),
      ratioText(m.ratio),
      ratioText(m.control),
      `${met(meetsFloor(m, low))}${m.errors > 0 ? ` (${m.errors} errors)` : ""}`,
    ]);
    return `**${count(size)} articles** (the A/A control over every route, best runs: req/s ratio ${controlRange(measures, "control")}, CPU ratio ${controlRange(measures, "controlCpu")})\n\n${table(["Route", "Path", "Status", "CPU µs/request: wirefeed / floor", "CPU ratio", "A/A CPU ratio", "req/s ratio", "A/A req/s ratio", "Met"], rows)}`;
  });
  const verdicts = [...bySize].map(([size, measures]) => {
    const low = controlLowEnd(measures);
    const worstCpu = measures.reduce((a, b) => (b.cpuRatio.best < a.cpuRatio.best ? b : a));
    const worstRate = measures.reduce((a, b) => (b.ratio.best < a.ratio.best ? b : a));
    const errors = measures.reduce((sum, m) => sum + m.errors, 0);
    const failing = measures.filter((m) => !meetsFloor(m, low));
    return {
      goal: "2 every route at the floor",
      measure: `${count(size)} articles: ${measures.length} (route, status), ${errors} errors; lowest CPU ratio and lowest req/s ratio (best runs)`,
      wirefeed: `CPU ${worstCpu.cpuRatio.best.toFixed(2)} (${worstCpu.status} ${worstCpu.kind}); req/s ${worstRate.ratio.best.toFixed(2)} (${worstRate.status} ${worstRate.kind})${failing.length > 0 ? `; short: ${failing.map((m) => `${m.status} ${m.kind}`).join(", ")}` : ""}`,
      reference: `A/A over every route: CPU ${controlRange(measures, "controlCpu")}, req/s ${controlRange(measures, "control")}`,
      target: `CPU ≥ ${GOAL}, req/s ≥ the A/A's low end, every route`,
      met: failing.length === 0,
    };
  });
  const { rounds, runSeconds, connections } = lab.settings.floor;
  const details = `Every route, 200 and 304, against the floor (a bare Worker returning wirefeed's own status, bytes and headers) and, as the A/A control, a second copy of the floor measured the same way in the same rounds: what the method reads when there is no difference to find. Each Worker in a \`workerd serve\` process of its own, all three on the server's core, and every route warmed on all three (${WARM_UP_REQUESTS} requests per route, status and side) before any is measured, so V8's optimising of each Worker's code is paid before the first route and not during it; \`h2load --h1 -c${connections} -t1 -n N\` on the client's, as a client that accepts gzip (304: with \`If-None-Match\` the gzip ETag), N sized from a warm-up so that each run lasts about ${runSeconds * 1000} ms, and a run ends when its process has gone idle again (under 2 % of a core for 10 ms), so what its requests left to V8's background threads is counted with them and not during the next run; ${rounds} rounds, each running the three in a different order, split between ${PASSES} passes over every route (the first routes of a single pass read lower CPU ratios than when measured again at its end: a slow spell is not all of any route's rounds). **CPU ratio**: the floor's CPU time per request over wirefeed's, from Linux schedstat of that Worker's workerd process's threads (what the server's core spent, whatever the client does); ≥ ${GOAL} means wirefeed costs at most about 5 % more than replaying constants. **req/s ratio**: wirefeed's requests per second over the floor's. Each compares the two sides' best runs (least CPU time per request, most requests a second), with the range of the rounds' own ratios beside it: on this machine the same Worker serving the same bytes costs 37–40 µs a request in one run and 52–59 µs (or 67) in the next, whichever Worker it is, a state of the virtual machine's cores that only ever adds and that a median of three runs did not leave out. The A/A columns are the control's: what this method reads when there is no difference; a req/s ratio is judged against the lowest the control read at that size, over every route. Paths are each corpus's own (its article, section and tag).

${tables.join("\n\n")}`;
  return { verdicts, details };
}
