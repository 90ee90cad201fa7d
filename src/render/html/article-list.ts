import type { Article } from "../../content/article";
import type { SiteConfig } from "../../config";
import { escapeMarkup as h } from "../escape";
import { articlePath } from "../urls";
import { dateline } from "./dateline";

/** Headlines with section, dateline and summary; `level` keeps the page's headings in order. */
export function articleList(site: SiteConfig, articles: readonly Article[], level: 2 | 3): string {
  const items = articles.map((article) => {
    const lang = article.language !== undefined && article.language !== site.language ? ` lang="${h(article.language)}"` : "";
    return `<li${lang}>
${article.category === undefined ? "" : `<p class="kicker">${h(article.category)}</p>\n`}<h${level}><a href="${h(articlePath(article))}">${h(article.title)}</a></h${level}>
<p class="meta">${dateline(article)}</p>
<p>${h(article.summary)}</p>
</li>`;
  });
  return `<ol class="articles">\n${items.join("\n")}\n</ol>`;
}
