import type { Image } from "../../content/article";
import { escapeAttribute as a, escapeText as h } from "../escape";

/**
 * The story's picture on its page, with its caption and credit. It is the
 * lead image, above the fold on every screen (under the headline and the
 * dateline), so it is loaded at once, not `loading="lazy"`: lazy loading
 * would hold back the page's largest paint until layout. `decoding="async"`
 * lets the text paint first. The width and height, when the seed gives them,
 * reserve its space so the text does not jump when it arrives; without them
 * the stylesheet reserves a 3:2 frame.
 */
export function leadFigure(image: Image): string {
  const size = image.width === undefined ? "" : ` width="${image.width}" height="${image.height}"`;
  // No alt text and no caption: an empty alt, so screen readers skip a picture nobody described rather than read its URL.
  const alt = image.alt ?? image.caption ?? "";
  const caption = [
    ...(image.caption === undefined ? [] : [h(image.caption)]),
    ...(image.credit === undefined ? [] : [`<span class="credit">${h(image.credit)}</span>`]),
  ].join(" — ");
  return `<figure><img src="${a(image.url)}" alt="${a(alt)}"${size} decoding="async">${caption === "" ? "" : `<figcaption>${caption}</figcaption>`}</figure>`;
}
