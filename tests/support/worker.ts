import { env, exports } from "cloudflare:workers";
import type { Article } from "../../src/content/article";
import { openCorpus, type Corpus, type PackOptions } from "../../src/content/article-pack";
import { packed } from "./seeds";
import { createApp } from "../../src/http/app";
import pack from "../generated/articles.bin";
import { TEST_VARS } from "./test-vars";

/** The Worker under test's site URL (its own, not wrangler.toml's); requests use another host to prove URLs never come from it. */
export const SITE = TEST_VARS.SITE_URL;
const REQUEST_ORIGIN = "http://localhost:8787";

/**
 * The fixture corpus (tests/fixtures/seeds), newest first, as the Worker under
 * test serves it: compiled before the tests run (vitest.config.ts).
 */
export const FIXTURE_CORPUS: Corpus = openCorpus(pack);
export const FIXTURE_ARTICLES: readonly Article[] = FIXTURE_CORPUS.articles;

/** A request to the Worker under test (src/index.ts over the fixture corpus), through its real fetch handler in workerd. */
export function fetchWorker(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${REQUEST_ORIGIN}${path}`, init));
}

/**
 * A fresh Worker over `articles`, packed as the build packs them, with `vars`
 * over the tests' own (tests/support/test-vars.ts); `options`: what the pack
 * carries beside them (withdrawals, the archive page size), and the Worker's
 * clock (ms since the epoch; the real one by default).
 */
export function workerFor(articles: readonly Article[], vars: Record<string, string> = {}, options: PackOptions & { clock?: () => number } = {}) {
  const { clock, ...pack } = options;
  const app = createApp(packed(articles, pack), null, clock === undefined ? {} : { clock });
  const environment = { ...env, ...vars };
  return (path: string, init?: RequestInit) => app.fetch(new Request(`${REQUEST_ORIGIN}${path}`, init), environment);
}
