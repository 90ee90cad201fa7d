import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeAttribute as a, escapeText as h } from "../escape";
import { absolute, collectionPagePath, indexPath } from "../urls";
import { renderPage } from "./layout";

/** `/sections` or `/tags`: every section or tag, with how many articles it holds. */
export function renderIndexPage(site: SiteConfig, collections: Collections, kind: "section" | "tag"): string {
  const members = [...(kind === "section" ? collections.sections : collections.tags).values()];
  const heading = kind === "section" ? "Sections" : "Tags";
  const items = members.map(
    (collection) =>
      `<li><a href="${a(collectionPagePath(collection))}">${kind === "tag" ? "#" : ""}<bdi>${h(collection.name)}</bdi></a> <span class="meta">(${collection.articles.length})</span></li>`,
  );
  return renderPage(site, {
    title: `${heading} · ${site.title}`,
    description: `Every ${kind} of ${site.title}, each with its own page and feeds.`,
    language: site.language,
    canonical: absolute(site, indexPath(kind)),
    feeds: [collections.site],
    share: { type: "website" },
    main: `<h1>${heading}</h1>
${items.length === 0 ? `<p>No ${kind}s yet.</p>` : `<ul class="index">\n${items.join("\n")}\n</ul>`}`,
  });
}
