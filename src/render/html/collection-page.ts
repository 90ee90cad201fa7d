import type { Collection, Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeMarkup as h } from "../escape";
import { collectionDescription, feedTitle } from "../feed-document";
import { articlesOn } from "../pages";
import { absolute, listingPagePath } from "../urls";
import { articleList } from "./article-list";
import { paginationNav, renderPage } from "./layout";
import { listingPagination, pageLabel } from "./pagination";

/** A section's or tag's page: its newest articles (or older page `page`) and its feeds. */
export function renderCollectionPage(site: SiteConfig, collections: Collections, collection: Collection, page?: number): string {
  const label = `${collection.kind === "tag" ? `#${collection.name}` : collection.name}${pageLabel(collection, site.feedItems, page)}`;
  const description = collectionDescription(site, collection);
  const pagination = listingPagination(collection, site.feedItems, page);
  return renderPage(site, {
    title: `${feedTitle(site, collection)}${pageLabel(collection, site.feedItems, page)}`,
    description,
    language: site.language,
    canonical: absolute(site, listingPagePath(collection, page)),
    pagination,
    feeds: [collections.site, collection],
    share: { type: "website" },
    main: `<p class="kicker">${collection.kind === "tag" ? "Tag" : "Section"}</p>
<h1>${h(label)}</h1>
<p>${h(description)}</p>
${articleList(site, articlesOn(collection, site.feedItems, page), 2)}${paginationNav(pagination)}`,
  });
}
