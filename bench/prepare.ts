/**
 * A generated corpus, compiled and bundled as a publisher would: the seeds
 * (bench/corpus.ts), `scripts/build.ts` on them (timed), and the deploy bundle
 * exactly as `wrangler deploy --dry-run --outdir` makes it from wrangler.toml.
 * Everything goes to bench/out/.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { archivePath } from "../src/content/bundle";
import { BUILD_DATE_ENV } from "./build-date";
import { writeCorpus } from "./corpus";
import { CORES, onCpus } from "./cores";
import type { WorkerSpec } from "./workerd";

export const OUT = "bench/out";
const tsx = join("node_modules", ".bin", "tsx");

export interface Corpus {
  size: number;
  dir: string;
  seedsBytes: number;
  medianSeedBytes: number;
  /** The generated module the bench's own build wrote; its article pack sits beside it. */
  articlesModule: string;
  /** `tsx scripts/build.ts` on the corpus: wall time, and the CPU time of the process tree (less noisy on a shared machine). */
  build: { wallMs: number; cpuMs: number };
  /** wrangler's output: index.js first, then the modules it imports (the article pack's Data module). */
  modules: WorkerSpec["modules"];
  bundleBytes: number;
  /** Each module gzipped on its own, as the upload is. */
  bundleGzipBytes: number;
  /** The archived article blocks and stored documents (wrangler.toml's [assets], uploaded beside the Worker): the folder the bench's build wrote, its files and bytes. */
  archive: { dir: string; files: number; bytes: number };
}

/** Generate `size` articles, build them and bundle the Worker with them. */
export function prepare(size: number): Corpus {
  const dir = join(OUT, `corpus-${size}`);
  const { bytes, medianBytes } = writeCorpus(dir, size);
  const articlesModule = join(OUT, `articles-${size}.ts`);
  const env = { ...process.env, ...BUILD_DATE_ENV };
  const build = timeChild(() => execFileSync(...onCpus(CORES.all, tsx, ["scripts/build.ts", "--seeds", dir, "--out", articlesModule, "--quiet"]), { stdio: "inherit", env }));
  // wrangler's [build] step compiles the same corpus again, into src/generated/: the bundle is what deploy would upload.
  const outdir = join(OUT, `bundle-${size}`);
  // An earlier run's modules (named by content hash) would otherwise be counted and loaded too.
  rmSync(outdir, { recursive: true, force: true });
  execFileSync(...onCpus(CORES.all, "node_modules/.bin/wrangler", ["deploy", "--dry-run", "--outdir", outdir]), {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, WIREFEED_SEEDS: dir, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  const files = ["index.js", ...readdirSync(outdir).filter((name) => name !== "index.js" && !name.endsWith(".map") && name !== "README.md")];
  const modules = files.map((name) => ({ name, path: join(outdir, name), type: moduleType(name) }));
  const raws = files.map((name) => readFileSync(join(outdir, name)));
  // The same blocks wrangler's build step wrote into src/generated (same corpus, same date: same names and bytes).
  const archiveDir = archivePath(articlesModule);
  const archived = readdirSync(archiveDir);
  return {
    size,
    dir,
    seedsBytes: bytes,
    medianSeedBytes: medianBytes,
    articlesModule,
    build,
    modules,
    bundleBytes: raws.reduce((sum, raw) => sum + raw.byteLength, 0),
    bundleGzipBytes: raws.reduce((sum, raw) => sum + gzipSync(raw).byteLength, 0),
    archive: { dir: archiveDir, files: archived.length, bytes: archived.reduce((sum, name) => sum + statSync(join(archiveDir, name)).size, 0) },
  };
}

/** Put the project's own seeds back into src/generated (wrangler's build step left the last corpus there). */
export function restoreProjectBuild(): void {
  execFileSync("npm", ["run", "build", "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
}

/** wrangler's default module rules: `.bin` is a Data module, `.txt`/`.html` Text. */
function moduleType(name: string): WorkerSpec["modules"][number]["type"] {
  if (name.endsWith(".bin")) return "data";
  if (name.endsWith(".txt") || name.endsWith(".html")) return "text";
  return "esModule";
}

/** Wall and CPU time of `run`, which runs child processes synchronously. */
function timeChild(run: () => void): { wallMs: number; cpuMs: number } {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  run();
  return { wallMs: performance.now() - started, cpuMs: childrenCpuMs() - cpuBefore };
}

/** User + system time of every finished child of this process (Linux: cutime + cstime in /proc/self/stat, 100 ticks a second). */
function childrenCpuMs(): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}
