/**
 * One URL of every kind wirefeed serves, found as a reader finds them (the
 * OPML list, the JSON Feed's items, the README's URL patterns), and wirefeed's
 * answers to each, plain and gzip, which the floor Worker then replays.
 */
import { get, GZIP, PLAIN, type Captured } from "./http-client";

export interface Route {
  /** What kind of URL this is, e.g. "section Atom". */
  kind: string;
  path: string;
  /** 200, or 404 for the one path that does not exist. */
  status: 200 | 404;
}

/** A route with wirefeed's answers: `gzip` to a client that accepts gzip, `plain` to one that sent no Accept-Encoding. */
export interface CapturedRoute extends Route {
  gzip: Captured;
  plain: Captured;
}

/** Every kind of URL, on the wirefeed Worker listening on `port` (warming nothing it would not warm anyway). */
export async function discoverRoutes(port: number): Promise<Route[]> {
  const text = async (path: string) => (await get(port, path)).body.toString();
  const feedUrls = [...(await text("/opml.xml")).matchAll(/xmlUrl="([^"]+)"/g)].map((match) => new URL(match[1]!.replace(/&amp;/g, "&")).pathname);
  const section = feedUrls.find((path) => path.startsWith("/sections/"));
  const tag = feedUrls.find((path) => path.startsWith("/tags/"));
  if (section === undefined || tag === undefined) throw new Error(`routes: /opml.xml lists no section or no tag feed (found ${feedUrls.length} feeds); the corpus needs both`);
  const items = (JSON.parse(await text("/feed.json")) as { items: Array<{ url: string }> }).items;
  const base = (feed: string) => feed.replace(/\/feed\.xml$/, "");
  const routes: Route[] = [
    { kind: "site RSS", path: "/feed.xml", status: 200 },
    { kind: "site Atom", path: "/atom.xml", status: 200 },
    { kind: "site JSON Feed", path: "/feed.json", status: 200 },
    { kind: "negotiated feed", path: "/feed", status: 200 },
    { kind: "home page", path: "/", status: 200 },
    { kind: "feeds page", path: "/feeds", status: 200 },
    { kind: "section page", path: base(section), status: 200 },
    { kind: "section RSS", path: section, status: 200 },
    { kind: "section Atom", path: `${base(section)}/atom.xml`, status: 200 },
    { kind: "section JSON Feed", path: `${base(section)}/feed.json`, status: 200 },
    { kind: "tag page", path: base(tag), status: 200 },
    { kind: "tag RSS", path: tag, status: 200 },
    { kind: "archive RSS", path: "/archive/1/feed.xml", status: 200 },
    { kind: "archive Atom", path: "/archive/1/atom.xml", status: 200 },
    { kind: "archive JSON Feed", path: "/archive/1/feed.json", status: 200 },
    { kind: "article page", path: new URL(items[0]!.url).pathname, status: 200 },
    { kind: "archived article page", path: await oldestArticle(port), status: 200 },
    { kind: "OPML", path: "/opml.xml", status: 200 },
    { kind: "sitemap", path: "/sitemap.xml", status: 200 },
    ...(await sitemapPart(port)),
    { kind: "robots.txt", path: "/robots.txt", status: 200 },
    { kind: "not found", path: "/no-such-page", status: 404 },
  ];
  return routes;
}

/**
 * The oldest article: on the first archive page, which a large corpus keeps
 * in archived blocks (fetched through the ARCHIVE binding on first use).
 */
async function oldestArticle(port: number): Promise<string> {
  const page = JSON.parse((await get(port, "/archive/1/feed.json")).body.toString()) as { items: Array<{ url: string }> };
  const oldest = page.items.at(-1);
  if (oldest === undefined) throw new Error("routes: /archive/1/feed.json lists no article; the corpus needs more articles than one feed holds");
  return new URL(oldest.url).pathname;
}

/** The sitemap's first part, when /sitemap.xml is an index of parts (a large site). */
async function sitemapPart(port: number): Promise<Route[]> {
  const sitemap = (await get(port, "/sitemap.xml")).body.toString();
  if (!sitemap.includes("<sitemapindex")) return [];
  const part = /<sitemap><loc>([^<]+)<\/loc>/.exec(sitemap);
  if (part === null) throw new Error("routes: /sitemap.xml is an index without a part");
  return [{ kind: "sitemap part", path: new URL(part[1]!.replace(/&amp;/g, "&")).pathname, status: 200 }];
}

/** wirefeed's answers to every route, checked to have the status the route expects. */
export async function captureRoutes(port: number, routes: readonly Route[]): Promise<CapturedRoute[]> {
  const captured: CapturedRoute[] = [];
  for (const route of routes) {
    const gzip = await get(port, route.path, GZIP);
    const plain = await get(port, route.path, PLAIN);
    for (const answer of [gzip, plain]) {
      if (answer.status !== route.status) throw new Error(`routes: ${route.kind} ${route.path} answered ${answer.status}, expected ${route.status}`);
    }
    captured.push({ ...route, gzip, plain });
  }
  return captured;
}
