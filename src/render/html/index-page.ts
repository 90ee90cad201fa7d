import type { Article } from "../../content/article";
import type { SiteConfig } from "../../config";
import { escapeMarkup as h } from "../escape";
import { PATHS, absolute, articleUrl } from "../urls";
import { dateline } from "./dateline";
import { renderPage } from "./layout";

/** The home page: the newest articles, as many as the feeds carry. */
export function renderIndexPage(site: SiteConfig, articles: readonly Article[]): string {
  const items = articles.slice(0, site.feedItems).map((article) => {
    const lang = article.language !== undefined && article.language !== site.language ? ` lang="${h(article.language)}"` : "";
    return `<li${lang}>
${article.category === undefined ? "" : `<p class="section">${h(article.category)}</p>\n`}<h2><a href="${h(articleUrl(site, article))}">${h(article.title)}</a></h2>
<p class="meta">${dateline(article)}</p>
<p>${h(article.summary)}</p>
</li>`;
  });
  return renderPage(site, {
    title: site.title,
    description: site.description,
    language: site.language,
    canonical: absolute(site, PATHS.home),
    main: `<h1>${h(site.title)}</h1>\n<p>${h(site.description)}</p>\n<ol class="articles">\n${items.join("\n")}\n</ol>`,
  });
}
