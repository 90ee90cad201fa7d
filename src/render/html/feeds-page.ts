import type { Collection, Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeAttribute as a, escapeText as h } from "../escape";
import { feedTitle } from "../feed-document";
import { PATHS, absolute } from "../urls";
import { feedLinks, renderPage } from "./layout";

/** `/feeds`: how to subscribe, with every feed's URL in each format, ready to copy. */
export function renderFeedsPage(site: SiteConfig, collections: Collections): string {
  const row = (collection: Collection) =>
    `<tr><th scope="row">${h(feedTitle(site, collection))}</th>${feedLinks(site, collection)
      .map((f) => `<td><a href="${a(f.url)}" type="${f.type}">${f.label}</a><br><code>${h(f.url)}</code></td>`)
      .join("")}</tr>`;
  const table = (caption: string, members: readonly Collection[]) =>
    members.length === 0
      ? ""
      : `<h2>${caption}</h2>\n<table>\n<thead><tr><th scope="col">Feed</th><th scope="col">RSS</th><th scope="col">Atom</th><th scope="col">JSON Feed</th></tr></thead>\n<tbody>\n${members.map(row).join("\n")}\n</tbody>\n</table>`;
  return renderPage(site, {
    title: `Feeds · ${site.title}`,
    description: `Subscribe to ${site.title} in a feed reader: RSS, Atom and JSON Feed for the whole site and every section.`,
    language: site.language,
    canonical: absolute(site, PATHS.feeds),
    feeds: [collections.site],
    share: { type: "website" },
    main: `<h1>Subscribe</h1>
<p>Copy a feed's address into your feed reader (NetNewsWire, Feedly, Miniflux, newsboat…), or give it this site's address: readers find the feeds by themselves. Every feed carries the full text of each article. RSS suits every reader; Atom and JSON Feed carry the same articles.</p>
<p>To subscribe to everything at once, import the <a href="${a(PATHS.opml)}">OPML list</a>. Older articles stay reachable: each feed links to its archive pages (RFC 5005), which readers can use to backfill.</p>
${table("Everything", [collections.site])}
${table("Sections", [...collections.sections.values()])}
${table("Tags", [...collections.tags.values()])}`,
  });
}
