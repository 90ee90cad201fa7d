import type { Collection, Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeMarkup as h } from "../escape";
import { collectionDescription, feedTitle } from "../feed-document";
import { absolute, collectionPagePath } from "../urls";
import { articleList } from "./article-list";
import { renderPage } from "./layout";

/** A section's or tag's page: its newest articles and its feeds. */
export function renderCollectionPage(site: SiteConfig, collections: Collections, collection: Collection): string {
  const label = collection.kind === "tag" ? `#${collection.name}` : collection.name;
  const description = collectionDescription(site, collection);
  return renderPage(site, {
    title: feedTitle(site, collection),
    description,
    language: site.language,
    canonical: absolute(site, collectionPagePath(collection)),
    feeds: [collections.site, collection],
    share: { type: "website" },
    main: `<p class="kicker">${collection.kind === "tag" ? "Tag" : "Section"}</p>
<h1>${h(label)}</h1>
<p>${h(description)}</p>
${articleList(site, collection.articles.slice(0, site.feedItems), 2)}`,
  });
}
