import type { BrowserContext } from "playwright-core";

/**
 * Every HTML page reachable from `/` by following the links a reader can
 * click (feed links, which carry a `type`, excluded), in the order found.
 */
export async function crawlPages(context: BrowserContext, origin: string): Promise<string[]> {
  const page = await context.newPage();
  const found = [`${origin}/`];
  for (let i = 0; i < found.length; i++) {
    const response = await page.goto(found[i]!);
    if (response?.status() !== 200) throw new Error(`${found[i]} answered ${response?.status()}, linked from a page`);
    const links = await page.locator("a[href]:not([type])").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const url = new URL(link);
      url.hash = "";
      if (url.origin === origin && !url.pathname.endsWith(".xml") && !found.includes(url.href)) found.push(url.href);
    }
  }
  await page.close();
  return found;
}
