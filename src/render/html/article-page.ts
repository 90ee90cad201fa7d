import type { Article } from "../../content/article";
import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { articleBodyHtml } from "../article-html";
import { articleCategories } from "../categories";
import { balanceBidi, escapeAttribute as a, escapeText as h } from "../escape";
import { articleUrl, collectionPagePath } from "../urls";
import { dateline } from "./dateline";
import { articleWriting, langAttributes, siteWriting } from "./lang";
import { renderPage } from "./layout";

/** One article: the page every feed item links to. */
export function renderArticlePage(site: SiteConfig, collections: Collections, article: Article): string {
  // The same categories, in the same order, as the article's feed items carry.
  const categories = articleCategories(article);
  const section = categories.find((category) => category.kind === "section");
  const tags = categories.filter((category) => category.kind === "tag");
  // The page's chrome (navigation, footer, labels) is in the site's language; the article says its own, and its direction.
  const writing = articleWriting(site, article);
  const chrome = langAttributes(siteWriting(site), writing);
  const people = (article.authors ?? []).filter((name) => name !== article.agency);
  const byline = people.length === 0 ? "" : `<p class="meta"${chrome}>By ${h(people.join(", "))}</p>\n`;
  const credits = article.initials === undefined ? "" : `\n<p class="meta"${chrome}>Editors: ${h(article.initials)}</p>`;
  const tagList =
    tags.length === 0
      ? ""
      : `\n<ul class="tags" aria-label="Tags">${tags.map((tag) => `<li><a href="${a(collectionPagePath(tag))}">#<bdi>${h(tag.name)}</bdi></a></li>`).join("")}</ul>`;
  return renderPage(site, {
    // Balanced, as <title> is one text: an unclosed override in the headline would reverse the site's name.
    title: `${balanceBidi(article.title)} · ${site.title}`,
    description: article.summary,
    language: site.language,
    canonical: articleUrl(site, article),
    feeds: section === undefined ? [collections.site] : [collections.site, section],
    share: {
      type: "article",
      ...(article.image === undefined ? {} : { image: article.image.url }),
      article: [
        ["published_time", article.published],
        ["modified_time", article.updated],
        ...(section === undefined ? [] : [["section", section.name] as [string, string]]),
        ...tags.map((tag): [string, string] => ["tag", tag.name]),
      ],
    },
    main: `<article${langAttributes(writing, siteWriting(site))}>
${section === undefined ? "" : `<p class="kicker"><a href="${a(collectionPagePath(section))}">${h(section.name)}</a></p>\n`}<h1>${h(article.title)}</h1>
${byline}<p class="meta">${dateline(site, article)}</p>
${articleBodyHtml(article)}${credits}${tagList}
</article>`,
  });
}
