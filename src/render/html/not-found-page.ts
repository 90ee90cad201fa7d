import type { Collections } from "../../content/collections";
import type { SiteConfig } from "../../config";
import { PATHS, indexPath } from "../urls";
import { renderPage } from "./layout";

/**
 * The page every client gets for a URL that names nothing. The same for every
 * such URL: nothing of the request is written into it, so it can be rendered
 * once and cached anywhere.
 */
export function renderNotFoundPage(site: SiteConfig, collections: Collections): string {
  return renderPage(site, {
    title: `Page not found · ${site.title}`,
    description: "There is no page at this address.",
    language: site.language,
    feeds: [collections.site],
    share: { type: "website" },
    main: `<h1>Page not found</h1>
<p>There is no page at this address. It may have been mistyped, or the link that led here may be wrong.</p>
<ul>
<li><a href="${PATHS.home}">Latest articles</a></li>
<li><a href="${indexPath("section")}">Sections</a> and <a href="${indexPath("tag")}">tags</a></li>
<li><a href="${PATHS.feeds}">Feeds</a></li>
</ul>`,
  });
}
