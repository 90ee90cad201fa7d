/**
 * V8's garbage collections in a `workerd serve` process, as `--trace-gc`
 * prints them (the config's `v8Flags`): one line per collection, with the
 * time the isolate's thread was paused for it. The load section reads them
 * per run, beside the latency they cause: under a steady load, the tail of
 * every Worker here, the bare one included, is its collections.
 */

/** One collection: what kind, when its line arrived (performance.now()), and how long it paused the isolate. */
export interface GcPause {
  kind: string;
  at: number;
  pauseMs: number;
}

/**
 * `[pid:isolate:0]     3375 ms: Scavenge 6.7 (9.6) -> 5.5 (9.9) MB, pooled: 0.0 MB, 6.68 / 0.00 ms (average mu = …) allocation failure;`:
 * the kind (Scavenge, Mark-Compact, Minor Mark-Sweep, …) and the pause, the first of "pause / external ms".
 */
const TRACE_LINE = /\d ms: ([A-Z][A-Za-z -]*?)(?: \([a-z ]+\))? [\d.]+ \([\d.]+\) -> [\d.]+ \([\d.]+\) MB,.*? ([\d.]+) \/ [\d.]+ ms/;

/** The collection a `--trace-gc` line reports, or undefined for any other line. */
export function parseGcLine(line: string, at: number): GcPause | undefined {
  const match = TRACE_LINE.exec(line);
  return match === null ? undefined : { kind: match[1]!, at, pauseMs: Number(match[2]) };
}

/** What the collections within a window paused: how many, for how long in all, and the longest. */
export interface GcSummary {
  pauses: number;
  totalMs: number;
  longestMs: number;
}

/** The collections whose lines arrived between `from` and `to` (performance.now()). */
export function pausesBetween(pauses: readonly GcPause[], from: number, to: number): GcSummary {
  const within = pauses.filter((pause) => pause.at >= from && pause.at <= to);
  return {
    pauses: within.length,
    totalMs: within.reduce((sum, pause) => sum + pause.pauseMs, 0),
    longestMs: within.reduce((most, pause) => Math.max(most, pause.pauseMs), 0),
  };
}
