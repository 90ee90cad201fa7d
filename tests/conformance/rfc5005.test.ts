/**
 * RFC 5005 (Feed Paging and Archiving) §4, Archived Feeds, on every feed the
 * OPML lists: a reader that follows `prev-archive` from the subscription
 * document (JSON Feed: `next_url`) backfills every article of the feed. Archive
 * documents say they are archives (`fh:archive`), point back at the
 * subscription document (`current`) and at each other both ways
 * (`prev-archive`/`next-archive`, the newest's next being the subscription
 * document), and are cached for a day at most (a story taken back leaves
 * them, issue 17), by HTTP and by what RSS tells readers; the subscription
 * document is no archive.
 */
import { describe, expect, it } from "vitest";
import { NS, child, children, parseXml } from "../support/documents";
import { archivePageCount } from "./support/articles";
import { ARCHIVE_PAGE_SIZE } from "./support/constants";
import { FEED_FORMATS, MEDIA_TYPES, feedLinks, servedSite, siblingUrl, type FeedFormat, type Served } from "./support/site";

const site = await servedSite();
const ARCHIVED = "public, max-age=86400, stale-if-error=86400";
const SY_NS = "http://purl.org/rss/1.0/modules/syndication/";

/** The `fh:archive` elements at feed level (RSS channel, Atom feed). */
function archiveMarkers(served: Served, format: "rss" | "atom"): number {
  const root = parseXml(served.body).documentElement!;
  return children(format === "rss" ? child(root, "channel", null) : root, "archive", NS.history).length;
}

/** The hrefs of the document's feed-level links with relation `rel`. */
function hrefs(served: Served, format: FeedFormat, rel: string): string[] {
  return feedLinks(served, format)
    .filter((link) => link.rel === rel)
    .map((link) => link.href);
}

const SY_PERIODS: Record<string, number> = { hourly: 3_600, daily: 86_400, weekly: 604_800, monthly: 2_592_000, yearly: 31_536_000 };

/**
 * The seconds between refreshes an RSS document asks readers for, where it
 * asks: `<ttl>` (minutes) and `sy:updatePeriod`/`sy:updateFrequency`. Some
 * readers poll by these rather than by Cache-Control, so both must agree.
 */
function refreshHints(served: Served): { ttl?: number; sy?: number } {
  const channel = child(parseXml(served.body).documentElement!, "channel", null);
  const ttl = children(channel, "ttl", null)[0]?.textContent;
  const period = children(channel, "updatePeriod", SY_NS)[0]?.textContent ?? undefined;
  const frequency = Number(children(channel, "updateFrequency", SY_NS)[0]?.textContent ?? "1");
  return { ...(ttl === undefined ? {} : { ttl: Number(ttl) * 60 }), ...(period === undefined ? {} : { sy: SY_PERIODS[period]! / frequency }) };
}

/** What the response's Cache-Control max-age says, in the same shape: every hint present must equal it. */
function hintsOfMaxAge(served: Served, hints: { ttl?: number; sy?: number }): { ttl?: number; sy?: number } {
  const maxAge = Number(/max-age=(\d+)/.exec(served.headers.get("Cache-Control") ?? "")?.[1]);
  return Object.fromEntries(Object.keys(hints).map((key) => [key, maxAge]));
}

/** Item ids of a document, from its JSON Feed. */
const ids = (served: Served) => (JSON.parse(served.body) as { items: Array<{ id: string }> }).items.map((item) => item.id);

it("the corpus has archives: the site, a section and a tag each have archive pages", () => {
  const withArchives = site.subscriptions.filter((subscription) => subscription.archives.length > 0).map((subscription) => subscription.kind);
  expect(new Set(withArchives)).toEqual(new Set(["site", "section", "tag"]));
  expect(Math.max(...site.subscriptions.map((subscription) => subscription.archives.length))).toBeGreaterThan(2);
});

