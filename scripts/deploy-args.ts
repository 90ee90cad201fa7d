/**
 * What `wrangler deploy` will do with the arguments `npm run deploy --` passes
 * it, read the way wrangler reads them: with yargs-parser (the release
 * wrangler 4.86 bundles, 21.1.1) and wrangler's declarations of the options
 * that matter here. So `--dry-run`, `--dryRun`, `--dry-run=true`,
 * `--dry-run true` are all a dry run, `--no-dry-run` and `--dry-run=1` are
 * not, the last spelling wins, and `--env`/`-e` and `--config`/`-c` select
 * the environment and the file wrangler deploys.
 */
import { resolve } from "node:path";
import { unstable_readConfig } from "wrangler";
import parse from "yargs-parser";
import { parseConfig, type Env, type SiteConfig } from "../src/config";

export interface DeployTarget {
  /** Nothing is uploaded: nothing may be announced either. */
  dryRun: boolean;
  /** The wrangler environment (`[env.<name>]`), if one is named. */
  env?: string;
  /** The wrangler configuration file, if not the default. */
  config?: string;
}

export function deployTarget(args: readonly string[]): DeployTarget {
  const parsed = parse([...args], {
    // As wrangler declares them (wrangler-dist/cli.js, deploy's "dry-run" and the global "env" and "config").
    boolean: ["dry-run"],
    string: ["env", "config"],
    // yargs gives every dashed option its camelCase alias, as here.
    alias: { "dry-run": ["dryRun"], env: ["e"], config: ["c"] },
  });
  const last = (value: unknown) => (Array.isArray(value) ? value.at(-1) : value) as unknown;
  const dry = last(parsed["dry-run"]);
  const env = last(parsed.env);
  const config = last(parsed.config);
  return {
    dryRun: dry === true,
    ...(typeof env === "string" && env !== "" ? { env } : {}),
    ...(typeof config === "string" && config !== "" ? { config } : {}),
  };
}

/**
 * The site as the deployed environment configures it: `[env.<name>.vars]`
 * when `--env` names one (wrangler does not inherit `vars` into an
 * environment), from the `--config` file when given; paths relative to `cwd`.
 */
export function deployConfig(target: DeployTarget, cwd = process.cwd()): SiteConfig {
  const config = unstable_readConfig({ config: resolve(cwd, target.config ?? "wrangler.toml"), ...(target.env ? { env: target.env } : {}) }, { hideWarnings: true });
  return parseConfig(config.vars as Env);
}
