/**
 * The build's last step: the documents a fresh isolate is first asked for,
 * rendered for the configuration in wrangler.toml (src/http/prerendered.ts).
 * The same `Site` renders them as at run time, so their bytes are the bytes
 * the Worker would make; a configuration that does not validate prerenders
 * nothing (the Worker then answers 500 naming the variable, as before).
 */
import { existsSync, readFileSync } from "node:fs";
import type { Corpus } from "../src/content/article-pack";
import { ConfigError, parseConfig, type SiteConfig } from "../src/config";
import { PRERENDERED_NAMES, packPrerendered } from "../src/http/prerendered";
import { Site, type Document } from "../src/http/site";
import { documentPath } from "../src/render/urls";
import { readVars } from "./wrangler-vars";

/** The configuration wrangler.toml gives, or undefined when it has none that validates. */
export function wranglerConfig(file = "wrangler.toml"): SiteConfig | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return parseConfig(readVars(readFileSync(file, "utf8")));
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

/** The prerendered documents' bytes for `config` (none when it is undefined). */
export async function prerender(corpus: Corpus, config: SiteConfig | undefined): Promise<Uint8Array> {
  const documents = new Map<string, Document>();
  if (config !== undefined) {
    const site = new Site(config, corpus);
    for (const name of PRERENDERED_NAMES) documents.set(documentPath(name), await site.document(name)!);
  }
  return packPrerendered(config ?? NO_CONFIG, documents);
}

/** Stands for "no configuration": a key no Worker's configuration has. */
const NO_CONFIG = {} as SiteConfig;
