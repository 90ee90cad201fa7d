import { Hono, type Context, type Handler } from "hono";
import type { Article } from "../content/article";
import type { Collection } from "../content/collections";
import { ConfigError, parseConfig, type Env, type SiteConfig } from "../config";
import { FEED_FILES, FEED_FORMATS, PATHS, absolute, feedPath, type FeedFormat } from "../render/urls";
import { cacheControl, type ResponseKind } from "./cache-policy";
import { negotiateFeed } from "./negotiate";
import type { Representation } from "./representation";
import { respond, type RespondOptions } from "./respond";
import { htmlSecurityHeaders } from "./security-headers";
import { CONTENT_TYPES, Site, type ResolvedRoute } from "./site";

type AppEnv = { Bindings: Env; Variables: { site: Site } };

const ALLOW = "GET, HEAD";
const OTHER_METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
const FEED_HEADERS = { "Access-Control-Allow-Origin": "*" };
/** Archive pages are numbered 1…; six digits is more pages than any corpus a Worker can hold. */
const PAGE = ":page{[1-9][0-9]{0,5}}";
const COLLECTION = ":kind{sections|tags}/:slug";

/**
 * The Worker's routes. `articles` is the compiled seed set (newest first); the
 * configuration comes from the Worker's env and is validated on first use.
 */
export function createApp(articles: readonly Article[]): Worker {
  const sites = new WeakMap<object, Site>();
  const siteFor = (env: Env): Site => {
    let site = sites.get(env);
    if (site === undefined) {
      site = new Site(parseConfig(env), articles);
      sites.set(env, site);
    }
    return site;
  };
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set("site", siteFor(c.env));
    await next();
  });

  /** GET (and HEAD) on `path`; other methods get 405 with Allow, OPTIONS a 204. */
  const route = (path: string, handler: Handler<AppEnv>) => {
    app.get(path, handler);
    app.on(OTHER_METHODS, path, (c) => {
      const headers = { Allow: ALLOW, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
      if (c.req.method === "OPTIONS") return c.body(null, 204, { ...headers, ...FEED_HEADERS });
      return c.body(`Method ${c.req.method} is not allowed here; use GET or HEAD.\n`, 405, { ...headers, "Content-Type": CONTENT_TYPES.text });
    });
  };

  for (const format of FEED_FORMATS) {
    const file = FEED_FILES[format];
    route(`/${file}`, (c) => serveFeed(c, c.get("site").collections.site, format));
    route(`/archive/${PAGE}/${file}`, (c) => serveFeed(c, c.get("site").collections.site, format, Number(c.req.param("page"))));
    route(`/${COLLECTION}/${file}`, (c) => withCollection(c, (collection) => serveFeed(c, collection, format)));
    route(`/${COLLECTION}/archive/${PAGE}/${file}`, (c) => withCollection(c, (collection) => serveFeed(c, collection, format, Number(c.req.param("page")))));
  }

  route("/feed", async (c) => {
    const site = c.get("site");
    const format = negotiateFeed(c.req.header("Accept"));
    return respond(c.req.raw, site.config, await site.feed(site.collections.site, format)!, {
      kind: "feed",
      headers: { ...FEED_HEADERS, ...websubLinks(site.config, format), Vary: "Accept, Accept-Encoding", "Content-Location": feedPath(site.collections.site, format) },
      // Cloudflare's cache keys ignore Vary: Accept, so a shared cache could hand
      // one reader's format to another. Only private caches may keep this one.
      cacheControl: cacheControl(site.config, "feed").replace(/^public/, "private"),
    });
  });

  route(PATHS.home, (c) => servePage(c, () => c.get("site").home()));
  route(PATHS.feeds, (c) => servePage(c, () => c.get("site").feedsPage()));
  route(`/${COLLECTION}`, (c) => withCollection(c, (collection) => servePage(c, () => c.get("site").collectionPage(collection))));
  route(`${PATHS.articlePrefix}:slug`, (c) => {
    const site = c.get("site");
    const article = site.bySlug.get(c.req.param("slug") ?? "");
    return article === undefined ? notFound(c) : servePage(c, () => site.article(article));
  });
  route(PATHS.opml, (c) => serve(c, () => c.get("site").opml(), "page", FEED_HEADERS));
  route(PATHS.sitemap, (c) => serve(c, () => c.get("site").sitemap(), "page"));
  route(PATHS.robots, (c) => serve(c, () => c.get("site").robots(), "page"));

  app.notFound(notFound);

  app.onError((error, c) => {
    const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Content-Type": CONTENT_TYPES.text };
    if (error instanceof ConfigError) {
      console.error(error.message);
      return c.body(`${error.message}\n`, 500, headers);
    }
    console.error("wirefeed: unexpected error", error);
    return c.body("Internal error\n", 500, headers);
  });

  return {
    fetch: async (request, env, ctx) => {
      const route = resolvedRoute(request, env, siteFor);
      if (route === undefined) return app.fetch(request, env, ctx);
      // On any failure the router takes over, with its error handling.
      return route.route
        .load()
        .then((representation) => respond(request, route.site.config, representation, route.route.options))
        .catch(() => app.fetch(request, env, ctx));
    },
  };
}

