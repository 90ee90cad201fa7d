import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Document, Element } from "@xmldom/xmldom";
import { afterAll, describe, expect, it } from "vitest";
import { groupedBarChart, lineChart, writeChart, type GroupedBarChartOptions, type LineChartOptions } from "../../bench/charts";
import { parseXml } from "../support/documents";

const SVG = "http://www.w3.org/2000/svg";

const SIZES = [100, 1_000, 10_000, 100_000];
const LINE: LineChartOptions = {
  title: "Build time against corpus size",
  xTitle: "articles",
  yTitle: "build time",
  yUnit: "ms",
  xLog: true,
  series: [
    { name: "wirefeed", points: SIZES.map((x, i) => ({ x, y: 100 * (i + 1), low: 90 * (i + 1), high: 120 * (i + 1) })) },
    { name: "bare Worker", points: SIZES.slice(0, 3).map((x, i) => ({ x, y: 50 * (i + 1) })) },
  ],
};
const BARS: GroupedBarChartOptions = {
  title: "10,000 articles at 80 % of the floor's maximum rate",
  yTitle: "latency (ms)",
  groups: ["p50", "p90", "p99", "p99.9"],
  series: [
    { name: "wirefeed", values: [2.5, 9.75, 457, 1234.5] },
    { name: "bare Worker", values: [1.9, 8.2, 136, 201] },
  ],
};

/** The elements of the Vega mark or guide groups that carry all the classes given, e.g. `mark-symbol role-mark`. */
function items(doc: Document | Element, ...classes: string[]): Element[] {
  const groups = Array.from(doc.getElementsByTagNameNS(SVG, "g")).filter((g) => {
    const names = (g.getAttribute("class") ?? "").split(" ");
    return classes.every((c) => names.includes(c));
  });
  return groups.flatMap((g) => Array.from(g.childNodes).filter((node): node is Element => node.nodeType === 1));
}

function texts(doc: Document | Element, ...classes: string[]): string[] {
  return items(doc, ...classes).map((element) => element.textContent ?? "");
}

/** The labels of the axis titled `title`. */
function axisLabels(doc: Document, title: string): string[] {
  const axes = Array.from(doc.getElementsByTagNameNS(SVG, "g")).filter((g) => (g.getAttribute("class") ?? "").split(" ").includes("role-axis"));
  const axis = axes.filter((g) => texts(g, "mark-text", "role-axis-title").includes(title));
  expect(axis).toHaveLength(1);
  return texts(axis[0]!, "mark-text", "role-axis-label");
}

function wellFormedSvg(svg: string): Document {
  const doc = parseXml(svg);
  const root = doc.documentElement!;
  expect(root.localName).toBe("svg");
  expect(root.namespaceURI).toBe(SVG);
  expect(Number(root.getAttribute("width"))).toBe(640);
  // A white background, drawn first, for GitHub's dark theme.
  const first = Array.from(root.childNodes).find((node): node is Element => node.nodeType === 1)!;
  expect(first.localName).toBe("rect");
  expect(first.getAttribute("fill")).toBe("white");
  expect(Number(first.getAttribute("width"))).toBe(640);
  return doc;
}

