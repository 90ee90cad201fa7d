import type { Article } from "../../content/article";
import type { SiteConfig } from "../../config";
import { escapeAttribute as a, escapeText as h } from "../escape";
import { articlePath } from "../urls";
import { dateline } from "./dateline";
import { articleWriting, langAttributes, type Writing } from "./lang";

/**
 * Headlines with section, dateline and summary; `level` keeps the page's
 * headings in order. Each item says its own language and direction where
 * they differ from the page's (`around`).
 */
export function articleList(site: SiteConfig, articles: readonly Article[], level: 2 | 3, around: Writing): string {
  const items = articles.map((article) => {
    return `<li${langAttributes(articleWriting(site, article), around)}>
${article.category === undefined ? "" : `<p class="kicker">${h(article.category)}</p>\n`}<h${level}><a href="${a(articlePath(article))}">${h(article.title)}</a></h${level}>
<p class="meta">${dateline(site, article)}</p>
<p>${h(article.summary)}</p>
</li>`;
  });
  return `<ol class="articles">\n${items.join("\n")}\n</ol>`;
}
