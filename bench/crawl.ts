/**
 * A crawler's walk through every URL wirefeed serves, found as a crawler
 * finds them: the sitemap (every page and article), the OPML list (every
 * feed; the README's URL patterns give each one's Atom and JSON Feed
 * siblings), and each feed's RFC 5005 `prev-archive` link (every archive page
 * up to it, in every format). Everything is asked for with gzip, as crawlers
 * do, so the Worker keeps both copies of what it serves.
 */
import { Agent } from "node:http";
import { gunzipSync } from "node:zlib";
import { get, GZIP } from "./http-client";

export interface CrawlResult {
  requests: number;
  /** Responses other than 200, by path; a full crawl has none. */
  failures: string[];
}

const FORMAT_FILES = ["feed.xml", "atom.xml", "feed.json"];

/** Crawl everything on `port`, `concurrency` requests at a time. */
export async function crawl(port: number, concurrency: number): Promise<CrawlResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const seen = new Set<string>();
  const failures: string[] = [];
  const queue: string[] = [];
  const wanted = (path: string) => {
    if (!seen.has(path)) {
      seen.add(path);
      queue.push(path);
    }
  };
  const fetchText = async (path: string): Promise<string> => {
    const response = await get(port, path, GZIP, agent);
    if (response.status !== 200) failures.push(`${response.status} ${path}`);
    return (response.headers["content-encoding"] === "gzip" ? gunzipSync(response.body) : response.body).toString();
  };
  const visit = async (path: string): Promise<void> => {
    const text = await fetchText(path);
    // The sitemap, or, past 5,000 pages, its index and each part it lists.
    if (path === "/sitemap.xml" || path.startsWith("/sitemaps/")) {
      for (const [, loc] of text.matchAll(/<loc>([^<]+)<\/loc>/g)) wanted(new URL(unescape(loc!)).pathname);
    } else if (path === "/opml.xml") {
      for (const [, url] of text.matchAll(/xmlUrl="([^"]+)"/g)) {
        const feed = new URL(unescape(url!)).pathname;
        for (const file of FORMAT_FILES) wanted(feed.replace(/feed\.xml$/, file));
      }
    } else if (path.endsWith("/feed.xml") && !path.includes("/archive/")) {
      // The newest archive page; every page from 1 up to it is published, in every format.
      const newest = /rel="prev-archive"[^>]*href="[^"]*\/archive\/(\d+)\/feed\.xml"|href="[^"]*\/archive\/(\d+)\/feed\.xml"[^>]*rel="prev-archive"/.exec(text);
      const pages = Number(newest?.[1] ?? newest?.[2] ?? 0);
      const base = path.slice(0, -"/feed.xml".length);
      for (let page = 1; page <= pages; page++) for (const file of FORMAT_FILES) wanted(`${base}/archive/${page}/${file}`);
    }
  };
  for (const path of ["/", "/feeds", "/feed", "/robots.txt", "/opml.xml", "/sitemap.xml"]) wanted(path);
  let requests = 0;
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      requests++;
      await visit(path);
    }
  };
  // Discovery feeds the queue as it goes: run until no worker finds more.
  while (queue.length > 0) await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { requests, failures };
}

function unescape(text: string): string {
  return text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}
