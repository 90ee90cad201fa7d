import { Hono } from "hono";
import type { Archive, Corpus } from "../content/article-pack";
import { ConfigError, parseConfig, type Env } from "../config";
import { decodeSegment, documentAt, documentPath, feedPath, slugSegment, type DocumentName, type FeedFormat } from "../render/urls";
import { boundedBy, cacheControl } from "./cache-policy";
import { renderGonePage, goneText } from "../render/html/gone-page";
import { htmlSecurityHeaders } from "./security-headers";
import { negotiateFeed } from "./negotiate";
import type { Prerendered } from "./prerendered";
import { COMMON_HEADERS, httpDate, plainBody, respond, type Clock } from "./respond";
import { CONTENT_TYPES, Site, type Document } from "./site";
import { rehearse, warmUp } from "./warm-up";

/**
 * The Worker's env: the site's [vars], and the ARCHIVE assets binding, which
 * serves the article blocks a large site's pack archives (wrangler.toml).
 */
export type WorkerEnv = Env & { ARCHIVE?: Fetcher };

type AppEnv = { Bindings: WorkerEnv; Variables: { site: Site } };

/** What every document allows; OPTIONS answers a browser's CORS preflight. */
const ALLOW = "GET, HEAD, OPTIONS";
/** A preflight for a conditional GET from a web page: the validators are not CORS-safelisted headers. */
const PREFLIGHT_HEADERS = {
  ...COMMON_HEADERS,
  Allow: ALLOW,
  "Access-Control-Allow-Methods": ALLOW,
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since, Cache-Control",
  "Access-Control-Max-Age": "86400",
  "Cache-Control": "no-store",
};

/**
 * The Worker. `corpus` is the compiled seed set (src/content/article-pack.ts),
 * `prerendered` what the build rendered of it (src/http/prerendered.ts); the
 * configuration comes from the Worker's env and is validated on first use.
 * What a URL names is decided in one place, `documentAt` (src/render/urls.ts),
 * a pure function of the path; the site says whether that document exists.
 * Hono dispatches on the method.
 */
export function createApp(corpus: Corpus, prerendered: Prerendered | null = null, options: AppOptions = {}): Worker {
  const sites = new WeakMap<object, Site>();
  /** The site for a Worker's env, made on its first request; a bad configuration throws ConfigError. */
  const siteFor = (env: WorkerEnv): Site => {
    let site = sites.get(env);
    if (site === undefined) sites.set(env, (site = new Site(prerendered?.configFor(env) ?? parseConfig(env), corpus, prerendered, archiveOf(env), options.clock)));
    return site;
  };
  if (prerendered !== null) {
    warmUp(prerendered.config, corpus, prerendered.languages);
    // A site of its own: the Worker's are made per env, on the first request, with its ARCHIVE binding.
    const rehearsal = new Site(prerendered.config, corpus, prerendered, undefined, options.clock);
    // Past an embargo the build did not see, the feed would be rendered here: left to the first request.
    if (rehearsal.at().key === prerendered.epoch) rehearse((request) => answerGet(request, rehearsal));
  }
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set("site", siteFor(c.env));
    await next();
  });

  // GET, and HEAD through it (Hono routes HEAD to GET handlers and drops the body);
  // reached when the Worker's fast path below handed the request over.
  app.get("*", (c) => answerGet(c.req.raw, c.get("site")));

  app.options("*", (c) => {
    const { path } = requestTarget(c.req.url);
    return exists(c.get("site"), documentAt(path)) ? c.body(null, 204, PREFLIGHT_HEADERS) : notFound(c.req.raw, c.get("site"));
  });

  app.all("*", (c) => {
    const { path } = requestTarget(c.req.url);
    if (!exists(c.get("site"), documentAt(path))) return notFound(c.req.raw, c.get("site"));
    return c.text(`Method ${c.req.method} is not allowed here; use GET or HEAD.\n`, 405, { ...COMMON_HEADERS, Allow: ALLOW, "Cache-Control": "no-store" });
  });

  app.onError((error, c) => {
    const headers = { ...COMMON_HEADERS, "Cache-Control": "no-store", "Content-Type": CONTENT_TYPES.text };
    if (error instanceof ConfigError) {
      console.error(error.message);
      return c.body(`${error.message}\n`, 500, headers);
    }
    console.error("wirefeed: unexpected error", error);
    return c.body("Internal error\n", 500, headers);
  });

  return {
    fetch(request, env, ctx) {
      // GET and HEAD are answered here, by the same function the GET route
      // calls, without Hono's dispatch: they are nearly every request, the
      // answer is nearly always in memory, and Hono builds its router on its
      // first match (~8 ms of a fresh isolate's first request). Other methods,
      // a bad configuration and any failure go through Hono and its handlers.
      if (request.method !== "GET" && request.method !== "HEAD") return app.fetch(request, env, ctx);
      let answer: Response | Promise<Response>;
      try {
        answer = answerGet(request, siteFor(env));
      } catch {
        return app.fetch(request, env, ctx);
      }
      return answer instanceof Response ? answer : answer.catch(() => app.fetch(request, env, ctx));
    },
  };
}

