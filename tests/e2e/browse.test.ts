import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { parseXml } from "../support/documents";
import { DESKTOP, launchChromium, watchedContext } from "./support/browser";
import { fetchFeed, type AdvertisedFeed } from "./support/feeds";

const origin = inject("origin");
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** `<link rel="alternate">` feeds in the page's head, in document order. */
function alternates(page: Page): Promise<Array<AdvertisedFeed & { title: string }>> {
  return page
    .locator('head link[rel="alternate"]')
    .evaluateAll((links) => links.map((l) => ({ href: (l as HTMLLinkElement).href, type: l.getAttribute("type") ?? "", title: l.getAttribute("title") ?? "" })));
}

describe("a reader on wirefeed", () => {
  it("lands on /, follows a section, opens an article and subscribes to its feeds", async () => {
    const { context, problems } = await watchedContext(browser, origin, { viewport: DESKTOP });
    const page = await context.newPage();

    const home = await page.goto(`${origin}/`);
    expect(home?.status()).toBe(200);
    expect((await page.title()).trim()).not.toBe("");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    for (const landmark of ["banner", "navigation", "main", "contentinfo"] as const) {
      expect(await page.getByRole(landmark).count(), landmark).toBeGreaterThan(0);
    }

    // A section, chosen the way a reader does: by its name in the Sections list.
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Economía" }).click();
    await page.waitForURL(`${origin}/sections/economia`);
    const sectionUrl = page.url();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Economía");

    const firstArticle = page.locator("main .articles").getByRole("link").first();
    const headline = await firstArticle.textContent();
    await firstArticle.click();
    await page.waitForURL(/\/articles\//);
    const articleUrl = page.url();

    const article = page.getByRole("article");
    expect(await article.getByRole("heading", { level: 1 }).textContent()).toBe(headline);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await article.getAttribute("lang")).toBe("es");

    // The dateline's <time> is machine-readable and says the same date as its text, written in Spanish as the article is.
    const time = article.locator("time");
    const datetime = (await time.getAttribute("datetime"))!;
    expect(Number.isNaN(Date.parse(datetime)), datetime).toBe(false);
    const shown = new Date(datetime).toLocaleDateString("es-ES", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    expect(await time.textContent()).toBe(shown);
    expect(await time.locator("xpath=..").textContent()).toMatch(/^Madrid · .+ · EFE$/);

    // Back to its section.
    const sectionLink = article.getByRole("link", { name: "Economía", exact: true });
    expect(await sectionLink.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(sectionUrl);

    // Feeds in the head: the site's and the section's, each fetchable in the announced format.
    const feeds = await alternates(page);
    expect(feeds.map((f) => new URL(f.href).pathname)).toEqual([
      "/feed.xml", "/atom.xml", "/feed.json",
      "/sections/economia/feed.xml", "/sections/economia/atom.xml", "/sections/economia/feed.json",
    ]);
    for (const feed of feeds) {
      expect(new URL(feed.href).origin, feed.href).toBe(origin);
      const { title, body } = await fetchFeed(context.request, feed);
      expect(feed.title, feed.href).toContain(title);
      // A reader subscribed to any of them gets this article.
      expect(body, feed.href).toContain(articleUrl);
    }

    // The same feeds, as visible links a reader can click or copy.
    const visible = page.locator("a[type]");
    const subscribe = await visible.evaluateAll((links) => links.map((a) => ({ href: (a as HTMLAnchorElement).href, type: a.getAttribute("type") })));
    expect(new Set(subscribe.map((l) => `${l.type} ${l.href}`))).toEqual(new Set(feeds.map((f) => `${f.type} ${f.href}`)));
    for (const link of await visible.all()) expect(await link.isVisible()).toBe(true);

    await sectionLink.click();
    await page.waitForURL(sectionUrl);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("finds every feed's URL on /feeds, and each one answers", async () => {
    const { context, problems } = await watchedContext(browser, origin, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Feeds" }).click();
    await page.waitForURL(`${origin}/feeds`);

    const rows = await page.locator("main td").evaluateAll((cells) =>
      cells.map((cell) => ({ href: cell.querySelector("a")!.href, type: cell.querySelector("a")!.getAttribute("type") ?? "", shown: cell.querySelector("code")!.textContent ?? "" })),
    );
    // Site, three sections (Politics, Economía, Sport) and the corpus's tags, three formats each.
    expect(rows.length).toBeGreaterThanOrEqual(3 * (1 + 3 + 5));
    for (const row of rows) {
      expect(row.shown, "the URL shown is the one linked").toBe(row.href);
      await fetchFeed(context.request, row);
    }

    // The OPML list, for subscribing to everything at once, has one outline per feed: its RSS.
    const opmlUrl = await page.getByRole("link", { name: "OPML list" }).evaluate((a) => (a as HTMLAnchorElement).href);
    const opml = await context.request.get(opmlUrl);
    expect(opml.status()).toBe(200);
    const outlines = Array.from(parseXml(await opml.text()).getElementsByTagName("outline"))
      .map((o) => o.getAttribute("xmlUrl"))
      .filter((url): url is string => url !== null);
    expect(new Set(outlines)).toEqual(new Set(rows.filter((r) => r.type === "application/rss+xml").map((r) => r.href)));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reads the same without JavaScript", async () => {
    const { context, problems } = await watchedContext(browser, origin, { viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Sport" }).click();
    await page.waitForURL(`${origin}/sections/sport`);
    const link = page.locator("main .articles").getByRole("link").first();
    const headline = await link.textContent();
    await link.click();
    await page.waitForURL(/\/articles\//);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(headline);
    expect(await page.locator("article p").nth(2).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("applies the page's stylesheet under its Content-Security-Policy", async () => {
    const { context, problems } = await watchedContext(browser, origin, { viewport: DESKTOP });
    const page = await context.newPage();
    const response = await page.goto(`${origin}/`);
    expect(await response?.headerValue("content-security-policy")).toMatch(/style-src 'sha256-/);
    const style = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { font: body.fontFamily, margin: body.marginTop, mainWidth: getComputedStyle(document.querySelector("main")!).maxWidth };
    });
    // Chromium's defaults are Times, an 8px margin and no max-width.
    expect(style.font).toContain("Georgia");
    expect(style.margin).toBe("0px");
    expect(style.mainWidth).not.toBe("none");
    expect(problems).toEqual([]);
    await context.close();
  });
});
