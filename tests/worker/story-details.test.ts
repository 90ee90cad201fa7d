/**
 * A seed's picture and credits, from front matter through the Worker: the
 * page shows the picture under a policy that lets the browser load it, and the
 * site decides whether the editors' initials are shown.
 */
import { describe, expect, it, vi } from "vitest";
import { parseHtml } from "../support/documents";
import { articles as compile, seedText } from "../support/seeds";
import { workerFor } from "../support/worker";

const IMAGE = "http://photos.example.org/2026/geneva.webp";
const articles = compile({
  "pictured.txt": seedText({
    frontMatter: [`image: ${IMAGE}`, "image_caption: Delegates arrive for the talks.", "image_credit: EFE/Martial Trezzini", "image_width: 1024", "image_height: 683"],
    body: ["Geneva, Jan 21 (EFE).- Diplomats met on Friday to discuss the standoff.", "Talks will continue next week, officials said.", "EFE", "is/mp"],
  }),
});

/**
 * Whether `policy`'s img-src lets a page load `url`, as CSP Level 3 matches a
 * source list (scheme and host sources; 'self' is the page's own origin).
 */
function allowsImage(policy: string, url: string, pageOrigin: string): boolean {
  const directives = policy.split(";").map((directive) => directive.trim().split(/\s+/));
  const directive = directives.find(([name]) => name === "img-src") ?? directives.find(([name]) => name === "default-src")!;
  const target = new URL(url);
  return directive.slice(1).some((source) => {
    if (source === "'self'") return target.origin === pageOrigin;
    if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return target.protocol === source.toLowerCase();
    return source.startsWith("http") && new URL(source).origin === target.origin;
  });
}

describe("a seed's picture on its page, through the Worker", () => {
  const fetchSite = workerFor(articles);
  const path = `/articles/${articles[0]!.slug}`;

  it("is shown sized, with its caption and credit, and the page's policy lets the browser load it", async () => {
    const response = await fetchSite(path);
    expect(response.status).toBe(200);
    const img = parseHtml(await response.text()).getElementsByTagName("img")[0]!;
    expect(["src", "width", "height", "alt"].map((name) => img.getAttribute(name))).toEqual([IMAGE, "1024", "683", "Delegates arrive for the talks."]);
    expect(img.parentNode!.textContent).toBe("Delegates arrive for the talks. — EFE/Martial Trezzini");
    const policy = response.headers.get("Content-Security-Policy")!;
    // An http picture on an https site is upgraded by the browser before the policy is checked; on an http one (npm start) it loads as written.
    for (const url of [IMAGE, IMAGE.replace("http:", "https:")]) expect(allowsImage(policy, url, "https://wirefeed.example.com"), url).toBe(true);
    expect(policy).toContain("default-src 'none'");
  });

  it("keeps the editors' initials off the page unless SHOW_DESK_CODES is true", async () => {
    expect(await (await fetchSite(path)).text()).not.toContain("is/mp");
    const shown = await (await workerFor(articles, { SHOW_DESK_CODES: "true" })(path)).text();
    expect(shown).toContain("Editors: is/mp");
  });

  it("a SHOW_DESK_CODES that is neither true nor false is the 500 naming it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await workerFor(articles, { SHOW_DESK_CODES: "sometimes" })(path);
      expect(response.status).toBe(500);
      expect(await response.text()).toContain('SHOW_DESK_CODES is "sometimes", expected "true" or "false"');
    } finally {
      logged.mockRestore();
    }
  });
});
