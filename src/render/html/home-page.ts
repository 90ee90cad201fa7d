import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeMarkup as h } from "../escape";
import { articlesOn } from "../pages";
import { absolute, collectionPagePath, listingPagePath } from "../urls";
import { articleList } from "./article-list";
import { paginationNav, renderPage } from "./layout";
import { listingPagination, pageLabel } from "./pagination";

/** `/`: the newest articles (as many as the feeds carry) and the sections; `/page/<n>`: older ones. */
export function renderHomePage(site: SiteConfig, collections: Collections, page?: number): string {
  const { site: all } = collections;
  const pagination = listingPagination(all, site.feedItems, page);
  const sections = [...collections.sections.values()].map(
    (section) => `<li><a href="${h(collectionPagePath(section))}">${h(section.name)}</a> <span class="meta">(${section.articles.length})</span></li>`,
  );
  const sectionNav =
    page !== undefined || sections.length === 0
      ? ""
      : `<nav aria-labelledby="sections"><h2 id="sections">Sections</h2>\n<ul>\n${sections.join("\n")}\n</ul>\n</nav>\n`;
  const label = pageLabel(all, site.feedItems, page);
  return renderPage(site, {
    title: `${site.title}${label}`,
    description: site.description,
    language: site.language,
    canonical: absolute(site, listingPagePath(all, page)),
    pagination,
    feeds: [all],
    share: { type: "website" },
    main: `<h1>${h(site.title)}${h(label)}</h1>
<p>${h(site.description)}</p>
${sectionNav}<h2>${page === undefined ? "Latest" : "Older articles"}</h2>
${articleList(site, articlesOn(all, site.feedItems, page), 3)}${paginationNav(pagination)}`,
  });
}
