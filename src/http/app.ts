import { Hono, type Context } from "hono";
import type { Article } from "../content/article";
import { ConfigError, parseConfig, type Env, type SiteConfig } from "../config";
import { PATHS, absolute } from "../render/urls";
import { htmlSecurityHeaders } from "./security-headers";
import { respond } from "./respond";
import { CONTENT_TYPES, Site, type FeedFormat } from "./site";
import { cacheControl } from "./cache-policy";
import { negotiateFeed } from "./negotiate";

type AppEnv = { Bindings: Env; Variables: { site: Site } };

const FEED_HEADERS = { "Access-Control-Allow-Origin": "*" };
const ALLOW = "GET, HEAD";

/**
 * The Worker's routes. `articles` is the compiled seed set (newest first); the
 * configuration comes from the Worker's env and is validated on first use.
 */
export function createApp(articles: readonly Article[]): Hono<AppEnv> {
  const sites = new WeakMap<object, Site>();
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    let site = sites.get(c.env);
    if (site === undefined) {
      site = new Site(parseConfig(c.env), articles);
      sites.set(c.env, site);
    }
    c.set("site", site);
    await next();
  });

  const feedRoute = (format: FeedFormat) => async (c: Context<AppEnv>) => {
    const site = c.get("site");
    const headers = { ...FEED_HEADERS, ...websubLinks(site.config, format) };
    return respond(c.req.raw, site.config, await site.feed(format), { kind: "feed", headers, cacheControl: queryCacheControl(c, site.config, "feed") });
  };
  app.get(PATHS.rss, feedRoute("rss"));
  app.get(PATHS.atom, feedRoute("atom"));
  app.get(PATHS.json, feedRoute("json"));

  app.get("/feed", async (c) => {
    const site = c.get("site");
    const format = negotiateFeed(c.req.header("Accept"));
    const rep = await site.feed(format);
    return respond(c.req.raw, site.config, rep, {
      kind: "feed",
      headers: { ...FEED_HEADERS, ...websubLinks(site.config, format), Vary: "Accept, Accept-Encoding", "Content-Location": PATHS[format] },
      // Cloudflare's cache keys ignore Vary: Accept, so a shared cache could hand
      // one reader's format to another. Only private caches may keep this one.
      cacheControl: cacheControl(site.config, "feed").replace(/^public/, "private"),
    });
  });

  app.get(PATHS.home, async (c) => {
    const site = c.get("site");
    return respond(c.req.raw, site.config, await site.home(), { kind: "page", headers: await htmlSecurityHeaders(), cacheControl: queryCacheControl(c, site.config, "page") });
  });

  app.get(`${PATHS.articlePrefix}:slug`, async (c) => {
    const site = c.get("site");
    const article = site.bySlug.get(c.req.param("slug"));
    if (article === undefined) return notFound(c);
    return respond(c.req.raw, site.config, await site.article(article), { kind: "page", headers: await htmlSecurityHeaders(), cacheControl: queryCacheControl(c, site.config, "page") });
  });

  app.all("*", (c) => {
    const known = [PATHS.rss, PATHS.atom, PATHS.json, PATHS.home, "/feed"].includes(c.req.path as never) || c.req.path.startsWith(PATHS.articlePrefix);
    if (known && c.req.method !== "GET" && c.req.method !== "HEAD") {
      return c.text(`Method ${c.req.method} is not allowed here; use GET or HEAD.\n`, 405, { Allow: ALLOW, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    }
    return notFound(c);
  });

  app.onError((error, c) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return c.text(`${error.message}\n`, 500, { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    }
    console.error("wirefeed: unexpected error", error);
    return c.text("Internal error\n", 500, { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  });

  return app;
}

/**
 * A query string the documents do not use must not become another entry in
 * shared caches: the same bytes are served, but only private caches may keep them.
 */
function queryCacheControl(c: Context<AppEnv>, site: SiteConfig, kind: "feed" | "page"): string | undefined {
  return new URL(c.req.url).search === "" ? undefined : cacheControl(site, kind).replace(/^public/, "private");
}

/** WebSub (W3C, §4): the hub and the topic URL as Link headers, beside the in-document links. */
function websubLinks(site: SiteConfig, format: FeedFormat): Record<string, string> {
  if (site.hub === undefined) return {};
  return { Link: `<${site.hub}>; rel="hub", <${absolute(site, PATHS[format])}>; rel="self"` };
}

function notFound(c: Context<AppEnv>): Response {
  const site = c.get("site");
  const headers = { "Cache-Control": cacheControl(site.config, "not-found"), "X-Content-Type-Options": "nosniff", "Content-Type": CONTENT_TYPES.html.replace("html", "plain") };
  return c.req.method === "HEAD" ? c.body(null, 404, headers) : c.body(`Not found: ${c.req.path}\n`, 404, headers);
}
