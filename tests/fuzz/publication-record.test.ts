/**
 * Generated publication records: histories of stories added and removed over
 * days, the record saved in any line ending with or without a byte order
 * mark, damaged by hand (a line commented out, edited or removed), and two
 * generated histories merged as git's union merge leaves them. Whatever is
 * done, nothing published moves: the build gives every story the URL and
 * instant it had, or fails naming the line.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { compile, seedText } from "../support/seeds";

const HEADLINES = ["Talks end", "Rates held", "Storm hits coast", "Markets rally", "Ferry strike ends"];
const LEDES = ["Diplomats met.", "The bank held rates.", "A storm hit.", "Stocks rose.", "Unions agreed."];
const MONTH = ["Nov", "Dec"];

/** One story: headline and lede drawn from small pools (so URLs collide), a dateline a few days back from its day. */
const storyText = (headline: number, lede: number, date: string, embargo?: string) =>
  seedText({ ...(embargo ? { frontMatter: [`embargo: ${embargo}`] } : {}), headline: HEADLINES[headline]!, body: [`Geneva, ${date} (EFE).- ${LEDES[lede]!}`, "More."] });

/** A day of the generated calendar: 2026-11-20 plus `n` days. */
const dayOf = (n: number) => new Date(Date.UTC(2026, 10, 20 + n)).toISOString().slice(0, 10);
const datelineOf = (day: string, back: number) => {
  const date = new Date(Date.parse(`${day}T00:00:00Z`) - back * 86_400_000);
  return `${MONTH[date.getUTCMonth() - 10]!} ${date.getUTCDate()}`;
};

interface Step {
  /** Days after the previous step. */
  gap: number;
  add: Array<{ headline: number; lede: number; back: number; held: boolean }>;
  /** Indices into the seeds present, to remove. */
  remove: number[];
  /** Indices into the seeds present, to edit in place: a new version (issue 17), a `version` line. */
  edit: number[];
}
const step = fc.record({
  gap: fc.integer({ min: 0, max: 2 }),
  // One story in four held by an embargo two days ahead (issue 17): an embargo line in the record.
  add: fc.array(fc.record({ headline: fc.nat(HEADLINES.length - 1), lede: fc.nat(LEDES.length - 1), back: fc.nat(2), held: fc.nat(3).map((n) => n === 0) }), { minLength: 1, maxLength: 3 }),
  remove: fc.array(fc.nat(20), { maxLength: 1 }),
  edit: fc.array(fc.nat(20), { maxLength: 1 }),
});

type Seeds = Record<string, string>;
const snapshot = (articles: Article[]) => new Map(articles.map((a) => [a.id, `${a.slug} ${a.published}`]));

/** Replay `steps` from `seeds` and `record`, naming new files `<prefix><n>.txt`; checks that nothing published moves. */
function replay(steps: Step[], prefix: string, start: { seeds: Seeds; record?: string; day: number; ever: Map<string, string> }) {
  let { seeds, record, day } = start;
  const ever = new Map(start.ever);
  steps.forEach(({ gap, add, remove, edit }, i) => {
    day += gap;
    const today = dayOf(day);
    seeds = { ...seeds };
    const names = Object.keys(seeds).sort();
    for (const index of remove) if (names.length > 0) delete seeds[names[index % names.length]!];
    // An edit in place keeps the headline and lede (the same story) and changes the copy after them.
    for (const index of edit) {
      const name = Object.keys(seeds).sort()[index % Math.max(1, Object.keys(seeds).length)];
      if (name !== undefined) seeds[name] = seeds[name]!.replace(/\nMore[^\n]*\n$/, `\nMore, as of ${today}.\n`);
    }
    // Embargo instants of their own: an hour per history, a minute per story.
    const hour = 6 + ["s", "base", "a", "b"].indexOf(prefix);
    const embargo = (k: number) => `${dayOf(day + 2)}T${String(hour).padStart(2, "0")}:${String(i * 3 + k).padStart(2, "0")}:00Z`;
    add.forEach(({ headline, lede, back, held }, k) => (seeds[`${prefix}${i}-${k}.txt`] = storyText(headline, lede, datelineOf(today, back), held ? embargo(k) : undefined)));
    const result = compile(seeds, today, record);
    expect(result.problems).toEqual([]);
    for (const [id, now] of snapshot(result.articles)) {
      if (ever.has(id)) expect(now, id).toBe(ever.get(id));
      else ever.set(id, now);
    }
    record = result.record;
  });
  return { seeds, record: record!, day, ever };
}

const EVENT = /^(published|moved|checked|version|embargo|withdrawn|republished|setting)\t/;

