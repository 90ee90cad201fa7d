import { defineConfig } from "vitest/config";

// End-to-end tests: Node drives Debian's chromium against `npm start` (see tests/e2e/support).
export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/support/server.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
