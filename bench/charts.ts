/**
 * Charts for BENCHMARKS.md: SVG files the bench writes and commits beside it.
 *
 * Drawn by Vega-Lite, compiled to a Vega spec and rendered by Vega headless:
 * no canvas, no DOM. Text is measured from a fixed table of character widths
 * (below), never from the fonts of the machine, so the same data gives the
 * same bytes on every machine, and a committed chart changes only when its
 * figures do. The charts know nothing of the bench's sections: each takes its
 * titles and numbers.
 *
 * GitHub shows a committed SVG as an image on a light or a dark page: each
 * chart has its own white background. Fonts are the generic sans-serif.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** One point of a line: its median (or mean) at `y`, and its spread over runs from `low` to `high`, if given. */
export interface LinePoint {
  x: number;
  y: number;
  low?: number;
  high?: number;
}

export interface LineSeries {
  /** The series' name in the legend, e.g. "wirefeed". */
  name: string;
  points: LinePoint[];
}

export interface LineChartOptions {
  title: string;
  /** With its unit, e.g. "articles". */
  xTitle: string;
  /** With its unit, e.g. "build time (ms)", unless `yUnit` is given. */
  yTitle: string;
  /** Appended to the y axis's title in brackets: `yTitle: "build time", yUnit: "ms"` reads "build time (ms)". */
  yUnit?: string;
  /** A logarithmic x axis, ticked at the data's x values only (corpus sizes: 100, 1,000, 10,000, 100,000). */
  xLog?: boolean;
  yLog?: boolean;
  series: LineSeries[];
}

export interface BarSeries {
  /** The series' name in the legend, e.g. "bare Worker". */
  name: string;
  /** One per group, in the groups' order. */
  values: number[];
}

export interface GroupedBarChartOptions {
  title: string;
  /** Under the groups, e.g. "percentile"; none by default, as the groups' names say it. */
  xTitle?: string;
  /** With its unit, e.g. "latency (ms)". */
  yTitle: string;
  /** A logarithmic y axis: the bars then stand on the power of ten below the smallest value. */
  yLog?: boolean;
  /** The groups along the x axis, in this order, e.g. p50, p90, p99, p99.9. */
  groups: string[];
  /** Side by side within each group, in this order. */
  series: BarSeries[];
}

/** The whole chart's width in pixels, axes and legend included. */
export const CHART_WIDTH = 640;
/** The plot's height, without title, legend and x axis. */
const PLOT_HEIGHT = 300;
const PADDING = 8;
/** Room left of the plot for the y axis's labels and title, as the layout below reckons with it. */
const Y_AXIS_ROOM = 80;
/** About the plot's width. */
const PLOT_WIDTH = CHART_WIDTH - 2 * PADDING - Y_AXIS_ROOM;
/** How far apart, in pixels, neighbouring series are drawn at one x when they have error bars, so that the bars do not hide each other. */
const DODGE_PIXELS = 7;

const FONT = { title: 15, axisTitle: 12, axisLabel: 11, legend: 12, barLabel: 10 };
const LEGEND_SYMBOL_SIZE = 90;
const LEGEND_COLUMN_PADDING = 18;

const QUANTITATIVE = "quantitative" as const;
const NOMINAL = "nominal" as const;
const LOG = "log" as const;
/** Axis labels: thousands separators, no exponent, no trailing zeros (100,000; 0.5). */
const NUMBER = ",~f";
/** Bar labels: three significant digits with thousands separators (0.812, 12.3, 1,230); the tables beside the chart have the figures. */
const BAR_LABEL = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

