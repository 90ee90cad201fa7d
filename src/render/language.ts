import type { Article } from "../content/article";
import type { SiteConfig } from "../config";

/** The language an article is written in: its own (front matter or detected), else the site's. */
export function articleLanguage(site: SiteConfig, article: Article): string {
  return article.language ?? site.language;
}

/**
 * The language a feed document or page of `articles` may declare: the one
 * they are all written in (an all-Spanish section says `es`); the site's for
 * none; undefined when they are in several, for a document that says a
 * language says it of everything it holds (issue 18: a feed of English and
 * Spanish stories is not `en`). Decided by the articles the document shows,
 * so an archive page, whose articles never change, never changes its
 * language either.
 */
export function documentLanguage(site: SiteConfig, articles: readonly Article[]): string | undefined {
  const first = articles[0];
  if (first === undefined) return site.language;
  const language = articleLanguage(site, first);
  const folded = language.toLowerCase();
  for (const article of articles) if (articleLanguage(site, article).toLowerCase() !== folded) return undefined;
  return language;
}

export type Direction = "ltr" | "rtl";

/** Languages written right to left, by BCP 47 primary subtag. */
const RTL_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "nqo", "pnb", "prs", "ps", "sd", "syr", "ug", "ur", "yi"]);
/** Scripts written right to left, by ISO 15924 code: a script subtag (`az-Arab`) decides over the language. */
const RTL_SCRIPTS = new Set(["adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa"]);

/** The direction a language tag's script is written in. */
export function languageDirection(tag: string): Direction {
  const [primary = "", ...subtags] = tag.toLowerCase().split("-");
  const script = subtags.find((subtag) => /^[a-z]{4}$/.test(subtag));
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "ltr";
}

/** A headline whose first letter is Arabic, Hebrew, Syriac, Thaana or N'Ko: a right-to-left headline. */
const RTL_FIRST_LETTER = /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * The direction an article is written in: its language's, when it has one of
 * its own. Without one (copy too short to detect), it is in the site's
 * language, unless its headline is right-to-left text: an Arabic or Hebrew
 * brief without `language:` is still shown right to left.
 */
export function articleDirection(site: SiteConfig, article: Article): Direction {
  if (article.language !== undefined) return languageDirection(article.language);
  return RTL_FIRST_LETTER.test(article.title) ? "rtl" : languageDirection(site.language);
}
