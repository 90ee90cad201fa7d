import type { Collection, Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeText as h } from "../escape";
import { collectionDescription, feedTitle } from "../feed-document";
import { documentLanguage } from "../language";
import { articlesOn } from "../pages";
import { absolute, listingPagePath } from "../urls";
import { articleList } from "./article-list";
import { langAttributes, siteWriting, writingIn } from "./lang";
import { paginationNav, renderPage } from "./layout";
import { listingPagination, pageLabel } from "./pagination";

/**
 * A section's or tag's page: its newest articles (or older page `page`) and
 * its feeds. It offers its own feeds first (readers such as SimplePie
 * subscribe to the first one offered), and says the language its articles
 * share, as its feeds do.
 */
export function renderCollectionPage(site: SiteConfig, collections: Collections, collection: Collection, page?: number): string {
  const numbered = pageLabel(collection, page);
  const description = collectionDescription(site, collection);
  const articles = articlesOn(collection, site.feedItems, page);
  // A page of articles in several languages is in the site's, as its own words are; each article says its own.
  const language = documentLanguage(site, articles) ?? site.language;
  // The page's own words (what kind of page it is) are in the site's language.
  const chrome = langAttributes(siteWriting(site), writingIn(language));
  const pagination = listingPagination(collection, page);
  return renderPage(site, {
    title: `${feedTitle(site, collection)}${numbered}`,
    description,
    language,
    canonical: absolute(site, listingPagePath(collection, page)),
    pagination,
    feeds: [collection, collections.site],
    share: { type: "website" },
    main: `<p class="kicker"${chrome}>${collection.kind === "tag" ? "Tag" : "Section"}</p>
<h1>${collection.kind === "tag" ? "#" : ""}<bdi>${h(collection.name)}</bdi>${h(numbered)}</h1>
<p${chrome}>${h(description)}</p>
${articleList(site, articles, 2, writingIn(language))}${paginationNav(pagination, chrome)}`,
  });
}
