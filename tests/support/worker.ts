import { env, exports } from "cloudflare:workers";
import type { Article } from "../../src/content/article";
import { createApp } from "../../src/http/app";

/** The configured site URL (wrangler.toml [vars]); requests use another host to prove URLs never come from it. */
export const SITE = "https://wirefeed.example.com";
const REQUEST_ORIGIN = "http://localhost:8787";

/** A request to the Worker under test, through its real fetch handler in workerd. */
export function fetchWorker(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${REQUEST_ORIGIN}${path}`, init));
}

/** A fresh Worker over `articles`, with `vars` overriding wrangler.toml's [vars]. */
export function workerFor(articles: readonly Article[], vars: Record<string, string> = {}) {
  const app = createApp(articles);
  const environment = { ...env, ...vars };
  return (path: string, init?: RequestInit) => app.fetch(new Request(`${REQUEST_ORIGIN}${path}`, init), environment);
}
