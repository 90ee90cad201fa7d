import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig, type Plugin } from "vitest/config";
import { TEST_VARS } from "./tests/support/test-vars.ts";

const ROOT = import.meta.dirname;
/** The fixture corpus, and the module it is compiled to (ignored by git; tests/support/worker.ts reads its pack). */
const FIXTURE_SEEDS = "tests/fixtures/seeds";
const FIXTURE_MODULE = "tests/generated/articles.ts";
/** What the fixture build writes for wrangler.toml's [assets] (src/content/bundle.ts, `archivePath`). */
const FIXTURE_ASSETS = "tests/generated/articles.archive";
/**
 * The day the fixture build takes as today, should a story be missing from the
 * fixtures' committed publication record: nothing the tests see depends on the
 * day they run.
 */
const FIXTURE_TODAY = "2026-11-29";

/**
 * The Worker under test is the real entry, src/index.ts, over the fixture
 * corpus: the fixture seeds are compiled by the real build before any test
 * runs, and the entry's import of the articles compiled from seeds/ resolves
 * to them instead. Nothing else changes, so `exports.default` is the Worker as
 * deployed, and no test depends on what a publisher's seeds/ holds.
 */
function workerOverFixtures(): Plugin {
  const entry = resolve(ROOT, "src/index.ts");
  return {
    name: "wirefeed:worker-over-fixtures",
    enforce: "pre",
    configureVitest() {
      // Frozen: the fixtures' publication record is committed, and a test run never writes into the tree.
      // Its output is shown only when it fails: the sample's expected year warning is not news on every run.
      // Prerendered for the tests' variables, as the Worker under test runs with them, not wrangler.toml's.
      const vars = Object.entries(TEST_VARS).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
      const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--seeds", FIXTURE_SEEDS, "--out", FIXTURE_MODULE, "--quiet", "--frozen", ...vars], {
        cwd: ROOT,
        env: { ...process.env, WIREFEED_SEEDS: "", WIREFEED_TODAY: FIXTURE_TODAY },
        encoding: "utf8",
      });
      if (build.status !== 0) throw new Error(`the fixture corpus ${FIXTURE_SEEDS} does not build:\n${build.stderr}${build.stdout}`);
    },
    resolveId(source, importer) {
      if (importer === entry && source === "./generated/articles") return resolve(ROOT, FIXTURE_MODULE);
      return null;
    },
  };
}

/**
 * Dependencies' source maps are not read: `feed` 6.0.0 names a `feed.js.map`
 * it does not ship, and saxes' map points outside its package, and Vite
 * reports each with a stack trace on every run. Stack traces in dependencies
 * then point at their JavaScript, which is all these tests need.
 */
function withoutDependencySourceMaps(): Plugin {
  return {
    name: "wirefeed:without-dependency-source-maps",
    enforce: "pre",
    load(id) {
      const file = id.split("?")[0]!;
      if (!file.includes("/node_modules/") || !/\.[cm]?js$/.test(file) || !existsSync(file)) return null;
      const code = readFileSync(file, "utf8");
      if (!code.includes("sourceMappingURL=")) return null;
      return { code: code.replace(/\/\/# sourceMappingURL=\S+\s*$/, ""), map: null };
    },
  };
}

/**
 * The pool closes its WebSocket to the test runner and then disposes the
 * runtime; workerd logs that close as `disconnected: WebSocket peer
 * disconnected`, an exception with nothing wrong (later pool releases ignore
 * it, cloudflare/workers-sdk#13833, but need a wrangler newer than the last
 * that runs on Node 20). Disposing the runtime ends the connection anyway, so
 * the close is left out. Relies on the pool's `socket` field (0.15.1, pinned):
 * should it change, the message comes back and nothing else does.
 */
function quietPoolTeardown(): Plugin {
  return {
    name: "wirefeed:quiet-pool-teardown",
    configureVitest({ project }) {
      const runner = project.config.poolRunner;
      if (runner === undefined) return;
      const create = runner.createPoolWorker.bind(runner);
      runner.createPoolWorker = (options) => {
        const worker = create(options) as ReturnType<typeof create> & { socket?: unknown };
        const stop = worker.stop.bind(worker);
        worker.stop = () => {
          worker.socket = undefined;
          return stop();
        };
        return worker;
      };
    },
  };
}

// Every test runs inside workerd, the runtime that serves wirefeed in production,
// except those of the Node programs (the build CLI, deploy, the benchmark's tools, which start
// workerd themselves), which use child_process and fs,
// and `*.node.test.ts`, which need what only Node offers (a heap to measure).
// The conformance and browser suites have their own configs (they start `wrangler dev`).
export default defineConfig({
  test: {
    projects: [
      {
        // wrangler.toml for the runtime (compatibility date, flags, the ARCHIVE binding); its [vars] are the
        // publisher's, so every one is bound over with the tests' own (tests/support/test-vars.ts).
        // Its ARCHIVE binding serves the fixture build's [assets] folder, the files of the corpus under test, not seeds/'s.
        plugins: [
          cloudflareTest({ wrangler: { configPath: "./wrangler.toml" }, miniflare: { bindings: { ...TEST_VARS }, assets: { directory: FIXTURE_ASSETS, binding: "ARCHIVE" } } }),
          quietPoolTeardown(),
          workerOverFixtures(),
          withoutDependencySourceMaps(),
        ],
        test: {
          name: "workerd",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/conformance/**", "tests/e2e/**", "tests/scripts/**", "tests/bench/**", "tests/**/*.node.test.ts", "node_modules/**"],
          // One runtime for all the files, as one isolate serves many requests in
          // production; a runtime per file took twice as long.
          isolate: false,
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          // These start the build, npm or wrangler as processes: 2-3 s each on a busy machine, past vitest's 5 s for two.
          testTimeout: 30_000,
          include: ["tests/scripts/**/*.test.ts", "tests/bench/**/*.test.ts", "tests/**/*.node.test.ts"],
        },
      },
    ],
  },
});
