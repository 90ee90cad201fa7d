import type * as Zlib from "node:zlib";

let zlibModule: typeof Zlib | undefined;

/**
 * node:zlib (nodejs_compat), loaded on first use: a static import added ~4 ms
 * to every isolate's startup in workerd, paid even by requests that compress
 * and inflate nothing (a prerendered feed, a 304).
 */
export function zlib(): typeof Zlib {
  return (zlibModule ??= process.getBuiltinModule("node:zlib"));
}