export interface AppOptions {
  /**
   * Milliseconds since the epoch: what decides which stories are shown (an
   * embargo lifts, a licence ends) and every response's Date. Date.now in the
   * Worker; tests give their own.
   */
  clock?: () => number;
}

/** The Worker's handler; `ctx` is optional so tests can call it as an app. */
export interface Worker {
  fetch(request: Request, env: WorkerEnv, ctx?: ExecutionContext): Response | Promise<Response>;
}

/** The archived blocks as the ARCHIVE binding serves them: the files the build wrote, by name. */
function archiveOf(env: WorkerEnv): Archive | undefined {
  const assets = env.ARCHIVE;
  if (assets === undefined) return undefined;
  return async (file) => {
    // The host is not looked at: an assets binding serves its files by path.
    const response = await assets.fetch(`https://archive.invalid/${file}`);
    if (!response.ok) throw new Error(`the archived block ${file} answered ${response.status}; expected the build's wrangler.toml [assets] folder, deployed with this Worker`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

/**
 * The answer to a GET or HEAD: the document the URL names (a 304 when the
 * client's copy is current), `/feed` in the format asked for, a redirect from
 * a trailing slash, or a 404.
 */
function answerGet(request: Request, site: Site): Response | Promise<Response> {
  const { path, query } = requestTarget(request.url);
  const name = documentAt(path);
  // One reading of the clock for what is shown and for the headers that say so.
  const now = site.clock();
  const clock: Clock = { now, until: site.at(now).until };
  if (name?.type === "negotiated-feed") return answerNegotiatedFeed(request, site, clock);
  const found = name === undefined ? undefined : site.document(name, path);
  if (found === undefined) {
    const gone = name?.type === "article" ? site.gone(name.slug) : undefined;
    if (gone !== undefined) return answerGone(request, site, gone, clock);
    return redirectToCanonical(site, path, query, clock) ?? notFound(request, site, clock);
  }
  // A query string the documents do not use must not become another entry in shared caches.
  const answer = (document: Document) => respond(request, site.config, document, query !== "", clock);
  return found instanceof Promise ? found.then(answer) : answer(found);
}

/** Headers of every answer that depends on Accept: `/feed`. */
const NEGOTIATED = { Vary: "Accept, Accept-Encoding" };

/**
 * `/feed`: the site's feed in the format `Accept` asks for. Private, because
 * Cloudflare's cache keys ignore `Vary: Accept` and a shared copy could hand
 * one reader's format to another.
 */
function answerNegotiatedFeed(request: Request, site: Site, clock: Clock): Response | Promise<Response> {
  const format = negotiateFeed(request.headers.get("Accept") ?? undefined);
  if (format === undefined) {
    const body = "Not acceptable: /feed is RSS (application/rss+xml), Atom (application/atom+xml) or JSON Feed (application/feed+json).\n";
    return new Response(body, { status: 406, headers: { ...COMMON_HEADERS, ...NEGOTIATED, "Cache-Control": "no-store", "Content-Type": CONTENT_TYPES.text } });
  }
  const found = site.document({ type: "feed", collection: site.collections.site, format })!;
  const answer = (document: Document) => respond(request, site.config, negotiated(document, format), false, clock);
  return found instanceof Promise ? found.then(answer) : answer(found);
}

/** The site's feed as `/feed` answers with it, made once per document. */
const NEGOTIATED_DOCUMENTS = new WeakMap<Document, Document>();

function negotiated(document: Document, format: FeedFormat): Document {
  let answer = NEGOTIATED_DOCUMENTS.get(document);
  if (answer === undefined) {
    const headers = { ...document.options.headers, ...NEGOTIATED, "Content-Location": feedPath({ kind: "site", slug: "" }, format) };
    answer = { representation: document.representation, options: { ...document.options, private: true, headers } };
    NEGOTIATED_DOCUMENTS.set(document, answer);
  }
  return answer;
}

/**
 * Another spelling of a document's path: 301 to the one wirefeed writes
 * (root-relative, so browsing stays on this host). A trailing slash, and
 * percent-encoding other than the site's (`%d0%b2` for `%D0%B2`, `c%2B%2B`
 * for `c++`), decoded once: a link typed or copied by hand still arrives.
 * And a section's or tag's URL from before issue 20, whose slug moved: its
 * subscribers follow the 301 to the same feed.
 */
function redirectToCanonical(site: Site, path: string, query: string, clock: Clock): Response | undefined {
  const spelled = canonicalSpelling(path);
  if (spelled === undefined) return undefined;
  const canonical = spelled !== path && exists(site, documentAt(spelled)) ? spelled : movedPath(site, spelled);
  if (canonical === undefined) return undefined;
  const policy = bounded(cacheControl(site.config, "redirect"), clock);
  const headers = { ...COMMON_HEADERS, Location: query === "" ? canonical : `${canonical}?${query}`, "Cache-Control": query === "" ? policy : policy.replace(/^public/, "private") };
  return new Response(null, { status: 301, headers });
}

/** A section's or tag's document at the slug it had before issue 20: the path of the same document at today's (Site.movedCollection). */
function movedPath(site: Site, path: string): string | undefined {
  const name = documentAt(path);
  if (name === undefined || (name.type !== "feed" && name.type !== "listing")) return undefined;
  const collection = site.movedCollection(name.collection);
  if (collection === undefined) return undefined;
  const moved: DocumentName = { ...name, collection };
  return exists(site, moved) ? documentPath(moved) : undefined;
}

/** `path` without a trailing slash, each segment decoded once and encoded as wirefeed writes slugs; undefined when a segment is not UTF-8 percent-encoding. */
function canonicalSpelling(path: string): string | undefined {
  const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  if (!trimmed.includes("%") && !/[^\x21-\x7e]/.test(trimmed)) return trimmed;
  const segments: string[] = [];
  for (const segment of trimmed.split("/")) {
    const decoded = decodeSegment(segment);
    if (decoded === undefined) return undefined;
    segments.push(slugSegment(decoded));
  }
  return segments.join("/");
}

/**
 * A 404 that says nothing of the request: the HTML page, to browsers and feed
 * readers alike. One body and no `Vary: Accept`, because Cloudflare's cache
 * ignores Vary: a 404 chosen by Accept and cached publicly gave a reader the
 * browser's page or a browser the reader's text, whichever asked first. One
 * body keeps it public, so a dead feed URL that readers keep polling is
 * answered by the cache; a reader reads the status, not the page.
 */
function notFound(request: Request, site: Site, clock: Clock = { now: site.clock(), until: site.at().until }): Response | Promise<Response> {
  const found = site.notFound();
  const answer = ({ representation, options }: Document) => {
    const headers = {
      ...COMMON_HEADERS,
      ...options.headers,
      // Bounded too: a story's URL answers this until its embargo lifts, and then must not be cached as missing.
      "Cache-Control": bounded(cacheControl(site.config, "not-found"), clock),
      "Content-Type": representation.contentType,
      "Content-Length": String(representation.length),
    };
    return new Response(request.method === "HEAD" ? null : plainBody(representation), { status: 404, headers });
  };
  return found instanceof Promise ? found.then(answer) : answer(found);
}

/** `policy`, shortened to end by the site's next change. */
function bounded(policy: string, clock: Clock): string {
  return clock.until === Infinity ? policy : boundedBy(policy, (clock.until - clock.now) / 1000);
}

/**
 * 410 Gone: the story at this URL was withdrawn (or its licence ended). A
 * short notice that does not repeat the headline, as HTML for browsers and
 * text for everyone else; chosen by Accept, so private (Cloudflare's cache
 * keys ignore Vary, see notFound) and short-lived: a story's URL is asked
 * for rarely once it is gone, and a cache must not keep a notice for a story
 * a publisher may restore.
 */
async function answerGone(request: Request, site: Site, when: string, clock: Clock): Promise<Response> {
  const html = /\btext\/html\b/.test(request.headers.get("Accept") ?? "");
  const body = html ? renderGonePage(site.config, site.collections, when) : goneText(site.config, when);
  const bytes = new TextEncoder().encode(body);
  const headers = {
    ...COMMON_HEADERS,
    ...(html ? await htmlSecurityHeaders() : {}),
    "Cache-Control": bounded(cacheControl(site.config, "gone"), clock),
    "Content-Type": html ? CONTENT_TYPES.html : CONTENT_TYPES.text,
    "Content-Length": String(bytes.byteLength),
    Date: httpDate(Math.floor(clock.now / 1000)),
    Vary: "Accept",
  };
  return new Response(request.method === "HEAD" ? null : bytes, { status: 410, headers });
}

function exists(site: Site, name: DocumentName | undefined): boolean {
  return name !== undefined && (name.type === "negotiated-feed" || site.has(name));
}

/** The path (as sent: still percent-encoded) and query of an absolute URL, without parsing all of it. */
export function requestTarget(url: string): { path: string; query: string } {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start === -1) return { path: "/", query: "" };
  const question = url.indexOf("?", start);
  const end = url.indexOf("#", start);
  const pathEnd = question !== -1 ? question : end !== -1 ? end : url.length;
  return { path: url.slice(start, pathEnd), query: question === -1 ? "" : url.slice(question + 1, end !== -1 && end > question ? end : url.length) };
}
