import type { Article } from "../../content/article";
import type { SiteConfig } from "../../config";
import { escapeAttribute as a } from "../escape";
import { articleDirection, articleLanguage, languageDirection, type Direction } from "../language";

/** The language and direction some text is written in, as HTML's `lang` and `dir` declare them. */
export interface Writing {
  lang: string;
  dir: Direction;
}

/** Text in `language`, in that language's direction. */
export function writingIn(language: string): Writing {
  return { lang: language, dir: languageDirection(language) };
}

/** How the site's own words (navigation, labels, the footer) are written. */
export function siteWriting(site: SiteConfig): Writing {
  return writingIn(site.language);
}

/** How an article is written: its language, and its direction (right to left for Arabic, Hebrew…). */
export function articleWriting(site: SiteConfig, article: Article): Writing {
  return { lang: articleLanguage(site, article), dir: articleDirection(site, article) };
}

/** ` lang="…"` and ` dir="…"` for an element written as `own` inside one written as `around`: only what differs. */
export function langAttributes(own: Writing, around: Writing): string {
  const lang = own.lang.toLowerCase() === around.lang.toLowerCase() ? "" : ` lang="${a(own.lang)}"`;
  return own.dir === around.dir ? lang : `${lang} dir="${own.dir}"`;
}
