import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { escapeAttribute as a, escapeText as h } from "../escape";
import { documentLanguage } from "../language";
import { PATHS, absolute, collectionPagePath } from "../urls";
import { articleList } from "./article-list";
import { langAttributes, siteWriting, writingIn } from "./lang";
import { renderPage } from "./layout";

/**
 * `/`: the newest articles (as many as the feeds carry) and the sections. Like
 * a section's page, it says the language its articles share, as the site feed
 * does; the site's own words on it say the site's.
 */
export function renderHomePage(site: SiteConfig, collections: Collections): string {
  const articles = collections.site.articles.slice(0, site.feedItems);
  const language = documentLanguage(site, articles);
  const chrome = langAttributes(siteWriting(site), writingIn(language));
  const sections = [...collections.sections.values()].map(
    (section) => `<li><a href="${a(collectionPagePath(section))}">${h(section.name)}</a> <span class="meta">(${section.articles.length})</span></li>`,
  );
  return renderPage(site, {
    title: site.title,
    description: site.description,
    language,
    canonical: absolute(site, PATHS.home),
    feeds: [collections.site],
    share: { type: "website" },
    main: `<h1${chrome}>${h(site.title)}</h1>
<p${chrome}>${h(site.description)}</p>
${sections.length === 0 ? "" : `<nav aria-labelledby="sections"${chrome}><h2 id="sections">Sections</h2>\n<ul>\n${sections.join("\n")}\n</ul>\n</nav>\n`}<h2${chrome}>Latest</h2>
${articleList(site, articles, 3, writingIn(language))}`,
  });
}
