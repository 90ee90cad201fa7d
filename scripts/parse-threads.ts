/**
 * The build's parse of the seeds, spread over the machine's cores. Parsing is
 * most of a large build (5.4 s of 9.3 at 10,000 seeds on one thread, ELD's
 * language detection 2.3 s of it; decoding, datelines and the rest of
 * parse-seed.ts the others), and each
 * seed's parse depends only on its bytes and what the publication records
 * say of its id (compile.ts, `parseSeeds`), so shares of the seeds parse
 * apart and join, in order, into exactly the parse of all of them; what
 * needs every seed at once (ids, versions, slugs, instants) stays in
 * compileSeeds, on the main thread.
 *
 * This file is also the threads' entry: a thread gets its share of each
 * folder's seeds, with the folders' records whole, and posts back the results.
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { parseSeeds, seedsInParseOrder, type CompileOptions, type SeedFolder } from "../src/content/compile";
import type { SeedResult } from "../src/content/parse-seed";

/**
 * Seeds a thread must have to pay for itself: a thread takes some 0.7 s to
 * start (tsx's loader, the parser's modules, ELD's n-gram tables), what about
 * 1,300 seeds take to parse (500 µs each on this machine); 2,000 leaves a margin.
 */
export const SEEDS_PER_THREAD = 2_000;

/**
 * Threads at most, unless WIREFEED_BUILD_THREADS asks for more: each loads
 * its own parser, ELD's n-gram tables alone some 58 MiB of heap (190 MiB of
 * resident memory), and a build machine with many cores need not have
 * memory to match (a 100,000-seed build holds about 2 GB on two threads).
 */
export const MAX_THREADS = 4;

/** Marks the data of a thread this file started, should anything else start threads of the build. */
const THREAD_KIND = "wirefeed-parse-share";

interface Share {
  kind: typeof THREAD_KIND;
  folders: SeedFolder[];
  options: CompileOptions;
}

/**
 * How many threads parse `seeds` seeds: `setting` ($WIREFEED_BUILD_THREADS,
 * a whole number of at least 1) when given, else one per core, no more than
 * the seeds keep busy nor MAX_THREADS. A message when the setting is not a number.
 */
export function threadCount(seeds: number, setting: string | undefined, cores = availableParallelism()): number | string {
  if (setting !== undefined && setting !== "") {
    if (!/^[1-9]\d{0,2}$/.test(setting)) return `WIREFEED_BUILD_THREADS "${setting}" is not a number of threads, expected a whole number from 1 to 999`;
    return Number(setting);
  }
  return Math.max(1, Math.min(cores, MAX_THREADS, Math.floor(seeds / SEEDS_PER_THREAD)));
}

/** What parseSeeds(folders, options) gives, the work done by `threads` threads (this one among them). */
export async function parseInThreads(folders: readonly SeedFolder[], options: CompileOptions, threads: number): Promise<SeedResult[]> {
  const shares = splitSeeds(folders, threads);
  if (shares.length <= 1) return parseSeeds(folders, options);
  const others = shares.slice(1).map((share) => parseInThread({ kind: THREAD_KIND, folders: share, options }));
  // This thread parses the first share while the others parse theirs.
  const own = parseSeeds(shares[0]!, options);
  return [own, ...(await Promise.all(others))].flat();
}

/**
 * The folders `threads` times over, each holding a run of the seeds in
 * parse order (each folder's by file name) and every folder's record: the
 * runs, parsed in order, are every seed once.
 */
export function splitSeeds(folders: readonly SeedFolder[], threads: number): SeedFolder[][] {
  const sorted = folders.map(seedsInParseOrder);
  const total = sorted.reduce((sum, seeds) => sum + seeds.length, 0);
  const count = Math.max(1, Math.min(threads, total));
  const shares: SeedFolder[][] = [];
  let start = 0;
  for (let k = 1; k <= count; k++) {
    const end = Math.round((total * k) / count);
    let offset = 0;
    shares.push(
      folders.map((folder, i) => {
        const seeds = sorted[i]!;
        const from = Math.min(Math.max(start - offset, 0), seeds.length);
        const to = Math.min(Math.max(end - offset, 0), seeds.length);
        offset += seeds.length;
        return { ...folder, seeds: seeds.slice(from, to) };
      }),
    );
    start = end;
  }
  return shares;
}

/**
 * A thread's code: this module again. It is TypeScript, so it needs tsx's
 * loader, which a thread under tsx's CLI (as `npm run build` starts the
 * build) did not get from the process's `--import` on Node 20: the thread
 * registers it first.
 */
const THREAD_ENTRY = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;

function parseInThread(share: Share): Promise<SeedResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD_ENTRY, { eval: true, workerData: share });
    let results: SeedResult[] | undefined;
    worker.once("message", (message: SeedResult[]) => (results = message));
    worker.once("error", reject);
    worker.once("exit", (code) => (results !== undefined ? resolve(results) : reject(new Error(`a build thread parsing ${share.folders.reduce((sum, f) => sum + f.seeds.length, 0)} seeds exited (code ${code}) without its results`))));
  });
}

if (!isMainThread && (workerData as Partial<Share> | null)?.kind === THREAD_KIND) {
  const { folders, options } = workerData as Share;
  parentPort!.postMessage(parseSeeds(folders, options));
}
