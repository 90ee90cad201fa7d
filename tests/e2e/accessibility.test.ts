import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, launchChromium, watchedContext } from "./support/browser";
import { composite, contrastRatio, parseComputedColor, requiredContrast } from "./support/contrast";
import { crawlPages } from "./support/crawl";

const origin = inject("origin");
let browser: Browser;
let pages: string[];
beforeAll(async () => {
  browser = await launchChromium();
  const { context, problems } = await watchedContext(browser, origin);
  pages = await crawlPages(context, origin);
  expect(problems).toEqual([]);
  await context.close();
});
afterAll(async () => {
  await browser?.close();
});

/** Run `check` on every page of the site in a fresh watched context; no page may log a problem. */
async function eachPage(options: Parameters<typeof watchedContext>[2], check: (page: Page, url: string) => Promise<void>) {
  const { context, problems } = await watchedContext(browser, origin, options);
  const page = await context.newPage();
  for (const url of pages) {
    await page.goto(url);
    await check(page, url);
  }
  expect(problems).toEqual([]);
  await context.close();
}

describe("accessibility basics on every page", () => {
  it("reaches home, feeds, every section, tag and article page by following links", () => {
    const paths = pages.map((url) => new URL(url).pathname);
    expect(paths).toEqual(expect.arrayContaining(["/", "/feeds", "/sections/politics", "/sections/economia", "/sections/sport", "/tags/european-union"]));
    // The e2e corpus (tests/e2e/seeds).
    expect(paths).toEqual(
      expect.arrayContaining([
        "/articles/eu-leaders-agree-long-term-budget-after-all-night-summit",
        "/articles/el-paro-baja-en-noviembre-por-tercer-mes-consecutivo",
        "/articles/la-inflacion-de-la-eurozona-se-modera-hasta-el-2-1",
        "/articles/late-header-sends-riverside-into-the-cup-final",
        "/articles/course-record-falls-at-the-autumn-city-marathon",
      ]),
    );
  });

  it("declares the page's language (a section's when all its articles share one), and an article's own (Spanish: es) on the article", async () => {
    const languages = new Map<string, { page: string | null; headline: string | null }>();
    await eachPage({}, async (page, url) => {
      const headline = await page.locator("h1").evaluate((h1) => h1.closest("[lang]")!.getAttribute("lang"));
      languages.set(new URL(url).pathname, { page: await page.locator("html").getAttribute("lang"), headline });
    });
    // A section or tag whose articles are all Spanish says es; every other page is in the site's language.
    const spanish = new Set(["/sections/economia", "/tags/inflacion", "/tags/empleo", "/tags/espana"]);
    for (const [path, { page }] of languages) expect(page, path).toBe(spanish.has(path) ? "es" : "en");
    expect(languages.get("/articles/el-paro-baja-en-noviembre-por-tercer-mes-consecutivo")?.headline).toBe("es");
    expect(languages.get("/articles/late-header-sends-riverside-into-the-cup-final")?.headline).toBe("en");
    expect(languages.get("/sections/economia")?.headline).toBe("es");
  });

  it("marks Spanish headlines in English lists with lang=es", async () => {
    const { context, problems } = await watchedContext(browser, origin);
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const headline = page.getByRole("link", { name: "El paro baja en noviembre por tercer mes consecutivo" });
    expect(await headline.evaluate((a) => a.closest("[lang]")!.getAttribute("lang"))).toBe("es");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("has one h1 first and no skipped heading levels", async () => {
    await eachPage({}, async (page, url) => {
      const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])));
      expect(levels[0], url).toBe(1);
      expect(levels.filter((level) => level === 1), url).toHaveLength(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level, `${url}: h${level} after h${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
      });
    });
  });

  it("offers a skip link as the first Tab stop, shown when focused, that moves to the main content", async () => {
    await eachPage({ viewport: PHONE }, async (page, url) => {
      await page.keyboard.press("Tab");
      // Key presses are dispatched asynchronously: wait for focus to land before reading it.
      await page.waitForFunction(() => document.activeElement !== document.body);
      const focused = page.locator(":focus");
      expect(await focused.textContent(), url).toMatch(/skip to content/i);
      const box = (await focused.boundingBox())!;
      expect(box.x, url).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, url).toBeLessThanOrEqual(PHONE.width);
      await page.keyboard.press("Enter");
      await page.waitForURL((target) => target.hash === "#main", { timeout: 5_000 });
      expect(new URL(page.url()).hash, url).toBe("#main");
      expect(await page.locator(":target").evaluate((el) => el.tagName), url).toBe("MAIN");
    });
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has text contrast of at least 4.5:1 (3:1 for large text) in ${colorScheme} mode`, async () => {
      const failures: string[] = [];
      await eachPage({ colorScheme }, async (page, url) => {
        for (const text of await textStyles(page)) {
          if (text.background === "no background set") {
            failures.push(`${url}: "${text.sample}" has no background of the page's own behind it`);
            continue;
          }
          const background = parseComputedColor(text.background);
          // Text over a translucent layer would need every layer below it; the stylesheet has none.
          expect(background.a, `${url}: background behind "${text.sample}"`).toBe(1);
          const ratio = contrastRatio(composite(parseComputedColor(text.color), background), background);
          const required = requiredContrast(text.fontSize, text.fontWeight);
          if (ratio < required) failures.push(`${url}: "${text.sample}" ${text.color} on ${text.background} is ${ratio.toFixed(2)}:1, expected ${required}:1`);
        }
      });
      expect(failures).toEqual([]);
    });
  }

  it("never scrolls sideways on a 375 px phone", async () => {
    await eachPage({ viewport: PHONE }, async (page, url) => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, url).toBeLessThanOrEqual(clientWidth);
    });
  });

  it("never scrolls sideways on a 1280 px desktop either", async () => {
    await eachPage({ viewport: DESKTOP }, async (page, url) => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, url).toBeLessThanOrEqual(clientWidth);
    });
  });
});

interface TextStyle {
  sample: string;
  color: string;
  /** The first opaque background behind the text. */
  background: string;
  fontSize: number;
  fontWeight: number;
}

/** Computed colours of every rendered element that has text of its own. */
function textStyles(page: Page): Promise<TextStyle[]> {
  return page.evaluate(() => {
    const opaqueBackground = (element: Element): string => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const background = getComputedStyle(node).backgroundColor;
        if (!/^rgba\(.*, 0\)$/.test(background) && background !== "transparent") return background;
      }
      // Only the canvas behind: its colour is the browser's, which the page does not control.
      return "no background set";
    };
    return Array.from(document.body.querySelectorAll("*"))
      .filter((el) => el.getClientRects().length > 0 && Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ""))
      .map((el) => {
        const style = getComputedStyle(el);
        return {
          sample: el.textContent!.trim().slice(0, 40),
          color: style.color,
          background: opaqueBackground(el),
          fontSize: parseFloat(style.fontSize),
          fontWeight: Number(style.fontWeight),
        };
      });
  });
}
