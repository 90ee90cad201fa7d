import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseGcLine, pausesBetween } from "../../bench/gc-trace";
import { get } from "../../bench/http-client";
import { serve } from "../../bench/servers";
import type { RunningWorkerd } from "../../bench/workerd";

// Lines as workerd's V8 printed them here under the load section's mix (`v8Flags = ["--trace-gc"]`; the space lines with --trace-gc-verbose).
const SCAVENGE = "[12249:0x206c3fe10000]     3375 ms: Scavenge 6.7 (9.6) -> 5.5 (9.9) MB, pooled: 0.0 MB, 6.68 / 0.00 ms (average mu = 1.000, current mu = 1.000) allocation failure; ";
const MARK_COMPACT = "[19640:0x3252ffcf0000]     6550 ms: Mark-Compact 19.0 (29.7) -> 3.5 (19.1) MB, pooled: 7.8 MB, 10.87 / 0.00 ms (average mu = 0.998, current mu = 0.998) allocation failure; GC in old space requested";

describe("V8's --trace-gc lines", () => {
  it("give each collection's kind and the pause it caused", () => {
    expect(parseGcLine(SCAVENGE, 5)).toEqual({ kind: "Scavenge", at: 5, pauseMs: 6.68 });
    expect(parseGcLine(MARK_COMPACT, 7)).toEqual({ kind: "Mark-Compact", at: 7, pauseMs: 10.87 });
    // Not seen here: V8's form of a collection that reduces memory, as its GCTracer prints it.
    const reduce = "[1:0x1]    70021 ms: Mark-Compact (reduce) 4.1 (7.2) -> 3.9 (7.0) MB, pooled: 0.0 MB, 3.52 / 0.00 ms  (+ 0.4 ms in 5 steps since start of marking, biggest step 0.1 ms, walltime since start of marking 9 ms) (average mu = 0.99, current mu = 0.98) finalize incremental marking via task; GC in old space requested";
    expect(parseGcLine(reduce, 0)).toEqual({ kind: "Mark-Compact", at: 0, pauseMs: 3.52 });
  });

  it("are told from the rest of the process's output", () => {
    for (const line of ["[20196:0x1136bfcf0000] New space,                  used:    511 KB, available:     3584 KB, committed:   6656 KB", "[20196:0x1136bfcf0000] Memory allocator,           used:   4016 KB", "workerd/server/server.c++:1234: info: Listening", ""]) {
      expect(parseGcLine(line, 0), line).toBeUndefined();
    }
  });

  it("are summed over a window by when they arrived", () => {
    const pauses = [parseGcLine(SCAVENGE, 100)!, parseGcLine(MARK_COMPACT, 200)!, parseGcLine(SCAVENGE, 300)!];
    expect(pausesBetween(pauses, 150, 300)).toEqual({ pauses: 2, totalMs: 10.87 + 6.68, longestMs: 10.87 });
    expect(pausesBetween(pauses, 301, 400)).toEqual({ pauses: 0, totalMs: 0, longestMs: 0 });
  });
});

describe("a workerd started with gcTrace", () => {
  let dir: string | undefined;
  let workerd: RunningWorkerd | undefined;
  afterAll(async () => {
    await workerd?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("reports its collections as they happen, not when it exits", async () => {
    dir = mkdtempSync(join(tmpdir(), "wirefeed-gc-"));
    // Each request leaves ~1 MB of garbage: a few hundred make the young generation collect.
    writeFileSync(join(dir, "garbage.js"), "export default { fetch() { let n = 0; for (let i = 0; i < 20000; i++) n += [i, String(i)].length; return new Response(String(n)); } };\n");
    const worker = { name: "garbage", modules: [{ name: "garbage.js", path: join(dir, "garbage.js"), type: "esModule" as const }], vars: {}, compatibilityDate: "2026-04-26", compatibilityFlags: [] };
    workerd = await serve(dir, "garbage", [worker], { gcTrace: true });
    const from = performance.now();
    // Until the first collection is reported: without line buffering, C stdio held the
    // trace until some 24 lines filled its block, 75 requests in here.
    let reported = 0;
    for (let request = 0; request < 300 && reported === 0; request++) {
      await get(workerd.ports.garbage!, "/");
      await new Promise((done) => setTimeout(done, 5));
      reported = pausesBetween(workerd.gcPauses(), from, performance.now()).pauses;
    }
    expect(reported).toBeGreaterThan(0);
    expect(reported).toBeLessThanOrEqual(2);
    expect(workerd.gcPauses().every((pause) => pause.pauseMs >= 0 && /^(Scavenge|Mark-Compact|Minor Mark-Sweep|Mark-Sweep)/.test(pause.kind))).toBe(true);
  });
});
