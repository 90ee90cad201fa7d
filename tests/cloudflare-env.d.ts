// Types `exports.default` from "cloudflare:workers" in worker tests as the
// Worker's own entry (what `wrangler types` would generate into GlobalProps).
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import("../src/index");
  }
}