for (const subscription of site.subscriptions) {
  const { current, chains, archives } = subscription;
  const pageCount = archivePageCount(subscription.items.length);

  describe(`RFC 5005: ${current.label}`, () => {
    it(`each format's prev-archive chain reaches ${pageCount} archive pages, once each, and ends`, () => {
      for (const format of FEED_FORMATS) {
        expect(chains[format].cycle, `${format}: a page reached twice`).toBe(false);
        expect(chains[format].pages.map((page) => page.status), format).toEqual(Array(pageCount).fill(200));
      }
    });

    it("the archive pages of the three formats are the same pages, by file name", () => {
      for (const archive of archives) {
        expect(archive.atom.url).toBe(siblingUrl(archive.rss.url, "atom"));
        expect(archive.json.url).toBe(siblingUrl(archive.rss.url, "json"));
      }
    });

    it("the current document is no archive: no fh:archive, current or next-archive", () => {
      for (const format of ["rss", "atom"] as const) {
        expect(archiveMarkers(current[format], format), format).toBe(0);
        expect(hrefs(current[format], format, "current"), format).toEqual([]);
        expect(hrefs(current[format], format, "next-archive"), format).toEqual([]);
      }
    });

    it("the current document is cached as a feed that changes, not as immutable", () => {
      for (const format of FEED_FORMATS) expect(current[format].headers.get("Cache-Control"), format).not.toMatch(/immutable/);
    });

    it("the current RSS document's <ttl> and sy:update* say what its Cache-Control says", () => {
      const hints = refreshHints(current.rss);
      expect(Object.keys(hints)).toEqual(["ttl", "sy"]);
      expect(hints).toEqual(hintsOfMaxAge(current.rss, hints));
    });

    for (const archive of archives) {
      describe(archive.label, () => {
        it("carries fh:archive in the RFC 5005 namespace, once", () => {
          for (const format of ["rss", "atom"] as const) expect(archiveMarkers(archive[format], format), format).toBe(1);
        });

        it("links rel=current to the subscription document, in its own format", () => {
          for (const format of ["rss", "atom"] as const) {
            expect(hrefs(archive[format], format, "current"), format).toEqual([current[format].url]);
            const types = feedLinks(archive[format], format).filter((link) => ["current", "prev-archive", "next-archive"].includes(link.rel)).map((link) => link.type);
            expect(new Set(types), format).toEqual(new Set([MEDIA_TYPES[format]]));
          }
        });

        it("is cacheable for a day, and no longer (not immutable): a withdrawn story must leave every cache by then", () => {
          for (const format of FEED_FORMATS) expect(archive[format].headers.get("Cache-Control"), archive[format].url).toBe(ARCHIVED);
        });

        it("asks RSS readers for the refresh its Cache-Control says, if at all (<ttl>, sy:update*)", () => {
          const hints = refreshHints(archive.rss);
          expect(hints).toEqual(hintsOfMaxAge(archive.rss, hints));
        });

        it(`holds a full page: ${ARCHIVE_PAGE_SIZE} items`, () => {
          expect(ids(archive.json)).toHaveLength(ARCHIVE_PAGE_SIZE);
        });
      });
    }

    it("prev-archive and next-archive agree both ways along the chain", () => {
      for (const format of ["rss", "atom"] as const) {
        const pages = [current[format], ...chains[format].pages];
        for (let i = 1; i < pages.length; i++) {
          expect(hrefs(pages[i - 1]!, format, "prev-archive"), `${format}: ${pages[i - 1]!.url}`).toEqual([pages[i]!.url]);
          // The newest archive page's next document is the current one (an archive page linking to no other, the W3C validator calls incomplete).
          expect(hrefs(pages[i]!, format, "next-archive"), `${format}: ${pages[i]!.url}`).toEqual([pages[i - 1]!.url]);
        }
        expect(hrefs(pages.at(-1)!, format, "prev-archive"), `${format}: the oldest page`).toEqual([]);
      }
    });

    it("following the chain reaches every article once, newest first; only the current document repeats the newest archive page", () => {
      const documents = [current, ...archives].map((document) => ids(document.json));
      const seen = new Set<string>();
      const read: string[] = [];
      for (const [i, list] of documents.entries()) {
        for (const id of list) {
          if (!seen.has(id)) read.push(id);
          else expect(i, `${id} repeated beyond the newest archive page`).toBe(1);
          seen.add(id);
        }
      }
      expect(read).toEqual(subscription.items.map((item) => item.id));
    });
  });
}