const CONFIG = {
  background: "white",
  font: "sans-serif",
  padding: PADDING,
  // A committed SVG is shown as an image and read through its alt text: the marks' own descriptions would only add bytes.
  aria: false,
  title: { fontSize: FONT.title, anchor: "start", offset: 10 },
  axis: { titleFontSize: FONT.axisTitle, titleFontWeight: "normal", labelFontSize: FONT.axisLabel, gridColor: "#e6e6e6", tickColor: "#888", domainColor: "#888" },
  legend: {
    orient: "top",
    direction: "horizontal",
    title: null,
    labelFontSize: FONT.legend,
    labelLimit: 0,
    symbolSize: LEGEND_SYMBOL_SIZE,
    symbolOpacity: 1,
    columnPadding: LEGEND_COLUMN_PADDING,
    rowPadding: 6,
  },
  view: { stroke: "#ccc" },
  // Vega's tableau10 (blue, orange, red, teal…), told apart by most colour-blind readers; on the line chart each series has its own point shape too.
  range: { category: { scheme: "tableau10" } },
} as const;

/** A line per series with its points marked, a legend naming the series, and each point's spread as an error bar where given. */
export async function lineChart(options: LineChartOptions): Promise<string> {
  const what = `lineChart "${options.title}"`;
  const names = uniqueNames(what, options.series);
  const points = options.series.flatMap((series) => series.points.map((point) => ({ series: series.name, ...point })));
  if (points.length === 0) throw new Error(`${what}: no points`);
  for (const p of points) {
    const values = [p.y, ...(p.low === undefined ? [] : [p.low]), ...(p.high === undefined ? [] : [p.high])];
    if (![p.x, ...values].every(Number.isFinite)) throw new Error(`${what}: ${p.series} has a point that is not finite numbers (${JSON.stringify(p)})`);
    if ((p.low === undefined) !== (p.high === undefined)) throw new Error(`${what}: ${p.series} has a point with only one end of its spread (${JSON.stringify(p)})`);
    if (p.low !== undefined && !(p.low <= p.y && p.y <= p.high!)) throw new Error(`${what}: ${p.series} has a point outside its spread (${JSON.stringify(p)})`);
    if (options.xLog && p.x <= 0) throw new Error(`${what}: ${p.series} has x = ${p.x} on a log axis`);
    if (options.yLog && Math.min(...values) <= 0) throw new Error(`${what}: ${p.series} has y ≤ 0 on a log axis (${JSON.stringify(p)})`);
  }
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const xDomain = paddedDomain(xs, options.xLog === true);
  // Where any point has an error bar, the series are drawn a few pixels apart at each x; the axis's ticks stay at the data's x.
  const spread = points.some((p) => p.low !== undefined);
  const dodged = spread && names.length > 1;
  const rows = points.map((p) => {
    const pixels = dodged ? (names.indexOf(p.series) - (names.length - 1) / 2) * DODGE_PIXELS : 0;
    return { series: p.series, x: shift(p.x, pixels, xDomain, options.xLog === true), y: p.y, low: p.low ?? null, high: p.high ?? null };
  });
  const yTitle = wrap(options.yUnit === undefined ? options.yTitle : `${options.yTitle} (${options.yUnit})`, FONT.axisTitle, PLOT_HEIGHT);
  const ys = points.flatMap((p) => [p.y, p.low ?? p.y, p.high ?? p.y]).sort((a, b) => a - b);
  // A log y axis spans the data and a little more, not whole powers of ten: those can leave most of the plot empty.
  const yDomain = paddedDomain(ys, options.yLog === true);
  const yScale = options.yLog ? { type: LOG, domain: yDomain, nice: false } : { zero: true };
  const x = {
    field: "x",
    type: QUANTITATIVE,
    title: wrap(options.xTitle, FONT.axisTitle, PLOT_WIDTH),
    scale: options.xLog ? { type: LOG, domain: xDomain, nice: false } : { domain: xDomain, nice: false, zero: false },
    // On a log axis, a tick at each of the data's x values (the corpus sizes) and none between.
    axis: { format: NUMBER, grid: true, ...(options.xLog ? { values: xs } : {}) },
  };
  const color = { field: "series", type: NOMINAL, scale: { domain: names }, sort: names, legend: legend(names) };
  const spec: TopLevelSpec = {
    ...frame(options.title),
    data: { values: rows },
    layer: [
      // Only where some point has its spread: with none, Vega finds no extent for the error bars' scale.
      ...(spread
        ? [
            {
              transform: [{ filter: "isValid(datum.low)" }],
              mark: { type: "errorbar" as const, ticks: { size: 7 }, thickness: 1.5 },
              encoding: { x, y: { field: "low", type: QUANTITATIVE, scale: yScale, title: yTitle }, y2: { field: "high" }, color },
            },
          ]
        : []),
      {
        mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 55, opacity: 1 } },
        encoding: {
          x,
          y: { field: "y", type: QUANTITATIVE, scale: yScale, title: yTitle, axis: { format: NUMBER, grid: true, ...(options.yLog ? logTicks(yDomain) : {}) } },
          color,
          shape: { field: "series", type: NOMINAL, scale: { domain: names }, sort: names },
          order: { field: "x" },
        },
      },
    ],
  };
  return render(what, spec);
}

