/**
 * `npm run deploy`: `wrangler deploy` (which runs the seed build first), then,
 * when WEBSUB_HUB is set in wrangler.toml, a publish ping to the hub for the
 * site's and each section's feeds, with the hub's answers printed. Never run in CI.
 */
import { spawnSync } from "node:child_process";
import { unstable_readConfig } from "wrangler";
import { parseConfig, type Env } from "../src/config";
import { collect } from "../src/content/collections";
import { FEED_FORMATS, absolute, feedPath } from "../src/render/urls";
import { readArticles } from "./articles-file";
import { publishToHub } from "./websub";

const deploy = spawnSync("npx", ["wrangler", "deploy", ...process.argv.slice(2)], { stdio: "inherit" });
if (deploy.status !== 0) process.exit(deploy.status ?? 1);

const config = parseConfig(unstable_readConfig({ config: "wrangler.toml" }).vars as Env);
if (config.hub === undefined) {
  console.log("WebSub: no WEBSUB_HUB configured; no hub notified.");
} else {
  // The site's and every section's current feeds; tags are too many to ping on every deploy.
  const { site, sections } = collect(readArticles(), config.title);
  const topics = [site, ...sections.values()].flatMap((collection) => FEED_FORMATS.map((format) => absolute(config, feedPath(collection, format))));
  const results = await publishToHub(config.hub, topics);
  for (const { topic, status, detail } of results) console.log(`WebSub ${config.hub} ← ${topic}: ${status} ${detail}`);
  // 2xx is the only success WebSub defines for publish pings.
  if (results.some(({ status }) => typeof status !== "number" || status < 200 || status > 299)) process.exitCode = 1;
}
