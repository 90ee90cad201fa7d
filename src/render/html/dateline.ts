import type { Article } from "../../content/article";
import { humanDate } from "../dates";
import { escapeMarkup as h } from "../escape";

/** `Geneva · 21 January 2022 · EFE`, with a machine-readable <time>. */
export function dateline(article: Article): string {
  return [
    article.place === undefined ? undefined : h(article.place),
    `<time datetime="${article.published}">${humanDate(article.published)}</time>`,
    article.agency === undefined ? undefined : h(article.agency),
  ]
    .filter((part) => part !== undefined)
    .join(" · ");
}
