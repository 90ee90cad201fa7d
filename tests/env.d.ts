// Types `exports.default` from "cloudflare:workers" in tests as the Worker's own entry (what `wrangler types` would generate).
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import("../src/index");
  }
}
