import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import type { Article } from "../../src/content/article";
import { ConfigError, parseConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import { packed } from "../support/seeds";
import { FIXTURE_ARTICLES, FIXTURE_CORPUS } from "../support/worker";

describe("site configuration", () => {
  it("reads the Worker's variables", () => {
    const config = parseConfig({ ...env, SITE_URL: "https://news.example.org/", SITE_LANGUAGE: "es", FEED_ITEMS: "20" });
    expect(config).toMatchObject({ siteUrl: "https://news.example.org", language: "es", feedItems: 20 });
    expect(parseConfig({ ...env, SITE_AGENCY: " The Daily Ledger " }).agency).toBe("The Daily Ledger");
    expect(parseConfig({ ...env, SITE_AGENCY: "" }).agency).toBeUndefined();
  });

  it("names every bad variable at once, saying what was expected", () => {
    const bad = { ...env, SITE_URL: "/relative", SITE_LANGUAGE: "English", TAG_PREFIX: "urn:x", FEED_ITEMS: "0", FEED_MAX_AGE: "30", SITE_AGENCY: "Ledger\nWire" };
    const error = (() => {
      try {
        parseConfig(bad);
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      'SITE_URL is "/relative", expected an http(s) origin with no path, such as https://news.example.com',
      'SITE_LANGUAGE is "English", expected a BCP 47 language tag such as en or es-ES',
      'TAG_PREFIX is "urn:x", expected an RFC 4151 tag prefix such as tag:news.example.com,2022: (a domain you owned on that date)',
      'FEED_ITEMS is "0", expected a whole number from 1 to 1000',
      'FEED_MAX_AGE is "30", expected a whole number from 60 to 86400',
      "SITE_AGENCY is 11 characters, expected an agency's name of 1 to 100 characters on one line (or nothing)",
    ]);
  });

  it("a misconfigured Worker answers 500 with the reason, logs it, and serves nothing half-built", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await createApp(FIXTURE_CORPUS).fetch(new Request("https://x/feed.xml"), { ...env, SITE_URL: "" });
      expect(response.status).toBe(500);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(await response.text()).toContain('SITE_URL is ""');
      // The operator reads the same reason in the Worker's log (`wrangler tail`).
      expect(logged.mock.calls.flat().join("\n")).toContain('SITE_URL is ""');
    } finally {
      logged.mockRestore();
    }
  });

  it("caps every feed at FEED_ITEMS", async () => {
    // A bundled article reads its fields through getters: copy it through toJSON to spread it.
    const article = JSON.parse(JSON.stringify(FIXTURE_ARTICLES[0])) as Article;
    const many = Array.from({ length: 5 }, (_, i) => ({ ...article, id: `a${i}`, slug: `a-${i}` }));
    const response = await createApp(packed(many)).fetch(new Request("https://x/feed.json"), { ...env, FEED_ITEMS: "3" });
    expect((await response.json<{ items: unknown[] }>()).items).toHaveLength(3);
  });
});
