import type { Article } from "../content/article";
import { dropForbiddenChars } from "../content/normalise";
import { balanceBidi, escapeText } from "./escape";
import { labelWords } from "./labels";

/** What a feed item's content says before the story, as HTML and as plain text; empty strings for nothing. */
export interface FeedLead {
  html: string;
  text: string;
}

/**
 * The labels (`Exclusive · Update 2`) and the correction or update note, at
 * the top of a feed item's content. Feeds have no element for either that
 * readers show: a category would file the story under "Exclusive" as a tag
 * (and a collection of its own here), and the title is the headline, which
 * readers keep to tell items apart. The content is what every reader shows
 * (feedparser's sanitiser keeps `<strong>` and `<em>`, newsboat renders them
 * as text), and a bold line above the story is how news sites' own feeds
 * carry a kicker; the note follows in italics, as a page prints a correction.
 */
export function feedLead(article: Pick<Article, "labels" | "note">, language: string): FeedLead {
  const words = labelWords(article.labels, language);
  const note = article.note === undefined ? "" : balanceBidi(dropForbiddenChars(article.note));
  const html = [
    ...(words.length === 0 ? [] : [`<p><strong>${escapeText(words.join(" · "))}</strong></p>`]),
    ...(note === "" ? [] : [`<p><em>${escapeText(note)}</em></p>`]),
  ];
  const text = [...(words.length === 0 ? [] : [words.join(" · ")]), ...(note === "" ? [] : [note])];
  return { html: html.map((p) => `${p}\n`).join(""), text: text.map((p) => `${p}\n\n`).join("") };
}
