import type { Article } from "../../content/article";
import type { SiteConfig } from "../../config";
import { humanDate } from "../dates";
import { escapeText as h } from "../escape";
import { articleLanguage } from "../language";

/** `Geneva · 21 January 2022 · EFE` (the date in the article's language), with a machine-readable <time>. */
export function dateline(site: SiteConfig, article: Article): string {
  return [
    article.place === undefined ? undefined : h(article.place),
    `<time datetime="${article.published}">${humanDate(article.published, articleLanguage(site, article))}</time>`,
    article.agency === undefined ? undefined : h(article.agency),
  ]
    .filter((part) => part !== undefined)
    .join(" · ");
}
