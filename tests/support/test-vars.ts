import type { Env } from "../../src/config";

/**
 * The configuration of the Worker under test: every variable wirefeed reads
 * (src/config.ts), given here rather than taken from wrangler.toml's [vars],
 * which are the publisher's (a site on its own domain, its own title and feed
 * size must not fail the tests). vitest.config.ts binds them over
 * wrangler.toml's, and the fixture build prerenders for them. A test that
 * needs another setting passes its own over these.
 */
export const TEST_VARS = {
  SITE_URL: "https://wirefeed.example.com",
  SITE_TITLE: "wirefeed",
  SITE_DESCRIPTION: "Wire copy, syndicated from the edge.",
  SITE_LANGUAGE: "en",
  SITE_AUTHOR: "wirefeed",
  TAG_PREFIX: "tag:wirefeed.example.com,2022:",
  FEED_ITEMS: "50",
  FEED_MAX_AGE: "300",
  FEED_STALE_WHILE_REVALIDATE: "3600",
  FEED_STALE_IF_ERROR: "86400",
  PAGE_MAX_AGE: "300",
  NOT_FOUND_MAX_AGE: "60",
  WEBSUB_HUB: "",
  SHOW_DESK_CODES: "false",
  SITE_AGENCY: "",
} as const satisfies Required<Env>;
