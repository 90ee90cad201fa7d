/**
 * Debian's chromium driven by playwright-core, offline: no downloaded browser,
 * nothing that phones home, and a record of everything a reader would notice
 * going wrong (console errors, page errors, failed or foreign requests).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 812 } as const;

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: the browser tests need Debian's chromium (apt-get install -y --no-install-recommends chromium)`);
  }
}

/**
 * Headless chromium. playwright-core gives every launch a fresh temporary
 * --user-data-dir (and deletes it on close), so no profile state leaks between runs.
 */
export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

export interface WatchedContext {
  context: BrowserContext;
  /** Everything that went wrong in any page of the context, one line each; should stay empty. */
  problems: string[];
}

/** A browser context that records console errors and warnings, page errors, failed requests and requests leaving `origin`. */
export async function watchedContext(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<WatchedContext> {
  const context = await browser.newContext(options);
  // Pages are small and local: a missing element fails fast instead of after Playwright's 30 s.
  context.setDefaultTimeout(10_000);
  const problems: string[] = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (["http:", "https:", "ws:", "wss:"].includes(url.protocol) && url.origin !== origin) problems.push(`request to another host: ${request.url()}`);
  });
  context.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  context.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  // CSP violations are reported as console errors.
  context.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
  return { context, problems };
}