/** The Worker's handler; `ctx` is optional so tests can call it as an app. */
export interface Worker {
  fetch(request: Request, env: Env, ctx?: ExecutionContext): Promise<Response>;
}

/** A GET or HEAD for a path routed before, without a query string; else undefined (the router decides). */
function resolvedRoute(request: Request, env: Env, siteFor: (env: Env) => Site): { site: Site; route: ResolvedRoute } | undefined {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  const path = plainPath(request.url);
  if (path === undefined) return undefined;
  let site: Site;
  try {
    site = siteFor(env);
  } catch {
    return undefined; // the router's error handler explains a bad configuration
  }
  const route = site.routes.get(path);
  return route === undefined ? undefined : { site, route };
}

/** The path of an absolute URL with no query string, without parsing it; undefined when it has a query. */
function plainPath(url: string): string | undefined {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start === -1) return "/";
  return url.includes("?", start) ? undefined : url.slice(start);
}

function serveFeed(c: Context<AppEnv>, collection: Collection, format: FeedFormat, page?: number): Promise<Response> | Response {
  const site = c.get("site");
  if (site.feed(collection, format, page) === undefined) return notFound(c);
  const headers = page === undefined && collection.kind === "site" ? { ...FEED_HEADERS, ...websubLinks(site.config, format) } : FEED_HEADERS;
  return serve(c, () => site.feed(collection, format, page)!, page === undefined ? "feed" : "archive", headers);
}

async function servePage(c: Context<AppEnv>, load: () => Promise<Representation>): Promise<Response> {
  return serve(c, load, "page", await htmlSecurityHeaders());
}

/** Answer with what `load` gives, and remember the route for the next request to this path. */
async function serve(c: Context<AppEnv>, load: () => Promise<Representation>, kind: ResponseKind, headers?: Record<string, string>): Promise<Response> {
  const site = c.get("site");
  const options: RespondOptions = { kind, ...(headers ? { headers } : {}), ...queryCacheControl(c, site.config, kind) };
  const path = plainPath(c.req.url);
  if (path !== undefined) site.routes.set(path, { load, options });
  return respond(c.req.raw, site.config, await load(), options);
}

function withCollection(c: Context<AppEnv>, serveIt: (collection: Collection) => Promise<Response> | Response): Promise<Response> | Response {
  const { collections } = c.get("site");
  const collection = (c.req.param("kind") === "sections" ? collections.sections : collections.tags).get(c.req.param("slug") ?? "");
  return collection === undefined ? notFound(c) : serveIt(collection);
}

/**
 * A query string the documents do not use must not become another entry in
 * shared caches: the same bytes are served, but only private caches may keep them.
 */
function queryCacheControl(c: Context<AppEnv>, site: SiteConfig, kind: ResponseKind): { cacheControl?: string } {
  return c.req.url.includes("?") ? { cacheControl: cacheControl(site, kind).replace(/^public/, "private") } : {};
}

/** WebSub (W3C, §4): the hub and the topic URL as Link headers, beside the in-document links. */
function websubLinks(site: SiteConfig, format: FeedFormat): Record<string, string> {
  if (site.hub === undefined) return {};
  return { Link: `<${site.hub}>; rel="hub", <${absolute(site, `/${FEED_FILES[format]}`)}>; rel="self"` };
}

function notFound(c: Context<AppEnv>): Response {
  const site = c.get("site");
  const headers = { "Cache-Control": cacheControl(site.config, "not-found"), "X-Content-Type-Options": "nosniff", "Content-Type": CONTENT_TYPES.text };
  return c.req.method === "HEAD" ? c.body(null, 404, headers) : c.body(`Not found: ${c.req.path}\n`, 404, headers);
}