describe("bench/charts.ts", () => {
  const dir = mkdtempSync(join(tmpdir(), "wirefeed-charts-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("draws a line chart: a line and a point per data point for each series, error bars where given, a legend and titled axes", async () => {
    const doc = wellFormedSvg(await lineChart(LINE));
    expect(texts(doc, "role-title-text")).toEqual([LINE.title]);
    expect(texts(doc, "mark-text", "role-legend-label")).toEqual(["wirefeed", "bare Worker"]);
    expect(texts(doc, "mark-text", "role-axis-title").sort()).toEqual(["articles", "build time (ms)"]);
    // The log x axis is ticked at the corpus sizes only, with thousands separators.
    expect(axisLabels(doc, "articles")).toEqual(["100", "1,000", "10,000", "100,000"]);
    expect(items(doc, "mark-symbol", "role-mark")).toHaveLength(4 + 3);
    expect(items(doc, "mark-line", "role-mark")).toHaveLength(2);
    // One rule from low to high per point that has its spread: wirefeed's.
    expect(items(doc, "mark-rule", "role-mark")).toHaveLength(4);
  });

  it("draws grouped bars: a bar per series in each group, labelled with its value, a legend and the groups' names", async () => {
    const doc = wellFormedSvg(await groupedBarChart(BARS));
    expect(texts(doc, "mark-text", "role-legend-label")).toEqual(["wirefeed", "bare Worker"]);
    expect(texts(doc, "mark-text", "role-axis-title")).toEqual(["latency (ms)"]);
    expect(axisLabels(doc, "latency (ms)")).toContain("400");
    expect(texts(doc, "mark-text", "role-axis-label")).toEqual(expect.arrayContaining(BARS.groups));
    expect(items(doc, "mark-rect", "role-mark")).toHaveLength(8);
    expect(texts(doc, "mark-text", "role-mark").sort()).toEqual(["1,230", "1.9", "136", "2.5", "201", "457", "8.2", "9.75"].sort());
  });

  it("draws bars on a log axis from the power of ten below the smallest value", async () => {
    const doc = wellFormedSvg(await groupedBarChart({ ...BARS, yLog: true }));
    expect(items(doc, "mark-rect", "role-mark")).toHaveLength(8);
    expect(axisLabels(doc, "latency (ms)")).toEqual(["1", "2", "5", "10", "20", "50", "100", "200", "500", "1,000"]);
  });

  it("gives the same bytes for the same data, whatever was drawn before in the process", async () => {
    const line = await lineChart(LINE);
    const bars = await groupedBarChart(BARS);
    await lineChart({ ...LINE, yLog: true, title: "Another" });
    expect(await groupedBarChart(BARS)).toBe(bars);
    expect(await lineChart(LINE)).toBe(line);
    // Drawn at once, as a caller's Promise.all would.
    expect(await Promise.all([lineChart(LINE), groupedBarChart(BARS), lineChart(LINE)])).toEqual([line, bars, line]);
  });

  it("wraps a long title, and puts many long series names on several legend rows, keeping the chart 640 px wide", async () => {
    const names = ["wirefeed, built with the publisher's defaults", "the bare Worker (floor)", "feed 6.0.0, the reference renderer", "a fourth series"];
    const svg = await lineChart({
      ...LINE,
      title: "The first request to a fresh isolate, wirefeed less the bare Worker, against the number of articles in the corpus",
      series: names.map((name, s) => ({ name, points: SIZES.map((x) => ({ x, y: s + 1 })) })),
    });
    const doc = wellFormedSvg(svg);
    expect(items(doc, "role-title-text")[0]!.getElementsByTagNameNS(SVG, "tspan").length).toBeGreaterThan(1);
    expect(texts(doc, "mark-text", "role-legend-label")).toEqual(names);
    expect(items(doc, "mark-symbol", "role-mark")).toHaveLength(16);
  });

  it("refuses data it cannot draw truthfully", async () => {
    await expect(groupedBarChart({ ...BARS, series: [{ name: "wirefeed", values: [1, 2] }] })).rejects.toThrow("wirefeed has 2 values for 4 groups");
    await expect(groupedBarChart({ ...BARS, yLog: true, series: [{ name: "wirefeed", values: [0, 1, 2, 3] }] })).rejects.toThrow("log axis");
    await expect(lineChart({ ...LINE, yLog: true, series: [{ name: "a", points: [{ x: 100, y: 0 }] }] })).rejects.toThrow("y ≤ 0 on a log axis");
    await expect(lineChart({ ...LINE, series: [{ name: "a", points: [{ x: 100, y: Number.NaN }] }] })).rejects.toThrow("not finite");
    await expect(lineChart({ ...LINE, series: [{ name: "a", points: [{ x: 100, y: 5, low: 6, high: 7 }] }] })).rejects.toThrow("outside its spread");
    await expect(lineChart({ ...LINE, series: [LINE.series[0]!, LINE.series[0]!] })).rejects.toThrow("named twice");
  });

  it("writeChart makes the folder and writes the SVG", async () => {
    const svg = await groupedBarChart(BARS);
    const file = join(dir, "charts", "nested", "latency.svg");
    writeChart(file, svg);
    expect(readFileSync(file, "utf8")).toBe(svg);
  });
});
