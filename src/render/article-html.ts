import type { Article } from "../content/article";
import { escapeMarkup } from "./escape";

/** The article body as HTML paragraphs; every character of the seed escaped. */
export function articleBodyHtml(article: Article): string {
  return article.paragraphs.map((paragraph) => `<p>${escapeMarkup(paragraph)}</p>`).join("\n");
}

/** The article body as plain text, paragraphs separated by a blank line. */
export function articleBodyText(article: Article): string {
  return article.paragraphs.join("\n\n");
}
