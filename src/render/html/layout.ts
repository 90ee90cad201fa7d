import type { SiteConfig } from "../../config";
import { escapeMarkup as h } from "../escape";
import { PATHS, absolute } from "../urls";

/**
 * The page shell every HTML page shares. Styles are inline (one request per
 * page, nothing external); the HTTP layer allows exactly this stylesheet by
 * its hash in the Content-Security-Policy.
 */
export const STYLESHEET = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#555;--bg:#fff;--link:#0b57a4;--rule:#ddd}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--muted:#b5b5b5;--bg:#121212;--link:#8ab4f8;--rule:#333}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.6 Georgia,"Times New Roman",serif}
header,main,footer{max-width:42rem;margin:0 auto;padding:1rem 1.25rem}
header{border-bottom:1px solid var(--rule)}
header a{color:inherit;text-decoration:none;font:700 1.25rem/1.2 system-ui,sans-serif}
a{color:var(--link)}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.25rem;line-height:1.3;margin:0}
.meta,.section,footer{color:var(--muted);font:0.9rem/1.5 system-ui,sans-serif}
.section{text-transform:uppercase;letter-spacing:.05em;margin:1rem 0 0}
ol.articles{list-style:none;padding:0;margin:0}
ol.articles li{padding:1rem 0;border-bottom:1px solid var(--rule)}
ol.articles p{margin:.25rem 0}
footer{border-top:1px solid var(--rule)}
footer ul{padding-left:1.25rem}
`.trim();

export interface PageOptions {
  title: string;
  description: string;
  language: string;
  /** Absolute URL of this page. */
  canonical: string;
  /** Inner HTML of <main>, already escaped. */
  main: string;
}

export function renderPage(site: SiteConfig, page: PageOptions): string {
  const feeds = feedLinks(site);
  return `<!doctype html>
<html lang="${h(page.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(page.title)}</title>
<meta name="description" content="${h(page.description)}">
<link rel="canonical" href="${h(page.canonical)}">
${feeds.map((f) => `<link rel="alternate" type="${f.type}" title="${h(`${site.title} (${f.label})`)}" href="${h(f.url)}">`).join("\n")}
<style>${STYLESHEET}</style>
</head>
<body>
<header><a href="${h(absolute(site, PATHS.home))}">${h(site.title)}</a></header>
<main>
${page.main}
</main>
<footer>
<p>Subscribe:</p>
<ul>
${feeds.map((f) => `<li><a href="${h(f.url)}" type="${f.type}">${f.label}</a></li>`).join("\n")}
</ul>
</footer>
</body>
</html>
`;
}

function feedLinks(site: SiteConfig): Array<{ type: string; label: string; url: string }> {
  return [
    { type: "application/rss+xml", label: "RSS", url: absolute(site, PATHS.rss) },
    { type: "application/atom+xml", label: "Atom", url: absolute(site, PATHS.atom) },
    { type: "application/feed+json", label: "JSON Feed", url: absolute(site, PATHS.json) },
  ];
}
