import { defineConfig } from "vitest/config";

// The conformance suite runs in Node, against `wrangler dev` over real HTTP,
// with real feed clients (xmllint, jing, feedparser, newsboat, a Node parser).
// `npm run test:conformance`; the tools come from scripts/ci-deps.sh.
export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/conformance/**/*.test.ts"],
    globalSetup: ["tests/conformance/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