/**
 * Bars side by side in each group (e.g. latency percentiles), a colour per
 * series and a legend naming them. Each bar is labelled with its value to
 * three significant digits where every label fits over its bar; with too many
 * bars for that, none is.
 */
export async function groupedBarChart(options: GroupedBarChartOptions): Promise<string> {
  const what = `groupedBarChart "${options.title}"`;
  const names = uniqueNames(what, options.series);
  if (options.groups.length === 0) throw new Error(`${what}: no groups`);
  if (new Set(options.groups).size !== options.groups.length) throw new Error(`${what}: a group is named twice (${options.groups.join(", ")})`);
  for (const series of options.series) {
    if (series.values.length !== options.groups.length) throw new Error(`${what}: ${series.name} has ${series.values.length} values for ${options.groups.length} groups`);
    if (!series.values.every((value) => Number.isFinite(value) && (options.yLog ? value > 0 : value >= 0))) {
      throw new Error(`${what}: ${series.name} has a value that is not a finite number ${options.yLog ? "> 0 (log axis)" : "≥ 0"}: ${series.values.join(", ")}`);
    }
  }
  const rows = options.series.flatMap((series) => series.values.map((value, i) => ({ series: series.name, group: options.groups[i]!, value, label: BAR_LABEL.format(value) })));
  const values = rows.map((row) => row.value);
  // A log axis has no zero: the bars stand on the power of ten below the smallest value, and the axis ends a little above the largest, for its label.
  const base = options.yLog ? 10 ** Math.floor(Math.log10(Math.min(...values))) : 0;
  const y = {
    field: "value",
    type: QUANTITATIVE,
    title: wrap(options.yTitle, FONT.axisTitle, PLOT_HEIGHT),
    scale: options.yLog ? { type: LOG, domain: [base, Math.max(...values) * 1.5], nice: false } : { zero: true },
    axis: { format: NUMBER, grid: true, ...(options.yLog ? logTicks([base, Math.max(...values) * 1.5]) : {}) },
  };
  const x = {
    field: "group",
    type: NOMINAL,
    sort: options.groups,
    title: options.xTitle === undefined ? null : wrap(options.xTitle, FONT.axisTitle, PLOT_WIDTH),
    axis: { labelAngle: 0, labelFontSize: 12, grid: false },
    scale: { paddingInner: 0.2, paddingOuter: 0.1 },
  };
  const xOffset = { field: "series", type: NOMINAL, sort: names, scale: { paddingInner: 0.08 } };
  // A label may be as wide as its bar and the gap to the next: the group's band (as the x scale above divides the plot) over its bars.
  const band = (PLOT_WIDTH / (options.groups.length - x.scale.paddingInner + 2 * x.scale.paddingOuter)) * (1 - x.scale.paddingInner);
  const labelled = rows.every((row) => textWidth(row.label, FONT.barLabel) <= band / names.length);
  const spec: TopLevelSpec = {
    ...frame(options.title),
    data: { values: rows },
    encoding: { x, xOffset },
    layer: [
      {
        mark: { type: "bar" },
        encoding: { y, y2: { datum: base }, color: { field: "series", type: NOMINAL, scale: { domain: names }, sort: names, legend: legend(names) } },
      },
      ...(labelled
        ? [
            {
              mark: { type: "text" as const, baseline: "bottom" as const, dy: -3, fontSize: FONT.barLabel, color: "#333" },
              encoding: { y, text: { field: "label" } },
            },
          ]
        : []),
    ],
  };
  return render(what, spec);
}

