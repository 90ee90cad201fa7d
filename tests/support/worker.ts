import { exports } from "cloudflare:workers";

/** The configured site URL (wrangler.toml [vars]); requests use another host to prove URLs never come from it. */
export const SITE = "https://wirefeed.example.com";
const REQUEST_ORIGIN = "http://localhost:8787";

/** A request to the Worker under test, through its real fetch handler in workerd. */
export function fetchWorker(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${REQUEST_ORIGIN}${path}`, init));
}
