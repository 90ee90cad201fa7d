// Types for the test runtime: the Worker's env and its main module, as workerd sees them.
declare namespace Cloudflare {
  interface Env extends Required<import("../src/config").Env> {}
  interface GlobalProps {
    mainModule: typeof import("../src/index");
  }
}
