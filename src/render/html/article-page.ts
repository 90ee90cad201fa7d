import type { Article } from "../../content/article";
import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { articleBodyHtml } from "../article-html";
import { articleCategories } from "../categories";
import { balanceBidi, escapeAttribute as a, escapeText as h } from "../escape";
import { articleUrl, collectionPagePath } from "../urls";
import { byline, bylineNames, contributorsLine, hasBylineWords } from "../credits";
import { labelLanguage, labelWords } from "../labels";
import { dateline } from "./dateline";
import { humanDate } from "../dates";
import { leadFigure } from "./figure";
import { articleWriting, langAttributes, siteWriting, writingIn } from "./lang";
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
  // Words the page adds about the story (byline, labels) are in the story's language where they can be, else the site's.
  const inWords = (language: string): string => langAttributes(writingIn(language), writing);
  const names = bylineNames(article.authors, article.agency);
  const bylineLanguage = hasBylineWords(writing.lang) ? writing.lang : site.language;
  const by = names.length === 0 ? "" : `<p class="meta byline"${inWords(bylineLanguage)}>${h(byline(names, bylineLanguage))}</p>\n`;
  const labels = labelWords(article.labels, writing.lang);
  const kicker = kickerLine(section === undefined ? undefined : `<a href="${a(collectionPagePath(section))}">${h(section.name)}</a>`, labels, inWords(labelLanguage(writing.lang)));
  // The note is the copy's own words (`Corrects paragraph 3 …`): in the story's language already.
  const note = article.note === undefined ? "" : `<p class="note" role="note">${h(article.note)}</p>\n`;
  const contributors = article.contributors === undefined || article.contributors.length === 0 ? "" : `\n<p class="meta contributors">${h(contributorsLine(article.contributors, writing.lang))}</p>`;
  // Desk codes are for the desk: shown only where the site asks (SHOW_DESK_CODES).
  const desk = !site.showDeskCodes || article.initials === undefined ? "" : `\n<p class="meta desk"${chrome}>Editors: ${h(article.initials)}</p>`;
  // A story the desk updated says so, and when, to the minute (a wire story is updated within the hour); in the site's words, as the chrome is.
  const updated =
    article.updated > article.published
      ? `<p class="meta updated"${chrome}>Updated <time datetime="${article.updated}">${h(humanDate(article.updated, site.language))}, ${article.updated.slice(11, 16)} UTC</time></p>\n`
      : "";
  const rights = article.rights === undefined ? "" : `\n<p class="meta rights">${h(article.rights)}</p>`;
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
${kicker}<h1>${h(article.title)}</h1>
${by}<p class="meta">${dateline(site, article)}</p>
${updated}${note}${article.image === undefined ? "" : `${leadFigure(article.image)}\n`}${articleBodyHtml(article)}${contributors}${desk}${rights}${tagList}
</article>`,
  });
}

/**
 * The line above the headline: the section, as before, then the labels
 * (`Politics · Breaking · Update 2`); a label that says the story is breaking
 * is marked so the stylesheet can set it apart. `labelLang`: lang/dir of the
 * labels' words where they differ from the article's.
 */
function kickerLine(section: string | undefined, labels: readonly string[], labelLang: string): string {
  if (section === undefined && labels.length === 0) return "";
  const words = labels.length === 0 ? [] : [`<span class="labels"${labelLang}>${labels.map(h).join(" · ")}</span>`];
  return `<p class="kicker">${[...(section === undefined ? [] : [section]), ...words].join(" · ")}</p>\n`;
}
