import type { Collection } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeAttribute as a, escapeText as h } from "../escape";
import { feedTitle } from "../feed-document";
import { langAttributes, siteWriting, writingIn } from "./lang";
import { FEED_FORMATS, PATHS, absolute, feedPath, indexPath, type FeedFormat } from "../urls";

/**
 * The page shell every HTML page shares. Styles are inline (one request per
 * page, nothing external, no script); the HTTP layer allows exactly this
 * stylesheet by its hash in the Content-Security-Policy.
 *
 * Links between pages are root-relative, so browsing stays on whatever host
 * serves the pages (workers.dev, a preview, localhost); canonical, share and
 * feed URLs are absolute, from the configured SITE_URL.
 */
export const STYLESHEET = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#4d4d4d;--bg:#fff;--link:#0b57a4;--rule:#d6d6d6;--code:#f3f3f3}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#b8b8b8;--bg:#121212;--link:#8ab4f8;--rule:#3a3a3a;--code:#1f1f1f}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.6 Georgia,"Times New Roman",serif;overflow-wrap:break-word}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header,main,footer{max-width:44rem;margin:0 auto;padding:1rem 1.25rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;border-bottom:1px solid var(--rule)}
header .brand{color:inherit;text-decoration:none;font:700 1.25rem/1.2 system-ui,sans-serif}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0;font:1rem/1.5 system-ui,sans-serif}
a{color:var(--link)}
h1{font-size:clamp(1.6rem,5vw,2.2rem);line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.35rem;line-height:1.3;margin:1.5rem 0 .5rem}
h3{font-size:1.2rem;line-height:1.3;margin:0}
.meta,.kicker,footer,table{font:.95rem/1.5 system-ui,sans-serif}
.meta,footer{color:var(--muted)}
.kicker{text-transform:uppercase;letter-spacing:.05em;margin:1rem 0 0}
.kicker .labels{font-weight:700}
.note{border-left:3px solid var(--rule);padding-left:.75rem;font-style:italic}
figure{margin:1rem 0}
figure img{display:block;max-width:100%;height:auto}
figure img:not([width]){width:100%;aspect-ratio:3/2;object-fit:contain}
figcaption,.contributors,.rights{font:.9rem/1.5 system-ui,sans-serif;color:var(--muted)}
figcaption{margin-top:.4rem}
.articles{list-style:none;padding:0;margin:0}
.articles li{padding:1rem 0;border-bottom:1px solid var(--rule)}
.articles li:last-child{border-bottom:0}
.articles p{margin:.25rem 0}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
footer{border-top:1px solid var(--rule)}
footer ul{padding-left:1.25rem}
a[type]{white-space:nowrap}
table{border-collapse:collapse;width:100%}
thead{position:absolute;left:-999px}
tr{display:block;padding:.5rem 0;border-bottom:1px solid var(--rule)}
th,td{display:block;text-align:left;padding:.15rem 0}
@media (min-width:36rem){td br{display:none}td a{display:inline-block;min-width:5.5rem}}
.pages ul{justify-content:space-between;margin:1.5rem 0}
code{background:var(--code);padding:.1rem .3rem;border-radius:3px;word-break:break-all;user-select:all}
`.trim();

export interface PageOptions {
  title: string;
  description: string;
  /**
   * The language of what the page shows (`<html lang>`, and `dir` when it is
   * written right to left). The site's own words around it (skip link,
   * header, footer) say the site's language where it differs.
   */
  language: string;
  /** Absolute URL of this page; none for an error page, which is no page's address. */
  canonical?: string;
  /** `rel="prev"` (newer) and `rel="next"` (older) of a paginated listing, root-relative. */
  pagination?: Pagination;
  /** Feeds this page offers, in `<link rel="alternate">` order: readers that take one subscribe to the first. */
  feeds: ReadonlyArray<Pick<Collection, "kind" | "slug" | "name">>;
  /** Open Graph description of the page. */
  share: ShareCard;
  /** Inner HTML of <main>, already escaped. */
  main: string;
}

export interface Pagination {
  prev?: string;
  next?: string;
}

export interface ShareCard {
  type: "website" | "article";
  image?: string;
  /** `article:*` properties: published_time, section, tag… */
  article?: Array<[string, string]>;
}

export interface FeedLink {
  format: FeedFormat;
  type: string;
  label: string;
  url: string;
}

const FORMAT_LABELS: Record<FeedFormat, [type: string, label: string]> = {
  rss: ["application/rss+xml", "RSS"],
  atom: ["application/atom+xml", "Atom"],
  json: ["application/feed+json", "JSON Feed"],
};

/** The three feeds of a collection, with their media types and labels. */
export function feedLinks(site: SiteConfig, collection: Pick<Collection, "kind" | "slug">): FeedLink[] {
  return FEED_FORMATS.map((format) => ({ format, type: FORMAT_LABELS[format][0], label: FORMAT_LABELS[format][1], url: absolute(site, feedPath(collection, format)) }));
}

/** The page shell around `page.main`. */
export function renderPage(site: SiteConfig, page: PageOptions): string {
  const alternates = page.feeds.flatMap((collection) =>
    feedLinks(site, collection).map((f) => `<link rel="alternate" type="${f.type}" title="${a(`${feedTitle(site, collection)} (${f.label})`)}" href="${a(f.url)}">`),
  );
  const subscribe = page.feeds.map(
    (collection) => `<li>${h(feedTitle(site, collection))}: ${feedLinks(site, collection).map((f) => `<a href="${a(f.url)}" type="${f.type}">${f.label}</a>`).join(" · ")}</li>`,
  );
  const writing = writingIn(page.language);
  const chrome = langAttributes(siteWriting(site), writing);
  return `<!doctype html>
