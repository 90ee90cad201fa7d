import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { humanDate } from "../dates";
import { PATHS } from "../urls";
import { renderPage } from "./layout";

/**
 * What a withdrawn story's URL says (410 Gone): that it was withdrawn, and
 * when, and nothing of the story: a kill is honoured by not repeating the
 * headline either (a headline can be what was wrong). `when`: RFC 3339.
 */
export function renderGonePage(site: SiteConfig, collections: Collections, when: string): string {
  return renderPage(site, {
    title: `Story withdrawn · ${site.title}`,
    description: "This story has been withdrawn.",
    language: site.language,
    feeds: [collections.site],
    share: { type: "website" },
    main: `<h1>Story withdrawn</h1>
<p>The story at this address was withdrawn on <time datetime="${when}">${humanDate(when, site.language)}</time> and is no longer available.</p>
<ul>
<li><a href="${PATHS.home}">Latest articles</a></li>
</ul>`,
  });
}

/** The same notice as text, for feed readers and everything else that is not a browser. */
export function goneText(site: SiteConfig, when: string): string {
  return `410 Gone: the story at this address was withdrawn from ${site.title} on ${when} and is no longer available.\n`;
}
