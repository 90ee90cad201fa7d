/**
 * What a failed build does for the dev server. `npm run build` and deploy fail
 * and write nothing; a dev server that got no module would hold every request
 * until a build succeeds (wrangler dev does). So under `npm start` the build
 * writes the module that makes the Worker answer 503 with the problems
 * (src/build-failed.ts), prints each problem once, and exits 0.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { failedBuildModule, packPath, prerenderedPath } from "../src/content/bundle";

/**
 * True for a build the dev server runs: `npm start`'s (scripts/dev.ts sets
 * WIREFEED_DEV=1) or `wrangler dev`'s own `[build]` step (WRANGLER_COMMAND=dev).
 */
export function isDevBuild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WIREFEED_DEV === "1" || env.WRANGLER_COMMAND === "dev";
}

/** Write the module that serves `problems` as `outFile` (removing the data beside it), print them, and exit 0. */
export function serveProblemsInDev(outFile: string, problems: readonly string[]): never {
  const temporary = `${outFile}.tmp`;
  writeFileSync(temporary, failedBuildModule(problems));
  renameSync(temporary, outFile);
  // After the module that no longer imports it, so the dev server never bundles a module without its pack.
  rmSync(packPath(outFile), { force: true });
  rmSync(prerenderedPath(outFile), { force: true });
  for (const problem of problems) console.error(problem);
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  console.error(`wirefeed build failed: ${count}; the dev server answers 503 listing ${problems.length === 1 ? "it" : "them"} until the seeds compile.`);
  process.exit(0);
}
