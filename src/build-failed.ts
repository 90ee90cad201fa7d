import { escapeText } from "./render/escape";
import type { Worker } from "./http/app";
import { parseWeightedList } from "./http/weighted-list";

/** Seconds: how soon a client should ask again; the dev loop rebuilds as soon as a seed is saved. */
const RETRY_AFTER = 2;

/**
 * The Worker while the seeds do not compile, under `npm start` only (a failed
 * `npm run build` or deploy writes nothing): every request gets a 503 listing
 * each problem as the build printed it (`seeds/<file>:<line>: …`), an HTML page
 * for browsers (which reloads itself until the seeds compile), text for
 * everything else. Nothing of the site is served, so nothing half-built is.
 */
export function buildFailedWorker(problems: readonly string[]): Worker {
  const summary = `the seeds do not compile: ${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  const text = `wirefeed: ${summary}; nothing is served until they are fixed.\n\n${problems.join("\n")}\n`;
  const html = page(summary, problems);
  return {
    fetch: async (request) => {
      const wantsHtml = parseWeightedList(request.headers.get("Accept") ?? "").some(({ value, q }) => value === "text/html" && q > 0);
      const headers = {
        "Content-Type": wantsHtml ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": String(RETRY_AFTER),
        Vary: "Accept",
        "X-Content-Type-Options": "nosniff",
        ...(wantsHtml ? { "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'" } : {}),
      };
      return new Response(request.method === "HEAD" ? null : wantsHtml ? html : text, { status: 503, headers });
    },
  };
}

function page(summary: string, problems: readonly string[]): string {
  const items = problems.map((problem) => `<li><code>${escapeText(problem)}</code></li>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER}">
<title>wirefeed: ${escapeText(summary)}</title>
</head>
<body>
<main>
<h1>wirefeed: ${escapeText(summary)}</h1>
<p>Nothing is served until every problem below is fixed. This page reloads itself and shows the site once the seeds compile.</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
}
