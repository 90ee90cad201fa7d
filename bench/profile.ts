/**
 * Where a Worker's time goes, from a V8 CPU profile of its isolate: every
 * sample's time is given to the wirefeed source file it ran in (or, for a
 * built-in such as JSON.parse or crypto.subtle.digest, the file that called
 * it), and the files are grouped into the steps of a request. The bundle
 * names its source files (`// src/content/article-pack.ts`, esbuild's
 * markers), so the steps follow the code wherever it moves within these
 * folders; nothing here copies the Worker's pipeline.
 */
import { readFileSync } from "node:fs";
import type { CpuProfile } from "./inspector";

/** Steps, by the source file a sample ran in: the first pattern that matches wins. */
export const STEPS: ReadonlyArray<{ step: string; files: RegExp; shows: string }> = [
  { step: "pack read", files: /^src\/content\/article-pack\./, shows: "src/content/article-pack.ts (reading the article pack)" },
  { step: "collections", files: /^src\/content\//, shows: "the rest of src/content (grouping, slugs)" },
  { step: "render", files: /^src\/render\//, shows: "src/render" },
  { step: "encoding & hash", files: /^src\/http\/representation\./, shows: "src/http/representation.ts (UTF-8, SHA-256)" },
  { step: "compression", files: /^src\/zlib\./, shows: "src/zlib.ts (gzip, and inflating the pack's deflated and archived blocks, by node:zlib)" },
  { step: "routing", files: /^node_modules\/hono\//, shows: "hono" },
  { step: "http", files: /^(src\/|bench\/)/, shows: "the rest of the Worker: src/http, src/config.ts, src/index.ts (the floor: its module)" },
];
export const GC = "garbage collection";
/** Time outside the Worker's JavaScript: HTTP, compilation, workerd calling into the isolate, and work with no JavaScript caller (a compression stream's work done after the call that fed it returned). */
export const NATIVE = "native";
export const CATEGORIES = [...STEPS.map(({ step }) => step), "other JavaScript", GC, NATIVE];

/** Milliseconds of the isolate's work per category; idle time (waiting for the request) is left out. */
export type Breakdown = Record<string, number>;

/** The source file of each line of a bundle, from esbuild's `// path` markers. */
export function bundleFiles(bundlePath: string): string[] {
  const files: string[] = [];
  // Before the first marker: esbuild's helpers (__name, __defProp), which wrangler's keepNames calls at run time.
  let current = "esbuild helpers";
  for (const line of readFileSync(bundlePath, "utf8").split("\n")) {
    const marker = /^\/\/ ((?:src|node_modules|bench)\/\S+|[\w.-]+\.(?:js|ts))$/.exec(line);
    if (marker) current = marker[1]!;
    files.push(current);
  }
  return files;
}

/** Sum the profile's samples per category. `files` maps the entry module's lines to sources; `entryUrl` is its name. */
export function breakdown(profile: CpuProfile, entryUrl: string, files: readonly string[]): Breakdown {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const categoryOf = new Map<number, string | undefined>();
  const categorise = (id: number): string | undefined => {
    if (categoryOf.has(id)) return categoryOf.get(id);
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    let category: string | undefined;
    if (functionName === "(idle)" || functionName === "(root)") category = undefined;
    else if (functionName === "(garbage collector)") category = GC;
    else if (functionName === "(program)") category = NATIVE;
    else if (url === entryUrl || url.endsWith(`/${entryUrl}`)) {
      const file = files[lineNumber] ?? "";
      category = STEPS.find(({ files: pattern }) => pattern.test(file))?.step ?? "other JavaScript";
    } else {
      // A built-in: the time belongs to whoever called it; with no caller in the Worker, to the runtime.
      const caller = parent.get(id);
      category = caller === undefined || nodes.get(caller)!.callFrame.functionName === "(root)" ? NATIVE : (categorise(caller) ?? NATIVE);
    }
    categoryOf.set(id, category);
    return category;
  };
  const totals: Breakdown = Object.fromEntries(CATEGORIES.map((category) => [category, 0]));
  profile.samples.forEach((id, i) => {
    const category = categorise(id);
    // timeDeltas[i] is the time before sample i; the time after it is what it stands for.
    if (category !== undefined) totals[category]! += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  });
  return totals;
}

export interface HotFunction {
  name: string;
  file: string;
  /** Self time: in the function itself and the built-ins it called. */
  ms: number;
}

/** The Worker's functions that took the most time themselves (built-ins they called included), most first. */
export function hottest(profile: CpuProfile, entryUrl: string, files: readonly string[], limit: number): HotFunction[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const inWorker = (id: number) => {
    const { url } = nodes.get(id)!.callFrame;
    return url === entryUrl || url.endsWith(`/${entryUrl}`);
  };
  const times = new Map<string, HotFunction>();
  profile.samples.forEach((id, i) => {
    let frame: number | undefined = id;
    while (frame !== undefined && !inWorker(frame)) frame = parent.get(frame);
    if (frame === undefined) return;
    const { functionName, lineNumber } = nodes.get(frame)!.callFrame;
    const key = `${functionName}@${lineNumber}`;
    const entry = times.get(key) ?? { name: functionName || "(anonymous)", file: files[lineNumber] ?? "", ms: 0 };
    entry.ms += (profile.timeDeltas[i + 1] ?? 0) / 1000;
    times.set(key, entry);
  });
  return [...times.values()].sort((a, b) => b.ms - a.ms).slice(0, limit);
}

/** All the isolate's work in a breakdown. */
export function total(breakdown: Breakdown): number {
  return Object.values(breakdown).reduce((a, b) => a + b, 0);
}
