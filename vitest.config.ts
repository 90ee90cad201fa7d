import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Every test runs inside workerd, the runtime that serves wirefeed in production,
// except those of the build CLI and the benchmark's tools, which are Node programs
// (child_process, fs; the benchmark's tests start workerd themselves).
// The conformance and browser suites have their own configs (they start `wrangler dev`).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: {
          name: "workerd",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/conformance/**", "tests/e2e/**", "tests/scripts/**", "tests/bench/**", "node_modules/**"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["tests/scripts/**/*.test.ts", "tests/bench/**/*.test.ts"],
        },
      },
    ],
  },
});
