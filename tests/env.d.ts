// Vite's `?raw` imports: a file's text, bundled into the test, because tests
// running inside workerd cannot read the file system.
declare module "*?raw" {
  const text: string;
  export default text;
}

// Types `exports.default` from "cloudflare:workers" as the Worker's own entry module.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import("../src/index");
  }
}