<html lang="${a(writing.lang)}"${writing.dir === "rtl" ? ` dir="rtl"` : ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(page.title)}</title>
<meta name="description" content="${a(page.description)}">
${page.canonical === undefined ? `<meta name="robots" content="noindex">` : `<link rel="canonical" href="${a(page.canonical)}">`}
${paginationLinks(page.pagination)}${alternates.join("\n")}
${shareTags(site, page).join("\n")}
<style>${STYLESHEET}</style>
</head>
<body>
<a class="skip" href="#main"${chrome}>Skip to content</a>
<header${chrome}>
<a class="brand" href="${PATHS.home}">${h(site.title)}</a>
<nav aria-label="Site"><ul><li><a href="${PATHS.home}">Latest</a></li><li><a href="${indexPath("section")}">Sections</a></li><li><a href="${indexPath("tag")}">Tags</a></li><li><a href="${PATHS.feeds}">Feeds</a></li></ul></nav>
</header>
<main id="main">
${page.main}
</main>
<footer${chrome}>
<p>Subscribe in your feed reader:</p>
<ul>
${subscribe.join("\n")}
</ul>
<p><a href="${PATHS.feeds}">All feeds</a> · <a href="${PATHS.opml}">OPML</a></p>
</footer>
</body>
</html>
`;
}

/** `<link rel="prev">`/`<link rel="next">` for a listing's pages, each on its own line. */
function paginationLinks(pagination: Pagination | undefined): string {
  const rels = (["prev", "next"] as const).filter((rel) => pagination?.[rel] !== undefined);
  return rels.map((rel) => `<link rel="${rel}" href="${a(pagination![rel]!)}">\n`).join("");
}

/** Visible "Newer" / "Older" links of a listing's pages, with the same rels as the head's; `chrome`: lang/dir of the site's own words. */
export function paginationNav(pagination: Pagination, chrome = ""): string {
  if (pagination.prev === undefined && pagination.next === undefined) return "";
  const newer = pagination.prev === undefined ? "" : `<li><a rel="prev" href="${a(pagination.prev)}">← Newer</a></li>`;
  const older = pagination.next === undefined ? "" : `<li><a rel="next" href="${a(pagination.next)}">Older →</a></li>`;
  return `\n<nav class="pages" aria-label="Pages"${chrome}><ul>${newer}${older}</ul></nav>`;
}

/** Open Graph and Twitter card tags, so shared links preview with title and summary. */
function shareTags(site: SiteConfig, page: PageOptions): string[] {
  const meta = (attribute: "property" | "name", key: string, value: string) => `<meta ${attribute}="${key}" content="${a(value)}">`;
  return [
    meta("property", "og:type", page.share.type),
    meta("property", "og:site_name", site.title),
    meta("property", "og:title", page.title),
    meta("property", "og:description", page.description),
    ...(page.canonical === undefined ? [] : [meta("property", "og:url", page.canonical)]),
    ...(page.share.image ? [meta("property", "og:image", page.share.image)] : []),
    ...(page.share.article ?? []).map(([key, value]) => meta("property", `article:${key}`, value)),
    meta("name", "twitter:card", page.share.image ? "summary_large_image" : "summary"),
    meta("name", "twitter:title", page.title),
    meta("name", "twitter:description", page.description),
  ];
}
