/** Markdown for BENCHMARKS.md: tables and the units every section prints alike. */
import type { Summary } from "./stats";

/** One goal's line in the summary table. */
export interface Verdict {
  goal: string;
  measure: string;
  wirefeed: string;
  reference: string;
  target: string;
  met: boolean | undefined;
}

/** What a section adds to BENCHMARKS.md: its verdicts and its own detailed part. */
export interface SectionReport {
  verdicts: Verdict[];
  /** Markdown under the section's heading: tables and notes. */
  details: string;
  /** SVG charts of its main results, shown after the details (bench/charts.ts draws them). */
  charts?: Chart[];
}

export interface Chart {
  /** File name, without folder: e.g. `scale-startup.svg`. */
  name: string;
  /** What the picture shows, for readers who cannot see it. */
  alt: string;
  svg: string;
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export const MiB = 2 ** 20;
export const mib = (bytes: number) => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 2 : 1)} MiB`;
export const ms = (value: number) => (Number.isNaN(value) ? "–" : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`);
export const count = (n: number) => n.toLocaleString("en");
export const met = (ok: boolean | undefined) => (ok === undefined ? "–" : ok ? "yes" : "**no**");
/** A median with its range, e.g. `0.97 (0.93–1.01)`. */
export const spread = (s: Summary, digits = 2, unit = "") => `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
