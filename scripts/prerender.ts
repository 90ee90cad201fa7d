/**
 * The build's last step: the documents a fresh isolate is first asked for, and
 * a large site's sitemap index, rendered for the configuration in wrangler.toml
 * (src/http/prerendered.ts).
 * The same `Site` renders them as at run time, so their bytes are the bytes
 * the Worker would make; a configuration that does not validate prerenders
 * nothing (the Worker then answers 500 naming the variable, as before).
 */
import { existsSync, readFileSync } from "node:fs";
import type { ArchiveFiles, Corpus } from "../src/content/article-pack";
import { ConfigError, envVars, parseConfig, type Env, type SiteConfig } from "../src/config";
import { DocumentStore, packPrerendered, prerenderedNames, storedNames } from "../src/http/prerendered";
import { Site, type Document } from "../src/http/site";
import { documentPath } from "../src/render/urls";
import { readVars } from "./wrangler-vars";

/** The variables wrangler.toml's [vars] gives (as far as scripts/wrangler-vars.ts reads them). */
export function wranglerVars(file = "wrangler.toml"): Env {
  return existsSync(file) ? envVars(readVars(readFileSync(file, "utf8"))) : {};
}

/**
 * The prerendered documents for a Worker whose env holds `vars` (none when
 * they do not validate): the Data module's bytes, and the documents stored as
 * files of the [assets] folder (`storedNames`). `archive`: the blocks the
 * pack archived (a feed of more items than the pack's newest blocks hold
 * reads some); `clock`: the build's (tests give their own, as to a Site);
 * `store`: whether to store any (build.ts --no-stored-documents);
 * `languages`: those whose dates the Worker prepares while it starts (`warmUpLanguages`).
 */
export async function prerender(corpus: Corpus, vars: Env, archive: ArchiveFiles = new Map(), clock: () => number = Date.now, store = true, languages: readonly string[] = []): Promise<{ module: Uint8Array; files: ArchiveFiles }> {
  let config: SiteConfig;
  try {
    config = parseConfig(vars);
  } catch (error) {
    if (error instanceof ConfigError) return { module: packPrerendered({}, NO_CONFIG, new Map()), files: new Map() };
    throw error;
  }
  const site = new Site(config, corpus, null, async (file) => archive.get(file) ?? Promise.reject(new Error(`the build wrote no archived block ${file}`)), clock);
  const documents = new Map<string, Document>();
  // What the build's clock shows: a Worker whose clock shows otherwise (an embargo lifted since) renders its own.
  const epoch = site.at().key;
  for (const name of prerenderedNames(config, site.collections)) documents.set(documentPath(name), await site.document(name)!);
  const stored = new DocumentStore();
  for (const name of store ? storedNames(config, site.collections) : []) if (!stored.add(documentPath(name), await site.document(name)!)) break;
  if (site.at().key !== epoch) return prerender(corpus, vars, archive, clock, store, languages);
  return { module: packPrerendered(vars, config, documents, epoch, stored.entries, languages), files: stored.files };
}

/**
 * Stands for "no configuration": no Worker's configuration is this, and no
 * env's variables are `{}` and the configuration together (parseConfig
 * refuses an empty env).
 */
const NO_CONFIG = {} as SiteConfig;
