/**
 * A generated corpus, compiled and bundled as a publisher would: the seeds
 * (bench/corpus.ts), `scripts/build.ts` on them (timed), and the deploy bundle
 * exactly as `wrangler deploy --dry-run --outdir` makes it from wrangler.toml.
 * Everything goes to bench/out/.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { unstable_readConfig } from "wrangler";
import { archivePath, packPath, prerenderedPath } from "../src/content/bundle";
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

/** Where `npm run build` writes the generated module, and so what wrangler bundles. */
const GENERATED = "src/generated/articles.ts";

/**
 * Generate `size` articles, build them and bundle the Worker with them. The
 * timed build is the one deploy would run: wrangler.toml's [build] step
 * writes the same files from the same seeds and date, so the bundle is made
 * from a copy of wrangler.toml without it (at 100,000 articles, building
 * again took some 100 s of each full run), then the build's files are moved
 * to bench/out/ for the later sections.
 */
export function prepare(size: number): Corpus {
  const dir = join(OUT, `corpus-${size}`);
  const { bytes, medianBytes } = writeCorpus(dir, size);
  const env = { ...process.env, ...BUILD_DATE_ENV };
  const build = timeChild(() => execFileSync(...onCpus(CORES.all, tsx, ["scripts/build.ts", "--seeds", dir, "--out", GENERATED, "--quiet"]), { stdio: "inherit", env }));
  const outdir = join(OUT, `bundle-${size}`);
  // An earlier run's modules (named by content hash) would otherwise be counted and loaded too.
  rmSync(outdir, { recursive: true, force: true });
  const { config, main, assets } = bundleConfig();
  execFileSync(...onCpus(CORES.all, "node_modules/.bin/wrangler", ["deploy", main, "--assets", assets, "--config", config, "--dry-run", "--outdir", outdir]), {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  const articlesModule = keepBuild(size);
  const files = ["index.js", ...readdirSync(outdir).filter((name) => name !== "index.js" && !name.endsWith(".map") && name !== "README.md")];
  const modules = files.map((name) => ({ name, path: join(outdir, name), type: moduleType(name) }));
  const raws = files.map((name) => readFileSync(join(outdir, name)));
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

/**
 * wrangler.toml without its [build] table (and any [build.…] table), written
 * to bench/out/, with the entry point and the assets folder to give wrangler
 * on its command line: in a config file elsewhere, the paths wrangler.toml
 * holds would be read from that file's folder.
 */
function bundleConfig(): { config: string; main: string; assets: string } {
  const project = unstable_readConfig({ config: "wrangler.toml" });
  if (project.main === undefined || project.assets?.directory === undefined) throw new Error("bench: wrangler.toml names no main module or no [assets] directory; the bench bundles the Worker as deploy would and needs both");
  let inBuild = false;
  const lines = readFileSync("wrangler.toml", "utf8")
    .split("\n")
    .filter((line) => {
      const table = /^\s*\[\[?\s*([\w.-]+)\s*\]\]?/.exec(line);
      if (table !== null) inBuild = table[1] === "build" || table[1]!.startsWith("build.");
      return !inBuild;
    });
  const config = join(OUT, "wrangler.bundle.toml");
  writeFileSync(config, lines.join("\n"));
  if (unstable_readConfig({ config }).build.command !== undefined) throw new Error(`bench: ${config} still has a build command; the bench would build every corpus twice`);
  return { config, main: project.main, assets: resolve(dirname(project.configPath ?? "wrangler.toml"), project.assets.directory) };
}

/**
 * Moves what the build wrote for `size` articles out of src/generated/ (the
 * next corpus's build, and finally the project's own, write there) to
 * bench/out/articles-<size>.*; returns the module's new name, beside which
 * Node reads the pack and its archived blocks (scripts/articles-file.ts).
 */
function keepBuild(size: number): string {
  const kept = join(OUT, `articles-${size}.ts`);
  for (const path of [(module: string) => module, packPath, prerenderedPath, archivePath]) {
    rmSync(path(kept), { recursive: true, force: true });
    renameSync(path(GENERATED), path(kept));
  }
  return kept;
}

/** Put the project's own build back into src/generated (the bench's builds wrote there, and moved their files out). */
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
