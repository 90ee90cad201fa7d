import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get } from "../../bench/http-client";
import { Inspector } from "../../bench/inspector";
import { breakdown, bundleFiles, hottest, total, type Breakdown } from "../../bench/profile";
import { serve } from "../../bench/servers";

// A bundle laid out as esbuild lays out wirefeed's (a `// path` comment before
// each module), whose request spends its time in two known places: a loop of
// TextDecoder.decode calls (a workerd built-in, a frame of its own in the
// profile) in the pack reader, and plain arithmetic in a renderer. The profile
// of a real workerd isolate must put the time there.
const BUNDLE = `// src/content/article-pack.ts
const PACK = new TextEncoder().encode("dépêche, wire cöpy ".repeat(200000));
function readPack() {
  const decoder = new TextDecoder();
  let n = 0;
  for (let i = 0; i < 20; i++) n += decoder.decode(PACK).length;
  return n;
}

// src/render/rss.ts
function renderRss() {
  let s = 0;
  for (let i = 0; i < 5000000; i++) s = (s + i * 7) % 1000003;
  return s;
}

// src/index.ts
var index_default = { fetch() { return new Response(String(readPack() + renderRss())); } };
export { index_default as default };
`;

let dir: string;
let steps: Breakdown;
let hot: ReturnType<typeof hottest>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wirefeed-profile-"));
  const entry = join(dir, "index.js");
  writeFileSync(entry, BUNDLE);
  const worker = { name: "busy", modules: [{ name: "index.js", path: entry, type: "esModule" as const }], vars: {}, compatibilityDate: "2026-04-26", compatibilityFlags: [] };
  const workerd = await serve(dir, "busy", [worker], { inspector: true });
  try {
    const inspector = await Inspector.connect(workerd.inspectorPort!, "busy");
    const profile = await inspector.profile(100, () => get(workerd.ports.busy!, "/"));
    inspector.close();
    steps = breakdown(profile, "index.js", bundleFiles(entry));
    hot = hottest(profile, "index.js", bundleFiles(entry), 2);
  } finally {
    await workerd.stop();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bench/profile.ts on a workerd CPU profile", () => {
  it("gives a built-in's time (TextDecoder.decode) to the source file that called it, not to the runtime", () => {
    expect(steps["pack read"]).toBeGreaterThan(steps.native!);
  });

  it("gives a function's time to the step of the source file it is in", () => {
    expect(steps["pack read"]! + steps.render!).toBeGreaterThan(0.8 * (total(steps) - steps["garbage collection"]! - steps.native!));
    expect(hot.map((f) => `${f.name} ${f.file}`).sort()).toEqual(["readPack src/content/article-pack.ts", "renderRss src/render/rss.ts"]);
  });
});