/** Writes a chart, making its folder first. */
export function writeChart(file: string, svg: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, svg);
}

/** What every chart has: its title, width, size and look. */
function frame(title: string) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: wrap(title, FONT.title, CHART_WIDTH - 2 * PADDING, true) },
    width: CHART_WIDTH,
    height: PLOT_HEIGHT,
    // The whole chart, axes and legend included, is CHART_WIDTH wide; the plot takes what they leave.
    autosize: { type: "fit-x" as const, contains: "padding" as const },
    config: CONFIG,
  };
}

/**
 * The legend, on top: as many entries to a row as fit over the plot, in
 * columns. Vega would otherwise put them all on one row, however wide.
 */
function legend(names: string[]) {
  // The symbol, and the gap between it and its label.
  const symbol = Math.sqrt(LEGEND_SYMBOL_SIZE) + 5;
  const widths = names.map((name) => symbol + textWidth(name, FONT.legend));
  let columns = names.length;
  const fits = (n: number) => {
    const columnWidths = Array.from({ length: n }, (_, c) => Math.max(...widths.filter((_, i) => i % n === c)));
    return columnWidths.reduce((sum, w) => sum + w, 0) + (n - 1) * LEGEND_COLUMN_PADDING <= PLOT_WIDTH;
  };
  while (columns > 1 && !fits(columns)) columns -= 1;
  return { columns };
}

function uniqueNames(what: string, series: ReadonlyArray<{ name: string }>): string[] {
  const names = series.map((s) => s.name);
  if (names.length === 0) throw new Error(`${what}: no series`);
  if (new Set(names).size !== names.length) throw new Error(`${what}: a series is named twice (${names.join(", ")})`);
  return names;
}

/** A domain a little wider than `sorted` values, so that the end points, their error bars and labels keep off the plot's edges. */
function paddedDomain(sorted: number[], log: boolean): [number, number] {
  const [min, max] = [sorted[0]!, sorted[sorted.length - 1]!];
  if (log) {
    const factor = min === max ? 2 : (max / min) ** 0.06;
    return [min / factor, max * factor];
  }
  const pad = min === max ? Math.max(1, Math.abs(min) / 10) : (max - min) * 0.06;
  return [min - pad, max + pad];
}

/** A log axis's ticks at 1, 2 and 5 times the powers of ten, rather than Vega's every integer multiple with some labels left out; Vega's where that gives fewer than three. */
function logTicks([min, max]: [number, number]): { values: number[] } | Record<string, never> {
  const values: number[] = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power += 1) {
    for (const m of [1, 2, 5]) {
      // Rounded to the power's digits: 3 * 0.1 is 0.30000000000000004.
      const value = Number((m * 10 ** power).toPrecision(1));
      if (value >= min && value <= max) values.push(value);
    }
  }
  return values.length >= 3 ? { values } : {};
}

/** `x` moved by about `pixels` on an axis over `domain`. */
function shift(x: number, pixels: number, domain: [number, number], log: boolean): number {
  if (pixels === 0) return x;
  const fraction = pixels / PLOT_WIDTH;
  return log ? x * (domain[1] / domain[0]) ** fraction : x + (domain[1] - domain[0]) * fraction;
}

/**
 * Advance widths, in ems, of DejaVu Sans, the widest of the common sans-serif
 * fonts, which Linux desktops give for `sans-serif` (Arial and Helvetica are
 * narrower, so text laid out for it fits them too). Anything not listed
 * counts as a wide letter.
 */
