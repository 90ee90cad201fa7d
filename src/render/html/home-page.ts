import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeAttribute as a, escapeText as h } from "../escape";
import { PATHS, absolute, collectionPagePath } from "../urls";
import { articleList } from "./article-list";
import { siteWriting } from "./lang";
import { renderPage } from "./layout";

/** `/`: the newest articles (as many as the feeds carry) and the sections. */
export function renderHomePage(site: SiteConfig, collections: Collections): string {
  const sections = [...collections.sections.values()].map(
    (section) => `<li><a href="${a(collectionPagePath(section))}">${h(section.name)}</a> <span class="meta">(${section.articles.length})</span></li>`,
  );
  return renderPage(site, {
    title: site.title,
    description: site.description,
    language: site.language,
    canonical: absolute(site, PATHS.home),
    feeds: [collections.site],
    share: { type: "website" },
    main: `<h1>${h(site.title)}</h1>
<p>${h(site.description)}</p>
${sections.length === 0 ? "" : `<nav aria-labelledby="sections"><h2 id="sections">Sections</h2>\n<ul>\n${sections.join("\n")}\n</ul>\n</nav>\n`}<h2>Latest</h2>
${articleList(site, collections.site.articles.slice(0, site.feedItems), 3, siteWriting(site))}`,
  });
}
