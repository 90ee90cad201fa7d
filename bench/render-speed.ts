/**
 * Goal 3: warm µs per feed item for each format, wirefeed beside `feed`
 * 6.0.0 on the same items (bench/render.ts, one fresh Node process per figure),
 * and beside them the first render in a fresh process (`--cold`; the median of
 * `coldRuns` processes), which no goal names.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { CORES, onCpus } from "./cores";
import type { Lab } from "./lab";
import type { RenderTiming } from "./render";
import { count, table, type SectionReport } from "./report";
import { median } from "./stats";
import { VARS } from "./servers";

const GOAL_MICROS = 2;
/**
 * glibc keeps the memory it frees instead of returning it to the kernel: a
 * warm render allocates a new output buffer (about 280 KB) per call, and with
 * the defaults whether its pages fault in afresh decided the figure (0.5 to
 * 15 µs per item, run to run, for the same code: perf stat counted about one
 * page fault per 4 KB of output in slow runs). Both renderers run so.
 */
const STEADY_MALLOC = "glibc.malloc.mmap_threshold=8388608:glibc.malloc.trim_threshold=536870912";
const FORMATS = ["rss", "atom", "json"] as const;

function time(lab: Lab, articlesModule: string, impl: "wirefeed" | "feed", format: (typeof FORMATS)[number], cold = false): RenderTiming {
  const args = ["bench/render.ts", "--articles", articlesModule, "--impl", impl, "--format", format, "--warm-ms", String(lab.settings.render.warmMs), "--vars", JSON.stringify(VARS), ...(cold ? ["--cold"] : [])];
  return JSON.parse(execFileSync(...onCpus(CORES.server, join("node_modules", ".bin", "tsx"), args), { encoding: "utf8", env: { ...process.env, GLIBC_TUNABLES: STEADY_MALLOC } })) as RenderTiming;
}

/** The first render, in `runs` fresh processes: the median µs per item, and what was rendered. */
function timeCold(lab: Lab, articlesModule: string, impl: "wirefeed" | "feed", format: (typeof FORMATS)[number], runs: number): { microsPerItem: number; items: number; collection: string } {
  const timings = Array.from({ length: runs }, () => time(lab, articlesModule, impl, format, true));
  return { microsPerItem: median(timings.map((timing) => timing.microsPerItem)), items: timings[0]!.items, collection: timings[0]!.collection ?? "site" };
}

export async function renderSection(lab: Lab): Promise<SectionReport> {
  const { size, warmMs, coldRuns } = lab.settings.render;
  const corpus = lab.corpus(size);
  const rows: string[][] = [];
  const verdicts: SectionReport["verdicts"] = [];
  let coldDocument = "";
  for (const format of FORMATS) {
    const ours = time(lab, corpus.articlesModule, "wirefeed", format);
    const theirs = time(lab, corpus.articlesModule, "feed", format);
    const oursCold = timeCold(lab, corpus.articlesModule, "wirefeed", format, coldRuns);
    const theirsCold = timeCold(lab, corpus.articlesModule, "feed", format, coldRuns);
    coldDocument = `${oursCold.collection === "site" ? "the site feed" : `the ${oursCold.collection.replace(":", " ")} feed`} (${oursCold.items} items)`;
    lab.log(`render ${format}: ${ours.microsPerItem.toFixed(2)} µs/item vs feed ${theirs.microsPerItem.toFixed(2)}; cold ${oursCold.microsPerItem.toFixed(0)} vs ${theirsCold.microsPerItem.toFixed(0)}`);
    rows.push([
      format,
      String(ours.items),
      `${(ours.bytes / 1024).toFixed(0)} KB`,
      ours.microsPerItem.toFixed(2),
      theirs.microsPerItem.toFixed(2),
      `${(theirs.microsPerItem / ours.microsPerItem).toFixed(1)}×`,
      oursCold.microsPerItem.toFixed(0),
      theirsCold.microsPerItem.toFixed(0),
    ]);
    verdicts.push({
      goal: "3 render speed",
      measure: `${format}, warm, µs per item (${ours.items} items)`,
      wirefeed: ours.microsPerItem.toFixed(2),
      reference: `${theirs.microsPerItem.toFixed(2)} (feed 6.0.0)`,
      target: `≤ ${GOAL_MICROS} µs (aim)`,
      met: ours.microsPerItem <= GOAL_MICROS,
    });
  }
  const details = `The site feed of the ${count(size)}-article corpus, warm: \`bench/render.ts\` in a fresh Node process per figure builds the feed document and renders it, over and over for ${warmMs} ms after as long again of warm-up, in 8 batches of whole calls, and reports the best batch's mean per call divided by the items (other work on the machine only ever adds to a batch; each batch still pays for the collections its own garbage causes). \`feed\` 6.0.0 gets the same items (id, link, title, summary, HTML content, author, categories, dates) and builds its own model inside the timed call too. Warm, a render is mostly allocating its output and copying the items' bytes into it (each item's markup is made once per isolate): where the allocator hands back memory the kernel must fault in afresh, that dominates, and runs of the same code can differ several times over (\`perf stat -e page-faults\` shows which). So both renderers run on the server's core with glibc told to keep freed memory (\`GLIBC_TUNABLES=${STEADY_MALLOC}\`), which takes the page faults out of both alike.

*Cold* is the first render in a fresh process (\`bench/render.ts --cold\`, the median of ${coldRuns} processes): what a fresh isolate pays for a feed the build did not prerender, so the largest section's feed when it fills one, else the site feed; here ${coldDocument}. It includes reading each article from the pack, escaping the bodies, compiling the code on first use and the garbage collections of that first call.

${table(["Format", "Items", "Output", "wirefeed µs/item", "feed 6.0.0 µs/item", "feed ÷ wirefeed", "wirefeed cold µs/item", "feed 6.0.0 cold µs/item"], rows)}`;
  return { verdicts, details };
}