const EM: Record<string, number> = {
  ...Object.fromEntries([..."0123456789"].map((c) => [c, 0.636])),
  ...Object.fromEntries([..."abdgnpqu"].map((c) => [c, 0.635])),
  c: 0.55, e: 0.615, f: 0.352, h: 0.634, i: 0.278, j: 0.278, k: 0.579, l: 0.278, m: 0.974, o: 0.612, r: 0.411, s: 0.521, t: 0.392, v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
  A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295, J: 0.295, K: 0.656, L: 0.557, M: 0.863, N: 0.748, O: 0.787, P: 0.603, Q: 0.787,
  R: 0.695, S: 0.635, T: 0.611, U: 0.732, V: 0.684, W: 0.989, X: 0.685, Y: 0.611, Z: 0.685,
  " ": 0.318, ".": 0.318, ",": 0.318, ":": 0.337, ";": 0.337, "!": 0.401, "?": 0.531, "'": 0.275, '"': 0.46, "(": 0.39, ")": 0.39, "[": 0.39, "]": 0.39,
  "/": 0.337, "\\": 0.337, "-": 0.361, "_": 0.5, "%": 0.95, "&": 0.78, "#": 0.838, "*": 0.5, "+": 0.838, "=": 0.838, "<": 0.838, ">": 0.838, "|": 0.337,
  "−": 0.838, "–": 0.5, "—": 1, "×": 0.838, "÷": 0.838, "≤": 0.838, "≥": 0.838, "…": 1, "µ": 0.636, "·": 0.318, "\u00a0": 0.318, "\u202f": 0.318,
};
const WIDE_LETTER = 0.7;
/** DejaVu Sans Bold against the regular face. */
const BOLD = 1.12;

function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const c of text) ems += EM[c] ?? WIDE_LETTER;
  return ems * fontSize * (bold ? BOLD : 1);
}

/** `text` in lines no wider than `width`, broken between words; one line as a string, more as an array (Vega's multi-line text). */
function wrap(text: string, fontSize: number, width: number, bold = false): string | string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize, bold) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length === 1 ? lines[0]! : lines;
}

/** Vega's text measure, replaced during a render; not in vega's typings. */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: { fontSize?: number; fontWeight?: string | number }, text: string) => number } }).textMetrics;

/** The render under way: renders run one at a time, as each sets process-wide state of Vega's (its text measure, its id counters). */
let rendering: Promise<unknown> = Promise.resolve();

/**
 * The SVG of a Vega-Lite spec. What Vega-Lite or Vega would warn of (a
 * property dropped, a value its scale cannot show) is an error here: a chart
 * that silently shows less than its data is worse than none.
 */
function render(what: string, spec: TopLevelSpec): Promise<string> {
  const svg = rendering.then(() => renderAlone(what, spec));
  rendering = svg.catch(() => undefined);
  return svg;
}

async function renderAlone(what: string, spec: TopLevelSpec): Promise<string> {
  const warnings: string[] = [];
  const note = (...args: readonly unknown[]) => (warnings.push(args.map(String).join(" ")), logger);
  const logger = {
    level: (level?: number) => (level === undefined ? vega.Warn : logger),
    error: note,
    warn: note,
    info: () => logger,
    debug: () => logger,
  } as unknown as vega.LoggerInterface;
  const { spec: vegaSpec } = compile(spec, { logger });
  const view = new vega.View(vega.parse(vegaSpec), { renderer: "none", logger, logLevel: vega.Warn });
  // Vega measures text with a canvas where the `canvas` package is installed, by the machine's fonts; else it
  // reckons 0.8 em a character, too wide for the legend's spacing. The table above gives the same layout everywhere.
  const measure = textMetrics.width;
  textMetrics.width = (item, text) => textWidth(String(text ?? ""), item.fontSize ?? 11, item.fontWeight === "bold" || Number(item.fontWeight) >= 600);
  try {
    // Clip paths and gradients are numbered by a counter shared by every render in the process: reset, so that a chart's bytes depend on its data only.
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    if (warnings.length > 0) throw new Error(`${what}: ${warnings.join("; ")}`);
    return svg;
  } finally {
    textMetrics.width = measure;
    view.finalize();
  }
}
