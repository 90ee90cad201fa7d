import type { Article } from "../../content/article";
import { collectionSlug, type Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { articleBodyHtml } from "../article-html";
import { escapeMarkup as h } from "../escape";
import { articleUrl, collectionPagePath } from "../urls";
import { dateline } from "./dateline";
import { renderPage } from "./layout";

/** One article: the page every feed item links to. */
export function renderArticlePage(site: SiteConfig, collections: Collections, article: Article): string {
  const section = article.category === undefined ? undefined : collections.sections.get(collectionSlug(article.category));
  const tags = article.tags.map((tag) => collections.tags.get(collectionSlug(tag))!);
  const byline = article.author !== undefined && article.author !== article.agency ? `<p class="meta">By ${h(article.author)}</p>\n` : "";
  const credits = article.initials === undefined ? "" : `\n<p class="meta">Editors: ${h(article.initials)}</p>`;
  const tagList =
    tags.length === 0
      ? ""
      : `\n<ul class="tags" aria-label="Tags">${tags.map((tag) => `<li><a href="${h(collectionPagePath(tag))}">#${h(tag.name)}</a></li>`).join("")}</ul>`;
  // The page's chrome (navigation, footer, dates) is in the site's language; the article says its own.
  const lang = article.language !== undefined && article.language !== site.language ? ` lang="${h(article.language)}"` : "";
  return renderPage(site, {
    title: `${article.title} · ${site.title}`,
    description: article.summary,
    language: site.language,
    canonical: articleUrl(site, article),
    feeds: section === undefined ? [collections.site] : [collections.site, section],
    share: {
      type: "article",
      ...(article.image === undefined ? {} : { image: article.image }),
      article: [
        ["published_time", article.published],
        ["modified_time", article.updated],
        ...(article.category === undefined ? [] : [["section", article.category] as [string, string]]),
        ...article.tags.map((tag): [string, string] => ["tag", tag]),
      ],
    },
    main: `<article${lang}>
${section === undefined ? "" : `<p class="kicker"><a href="${h(collectionPagePath(section))}">${h(section.name)}</a></p>\n`}<h1>${h(article.title)}</h1>
${byline}<p class="meta">${dateline(article)}</p>
${articleBodyHtml(article)}${credits}${tagList}
</article>`,
  });
}
