// Vite's `?raw` imports: a file's text, bundled into the test, because tests
// running inside workerd cannot read the file system.
declare module "*?raw" {
  const text: string;
  export default text;
}

// Types for the test runtime: the Worker's env (wrangler.toml [vars]) and
// `exports.default` from "cloudflare:workers" as the Worker's own entry module.
declare namespace Cloudflare {
  interface Env extends Required<import("../src/config").Env> {
    /** wrangler.toml's [assets] binding, over the fixture build's folder (vitest.config.ts). */
    ARCHIVE: Fetcher;
  }
  interface GlobalProps {
    mainModule: typeof import("../src/index");
  }
}
