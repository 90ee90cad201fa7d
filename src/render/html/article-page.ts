import type { Article } from "../../content/article";
import type { SiteConfig } from "../../config";
import { articleBodyHtml } from "../article-html";
import { escapeMarkup as h } from "../escape";
import { articleUrl } from "../urls";
import { dateline } from "./dateline";
import { renderPage } from "./layout";

/** One article: the page every feed item links to. */
export function renderArticlePage(site: SiteConfig, article: Article): string {
  const byline = article.author !== undefined && article.author !== article.agency ? `<p class="meta">By ${h(article.author)}</p>\n` : "";
  const credits = article.initials === undefined ? "" : `\n<p class="meta">Editors: ${h(article.initials)}</p>`;
  return renderPage(site, {
    title: `${article.title} · ${site.title}`,
    description: article.summary,
    language: article.language ?? site.language,
    canonical: articleUrl(site, article),
    main: `<article>
${article.category === undefined ? "" : `<p class="section">${h(article.category)}</p>\n`}<h1>${h(article.title)}</h1>
${byline}<p class="meta">${dateline(article)}</p>
${articleBodyHtml(article)}${credits}
</article>`,
  });
}
