/**
 * `npm run deploy [-- wrangler deploy options]`: `wrangler deploy` (which runs
 * the seed build first, frozen; a bad seed or an unrecorded story stops it), then, when WEBSUB_HUB is set in
 * wrangler.toml and something was deployed (not `--dry-run`), a publish ping
 * to the hub for the site's and each section's feeds, with the hub's answers
 * printed. Never run in CI, except as `npm run deploy -- --dry-run`.
 */
import { spawnSync } from "node:child_process";
import { unstable_readConfig } from "wrangler";
import { parseConfig, type Env } from "../src/config";
import { readArticles } from "./articles-file";
import { deployPublishes, deployTopics, publishToHub } from "./websub";

const wranglerArgs = process.argv.slice(2);
// Frozen: wrangler's build step must find every story in the committed
// publication record. A deploy from a checkout where a new story's line was
// not committed would publish dates and URLs the next build could give again
// differently; it stops, naming the story, instead.
const deploy = spawnSync("npx", ["wrangler", "deploy", ...wranglerArgs], { stdio: "inherit", env: { ...process.env, WIREFEED_FROZEN: "1" } });
if (deploy.status !== 0) process.exit(deploy.status ?? 1);

const config = parseConfig(unstable_readConfig({ config: "wrangler.toml" }).vars as Env);
if (config.hub === undefined) {
  console.log("WebSub: no WEBSUB_HUB configured; no hub notified.");
} else if (!deployPublishes(wranglerArgs)) {
  console.log(`WebSub: a dry run deploys nothing; ${config.hub} not notified.`);
} else {
  const results = await publishToHub(config.hub, deployTopics(config, readArticles()));
  for (const { topic, status, detail } of results) console.log(`WebSub ${config.hub} ← ${topic}: ${status} ${detail}`);
  // 2xx is the only success WebSub defines for publish pings.
  if (results.some(({ status }) => typeof status !== "number" || status < 200 || status > 299)) process.exitCode = 1;
}
