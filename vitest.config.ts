import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Every test runs inside workerd, the runtime that serves wirefeed in production.
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/conformance/**", "tests/e2e/**", "node_modules/**"],
  },
});
