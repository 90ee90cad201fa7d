/**
 * `npm run deploy [-- wrangler deploy options]`: the seed build, frozen (a
 * bad seed or an unrecorded story stops it, said once, as the build says it),
 * then `wrangler deploy`, then, when the deployed environment's
 * `WEBSUB_HUB` is set and something was deployed, a publish ping to that hub
 * for the site's and each section's feeds at that environment's URLs, with
 * the hub's answers printed. The options are read as wrangler reads them
 * (scripts/deploy-args.ts): a dry run in any spelling pings nothing. Never run
 * in CI, except as a dry run.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { readArticles } from "./articles-file";
import { deployConfig, deployTarget } from "./deploy-args";
import { deployTopics, publishToHub } from "./websub";

const wranglerArgs = process.argv.slice(2);
const target = deployTarget(wranglerArgs);
// Frozen: wrangler's build step must find every story in the committed
// publication record. A deploy from a checkout where a new story's line was
// not committed would publish dates and URLs the next build could give again
// differently; it stops, naming the story, instead. No telemetry: a dry run
// contacts nothing, and no deploy sends Cloudflare usage data.
const env = { ...process.env, WIREFEED_FROZEN: "1", WRANGLER_SEND_METRICS: "false" };

// The build first, on its own: when it stops, its messages are all that is
// printed (run as wrangler's build step, they come again inside wrangler's
// error, with a stack trace). Wrangler's build step then finds it passing.
const build = spawnSync(process.execPath, [join(import.meta.dirname, "../node_modules/tsx/dist/cli.mjs"), join(import.meta.dirname, "build.ts"), "--quiet"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);

const deploy = spawnSync("npx", ["wrangler", "deploy", ...wranglerArgs], { stdio: "inherit", env });
if (deploy.status !== 0) process.exit(deploy.status ?? 1);

const config = deployConfig(target);
if (config.hub === undefined) {
  console.log("WebSub: no WEBSUB_HUB configured; no hub notified.");
} else if (target.dryRun) {
  console.log(`WebSub: a dry run deploys nothing; ${config.hub} not notified.`);
} else {
  const results = await publishToHub(config.hub, deployTopics(config, readArticles()));
  for (const { topic, status, detail } of results) console.log(`WebSub ${config.hub} ← ${topic}: ${status} ${detail}`);
  // 2xx is the only success WebSub defines for publish pings.
  if (results.some(({ status }) => typeof status !== "number" || status < 200 || status > 299)) process.exitCode = 1;
}
