import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig, type Plugin } from "vitest/config";

const ROOT = import.meta.dirname;
/** The fixture corpus, and the module it is compiled to (ignored by git; tests/support/worker.ts reads its pack). */
const FIXTURE_SEEDS = "tests/fixtures/seeds";
const FIXTURE_MODULE = "tests/generated/articles.ts";
/**
 * The day the fixture build takes as today, so nothing the tests see depends on
 * the day they run: WIREFEED_REFERENCE_DATE for the year rule, WIREFEED_TODAY
 * for a build that dates stories by a publication record.
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
      execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--seeds", FIXTURE_SEEDS, "--out", FIXTURE_MODULE, "--quiet"], {
        cwd: ROOT,
        env: { ...process.env, WIREFEED_SEEDS: "", WIREFEED_REFERENCE_DATE: FIXTURE_TODAY, WIREFEED_TODAY: FIXTURE_TODAY },
        stdio: ["ignore", "inherit", "inherit"],
      });
    },
    resolveId(source, importer) {
      if (importer === entry && source === "./generated/articles") return resolve(ROOT, FIXTURE_MODULE);
      return null;
    },
  };
}

// Every test runs inside workerd, the runtime that serves wirefeed in production,
// except those of the Node programs (the build CLI, deploy), which use child_process and fs.
// The conformance and browser suites have their own configs (they start `wrangler dev`).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } }), workerOverFixtures()],
        test: {
          name: "workerd",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/conformance/**", "tests/e2e/**", "tests/scripts/**", "node_modules/**"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["tests/scripts/**/*.test.ts"],
        },
      },
    ],
  },
});
