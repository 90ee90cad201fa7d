import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeAttribute as a, escapeText as h } from "../escape";
import { documentLanguage } from "../language";
import { articlesOn } from "../pages";
import { absolute, collectionPagePath, listingPagePath } from "../urls";
import { articleList } from "./article-list";
import { langAttributes, siteWriting, writingIn } from "./lang";
import { paginationNav, renderPage } from "./layout";
import { listingPagination, pageLabel } from "./pagination";

/**
 * `/`: the newest articles (as many as the feeds carry) and the sections;
 * `/page/<n>`: older ones. Like a section's page, it says the language its
 * articles share, as the site feed does; the site's own words on it say the
 * site's.
 */
export function renderHomePage(site: SiteConfig, collections: Collections, page?: number): string {
  const { site: all } = collections;
  const articles = articlesOn(all, site.feedItems, page);
  // A page of articles in several languages is in the site's, as its own words are; each article says its own.
  const language = documentLanguage(site, articles) ?? site.language;
  const chrome = langAttributes(siteWriting(site), writingIn(language));
  const pagination = listingPagination(all, page);
  const sections = [...collections.sections.values()].map(
    (section) => `<li><a href="${a(collectionPagePath(section))}"><bdi>${h(section.name)}</bdi></a> <span class="meta">(${section.articles.length})</span></li>`,
  );
  const sectionNav =
    page !== undefined || sections.length === 0
      ? ""
      : `<nav aria-labelledby="sections"${chrome}><h2 id="sections">Sections</h2>\n<ul>\n${sections.join("\n")}\n</ul>\n</nav>\n`;
  const label = pageLabel(all, page);
  return renderPage(site, {
    title: `${site.title}${label}`,
    description: site.description,
    language,
    canonical: absolute(site, listingPagePath(all, page)),
    pagination,
    feeds: [all],
    share: { type: "website" },
    main: `<h1${chrome}>${h(site.title)}${h(label)}</h1>
<p${chrome}>${h(site.description)}</p>
${sectionNav}<h2${chrome}>${page === undefined ? "Latest" : "Older articles"}</h2>
${articleList(site, articles, 3, writingIn(language))}${paginationNav(pagination, chrome)}`,
  });
}
