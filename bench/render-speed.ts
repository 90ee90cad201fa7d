/**
 * Goal 3: warm µs per feed item for each format, wirefeed beside `feed`
 * 6.0.0 on the same items (bench/render.ts, one fresh Node process per figure).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { CORES, onCpus } from "./cores";
import type { Lab } from "./lab";
import type { RenderTiming } from "./render";
import { count, table, type SectionReport } from "./report";
import { VARS } from "./servers";

const GOAL_MICROS = 2;
const FORMATS = ["rss", "atom", "json"] as const;

function time(lab: Lab, articlesModule: string, impl: "wirefeed" | "feed", format: (typeof FORMATS)[number]): RenderTiming {
  const args = ["bench/render.ts", "--articles", articlesModule, "--impl", impl, "--format", format, "--warm-ms", String(lab.settings.render.warmMs), "--vars", JSON.stringify(VARS)];
  return JSON.parse(execFileSync(...onCpus(CORES.server, join("node_modules", ".bin", "tsx"), args), { encoding: "utf8" })) as RenderTiming;
}

export async function renderSection(lab: Lab): Promise<SectionReport> {
  const { size, warmMs } = lab.settings.render;
  const corpus = lab.corpus(size);
  const rows: string[][] = [];
  const verdicts: SectionReport["verdicts"] = [];
  for (const format of FORMATS) {
    const ours = time(lab, corpus.articlesModule, "wirefeed", format);
    const theirs = time(lab, corpus.articlesModule, "feed", format);
    lab.log(`render ${format}: ${ours.microsPerItem.toFixed(2)} µs/item vs feed ${theirs.microsPerItem.toFixed(2)}`);
    rows.push([format, String(ours.items), `${(ours.bytes / 1024).toFixed(0)} KB`, ours.microsPerItem.toFixed(2), theirs.microsPerItem.toFixed(2), `${(theirs.microsPerItem / ours.microsPerItem).toFixed(1)}×`]);
    verdicts.push({
      goal: "3 render speed",
      measure: `${format}, warm, µs per item (${ours.items} items)`,
      wirefeed: ours.microsPerItem.toFixed(2),
      reference: `${theirs.microsPerItem.toFixed(2)} (feed 6.0.0)`,
      target: `≤ ${GOAL_MICROS} µs (aim)`,
      met: ours.microsPerItem <= GOAL_MICROS,
    });
  }
  const details = `The site feed of the ${count(size)}-article corpus, warm: \`bench/render.ts\` in a fresh Node process per figure builds the feed document and renders it, over and over for ${warmMs} ms after as long again of warm-up, and reports the mean per call divided by the items. \`feed\` 6.0.0 gets the same items (id, link, title, summary, HTML content, author, categories, dates) and builds its own model inside the timed call too.

${table(["Format", "Items", "Output", "wirefeed µs/item", "feed 6.0.0 µs/item", "feed ÷ wirefeed"], rows)}`;
  return { verdicts, details };
}
