import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { DESKTOP, PHONE, launchChromium, watchedContext } from "./support/browser";

/** Ignored by git (tests/artifacts/): for people to look at, not compared by the tests. */
const SCREENSHOTS = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const origin = inject("origin");
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const SHOTS = [
  { name: "index", path: "/" },
  { name: "article", path: "/articles/eu-leaders-agree-long-term-budget-after-all-night-summit" },
  { name: "article-es", path: "/articles/el-paro-baja-en-noviembre-por-tercer-mes-consecutivo" },
  { name: "feeds", path: "/feeds" },
] as const;

for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`saves full-page screenshots at ${device} width (${viewport.width}×${viewport.height}), ${colorScheme}`, async () => {
      const { context, problems } = await watchedContext(browser, origin, { viewport, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const shot of SHOTS) {
        const response = await page.goto(`${origin}${shot.path}`);
        expect(response?.status(), shot.path).toBe(200);
        const file = `${SCREENSHOTS}${shot.name}-${device}${colorScheme === "dark" ? "-dark" : ""}.png`;
        await page.screenshot({ path: file, fullPage: true });
        expect(readFileSync(file).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}
