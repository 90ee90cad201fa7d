/**
 * Goal 5: the isolate's memory while a crawler walks every route, with
 * FEED_ITEMS=100 (larger documents). Measured two ways, side by side:
 *
 * - the isolate's heap, from workerd's inspector (`Runtime.getHeapUsage`):
 *   JavaScript objects, workerd's own garbage-collected objects, and
 *   ArrayBuffer backing stores (document bytes, gzip copies, the article
 *   pack's Data module). Sampled every SAMPLE_MS during the crawl (the peak),
 *   and again after a full collection at the end (what stays);
 * - the workerd process's peak resident set (VmHWM) minus an empty Worker's.
 */
import { join } from "node:path";
import { crawl } from "./crawl";
import { get } from "./http-client";
import { Inspector, type HeapUsage } from "./inspector";
import type { Lab } from "./lab";
import { count, mib, MiB, table, type SectionReport } from "./report";
import { emptyWorker, serve, wirefeedWorker } from "./servers";

const FEED_ITEMS = "100";
const SAMPLE_MS = 100;
const HEAP_GOAL = 64 * MiB;

/** Everything the isolate holds. */
export const heapBytes = (usage: HeapUsage) => usage.usedSize + usage.embedderHeapUsedSize + usage.backingStorageSize;

export interface MemoryResult {
  size: number;
  requests: number;
  seconds: number;
  atStart: HeapUsage;
  peak: HeapUsage;
  afterGc: HeapUsage;
  peakRss: number;
  emptyRss: number;
}

/** The crawl's figures at `size` (made once per run: goal 6 extrapolates from them). */
export function memoryRun(lab: Lab, size: number): Promise<MemoryResult> {
  return lab.once(`memory ${size}`, () => measureMemory(lab, size));
}

async function measureMemory(lab: Lab, size: number): Promise<MemoryResult> {
  const corpus = lab.corpus(size);
  const empty = await serve(lab.dir(size), "memory-empty", [emptyWorker(join(lab.dir(size), "empty"))]);
  await get(empty.ports.empty!, "/");
  const emptyRss = empty.memory().peakRssBytes;
  await empty.stop();

  const workerd = await serve(lab.dir(size), "memory", [wirefeedWorker(corpus, { FEED_ITEMS })], { inspector: true });
  const inspector = await Inspector.connect(workerd.inspectorPort!, "wirefeed");
  try {
    const atStart = await inspector.heapUsage();
    let peak = atStart;
    let crawling = true;
    const sampler = (async () => {
      while (crawling) {
        const usage = await inspector.heapUsage();
        if (heapBytes(usage) > heapBytes(peak)) peak = usage;
        await new Promise((done) => setTimeout(done, SAMPLE_MS));
      }
    })();
    const started = performance.now();
    const result = await crawl(workerd.ports.wirefeed!, lab.settings.memory.concurrency);
    const seconds = (performance.now() - started) / 1000;
    crawling = false;
    await sampler;
    if (result.failures.length > 0) throw new Error(`memory ${size}: the crawl got ${result.failures.length} failures, first: ${result.failures.slice(0, 5).join(", ")}`);
    const last = await inspector.heapUsage();
    if (heapBytes(last) > heapBytes(peak)) peak = last;
    await inspector.collectGarbage(() => get(workerd.ports.wirefeed!, "/robots.txt"));
    const afterGc = await inspector.heapUsage();
    const peakRss = workerd.memory().peakRssBytes;
    lab.log(`memory ${size}: ${count(result.requests)} requests in ${seconds.toFixed(0)} s, heap peak ${mib(heapBytes(peak))}, after GC ${mib(heapBytes(afterGc))}`);
    return { size, requests: result.requests, seconds, atStart, peak, afterGc, peakRss, emptyRss };
  } finally {
    inspector.close();
    await workerd.stop();
  }
}

export async function memorySection(lab: Lab): Promise<SectionReport> {
  const rows: string[][] = [];
  const verdicts: SectionReport["verdicts"] = [];
  for (const size of lab.settings.memory.sizes) {
    const m = await memoryRun(lab, size);
    const line = (what: string, usage: HeapUsage) => [count(size), what, mib(heapBytes(usage)), mib(usage.usedSize), mib(usage.embedderHeapUsedSize), mib(usage.backingStorageSize)];
    rows.push(line("after startup", m.atStart), line(`peak during the crawl (${count(m.requests)} requests, ${m.seconds.toFixed(0)} s)`, m.peak), line("after the crawl and a full GC", m.afterGc));
    verdicts.push({
      goal: "5 memory",
      measure: `${count(size)} articles, FEED_ITEMS=${FEED_ITEMS}: isolate heap while crawling every route (${count(m.requests)} URLs), peak / after GC; process RSS − empty Worker's`,
      wirefeed: `${mib(heapBytes(m.peak))} / ${mib(heapBytes(m.afterGc))}; RSS ${mib(m.peakRss - m.emptyRss)}`,
      reference: `empty Worker's process: ${mib(m.emptyRss)} RSS`,
      target: "heap kept < 64 MiB (isolate limit 128 MB)",
      // Judged on what the isolate keeps (after a full GC): the peak adds garbage V8 had not
      // collected yet, and V8 collects ArrayBuffer garbage only once it has grown by 64 MB since
      // its last full collection (its external-memory limit), whatever the Worker keeps.
      met: heapBytes(m.afterGc) < HEAP_GOAL,
    });
  }
  const details = `A crawl of every URL (\`bench/crawl.ts\`: the sitemap's pages and articles, every feed in the OPML list in all three formats, and every archive page each feed's \`prev-archive\` reaches, in all three formats), ${lab.settings.memory.concurrency} requests at a time, all accepting gzip, on a fresh \`workerd serve --inspector-addr\` with \`FEED_ITEMS=${FEED_ITEMS}\`. The isolate's heap comes from the inspector's \`Runtime.getHeapUsage\`: *JS heap* (\`usedSize\`: live and not yet collected objects), *workerd objects* (\`embedderHeapUsedSize\`) and *backing stores* (\`backingStorageSize\`: ArrayBuffers such as document bytes, gzip copies and the article pack's Data module); the goal counts their sum. Sampled every ${SAMPLE_MS} ms during the crawl (peak), then after \`HeapProfiler.collectGarbage\` (what the isolate keeps). The goal is judged on what the isolate keeps: the peak adds garbage not yet collected, and V8 leaves ArrayBuffer garbage (rendered bytes, gzip, inflated blocks evicted from wirefeed's caches) until it has grown by 64 MB since its last full collection, so a crawl that renders every page once shows a peak of about what is kept plus 64 MB whatever the caches' budgets (src/budgets.ts). The process's peak resident set (\`VmHWM\`) minus an empty Worker's is the cross-check in the summary.

${table(["Articles", "When", "isolate heap", "JS heap", "workerd objects", "backing stores"], rows)}`;
  return { verdicts, details };
}