describe("generated publication records", () => {
  it("a generated history publishes nothing twice and moves nothing, in any line ending, with or without a BOM", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 5 }), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean(), (steps, eol, bom) => {
        const { seeds, record, day, ever } = replay(steps, "s", { seeds: {}, day: 0, ever: new Map() });
        const saved = (bom ? "\uFEFF" : "") + record.replace(/\n/g, eol);
        const again = compile(seeds, dayOf(day + 1), saved);
        expect(again.problems).toEqual([]);
        expect(again.record).toBe(saved);
        for (const [id, now] of snapshot(again.articles)) expect(now).toBe(ever.get(id));
        const slugs = again.articles.map((a) => a.slug);
        expect(new Set(slugs).size).toBe(slugs.length);
        // Every URL any line recorded stays taken: a story asking for one is refused.
        for (const line of record.split("\n").filter((text) => /^(published|moved)\t/.test(text))) {
          const slug = line.split("\t")[5]!;
          const taker = compile({ ...seeds, "taker.txt": seedText({ frontMatter: [`slug: ${slug}`], headline: "Taker" }) }, dayOf(day + 1), record);
          expect(taker.problems.some((problem) => problem.startsWith(`seeds/taker.txt:2: slug "${slug}"`))).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("a line commented out, edited or removed stops the build, naming that line (or, removed, the line numbered after it)", () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 2, maxLength: 4 }),
        fc.nat(),
        fc.constantFrom("comment", "edit", "remove"),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 3 }),
        (steps, pick, damage, at, text) => {
          const { seeds, record, day } = replay(steps, "s", { seeds: {}, day: 0, ever: new Map() });
          const lines = record.split("\n");
          const events = lines.map((line, i) => ({ line, i })).filter(({ line }) => EVENT.test(line));
          const numbers = events.map(({ line }) => Number(line.split("\t")[1]));
          const highest = Math.max(...numbers);
          // Removing the highest-numbered line leaves no gap; a frozen deploy catches its story instead (README).
          const candidates = damage === "remove" ? events.filter(({ line }) => Number(line.split("\t")[1]) < highest) : events;
          fc.pre(candidates.length > 0);
          const { line, i } = candidates[pick % candidates.length]!;
          const damaged = [...lines];
          let named: number;
          if (damage === "comment") {
            damaged[i] = `#${line}`;
            named = i + 1;
          } else if (damage === "edit") {
            const cut = at % line.length;
            const edited = line.slice(0, cut) + text + line.slice(cut + 1);
            fc.pre(edited !== line);
            damaged[i] = edited;
            named = i + 1;
          } else {
            damaged.splice(i, 1);
            const n = Number(line.split("\t")[1]);
            const next = Math.min(...numbers.filter((m) => m > n));
            named = damaged.findIndex((text) => EVENT.test(text) && Number(text.split("\t")[1]) === next) + 1;
          }
          const result = compile(seeds, dayOf(day + 1), damaged.join("\n"));
          expect(result.articles).toEqual([]);
          expect(result.problems.some((problem) => problem.startsWith(`seeds/published.tsv:${named}: `)), `${damage} line ${i + 1}: ${result.problems.join("\n")}`).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("two generated histories merged by union: one URL and one instant per story, the same in any line order, repaired once", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 2 }), fc.array(step, { minLength: 1, maxLength: 3 }), fc.array(step, { minLength: 1, maxLength: 3 }), fc.nat(), (base, left, right, seed) => {
        const start = replay(base, "base", { seeds: {}, day: 0, ever: new Map() });
        const a = replay(left, "a", start);
        const b = replay(right, "b", start);
        const head = a.record.slice(0, a.record.indexOf("wirefeed-record\t2\n") + "wirefeed-record\t2\n".length);
        const union = [...new Set([...a.record.split("\n"), ...b.record.split("\n")].filter((line) => EVENT.test(line)))];
        // Any order a merge could leave them in: a's then b's, b's then a's, or shuffled.
        const shuffled = [...union].sort((x, y) => ((checksumOf(x) ^ seed) >>> 0) - ((checksumOf(y) ^ seed) >>> 0));
        const seeds = { ...a.seeds, ...b.seeds };
        // Stories the base had that one side removed: the union has the other side's copy, as git would keep it.
        const day = dayOf(Math.max(a.day, b.day) + 1);
        const results = [union, [...union].reverse(), shuffled].map((lines) => compile(seeds, day, `${head}${lines.join("\n")}\n`));
        for (const result of results) {
          expect(result.problems).toEqual([]);
          expect(snapshot(result.articles)).toEqual(snapshot(results[0]!.articles));
        }
        const articles = results[0]!.articles;
        expect(new Set(articles.map((x) => x.slug)).size).toBe(articles.length);
        expect(new Set(articles.map((x) => x.published)).size).toBe(articles.length);
        // A story of one side keeps the URL and the instant that side published, unless another story had it too.
        const merged = snapshot(articles);
        const claims = [...a.ever, ...b.ever];
        for (const [id, was] of claims) {
          if (!merged.has(id) || start.ever.has(id)) continue;
          const [slug, instant] = was.split(" ");
          const [nowSlug, nowInstant] = merged.get(id)!.split(" ");
          const shared = (k: number, value: string) => claims.some(([other, text]) => other !== id && text.split(" ")[k] === value);
          if (!shared(0, slug!)) expect(nowSlug, id).toBe(slug);
          if (!shared(1, instant!)) expect(nowInstant, id).toBe(instant);
        }
        // Repaired once: the next build reads its own record as it is.
        expect(compile(seeds, day, results[0]!.record).record).toBe(results[0]!.record);
      }),
      { numRuns: 25 },
    );
  });
});

function checksumOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
