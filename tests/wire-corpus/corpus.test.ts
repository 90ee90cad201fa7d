/**
 * The wire corpus (issue 16): stories written in the conventions of twenty-odd
 * agencies, compiled by the build's own compiler on a fixed day, served by the
 * Worker, and read back as a reader would — RSS, Atom and JSON Feed items and
 * the article page — against what a wire editor expects of each
 * (expected.json). Kill notices must fail the build.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { compileSeeds, type SeedFile } from "../../src/content/compile";
import { formatProblem } from "../../src/content/problems";
import { parseHtml, parseXml } from "../support/documents";
import { workerFor } from "../support/worker";
import expectations from "./expected.json";
import { atomEntries, jsonItems, page, rssItems, type AtomEntry, type Expected, type JsonItem, type KillExpected, type Page, type RssItem } from "./observe";

const DIR = "tests/wire-corpus";
const STORIES = import.meta.glob<string>("./stories/*.txt", { query: "?raw", import: "default", eager: true });
const KILLS = import.meta.glob<string>("./kills/*.txt", { query: "?raw", import: "default", eager: true });
const EXPECTED = expectations.stories as Record<string, Expected>;
const EXPECTED_KILLS = expectations.kills as Record<string, KillExpected>;
/** The build's today: every story is new, so the publication record gives each this day, and undated datelines take it. */
const TODAY = expectations.today;
/** The build's clock that day: fresh copy is published the instant it is recorded (issue 17), so the corpus is recorded at a known one. */
const NOW = Date.parse(`${TODAY}T06:00:00Z`);
const SITE_URL = "https://wire.example.org";
/**
 * A site language none of the stories is written in: a story whose language
 * was not detected cannot pass by falling back to the site's.
 */
const SITE_LANGUAGE = "eo";

const files = (glob: Record<string, string>, folder: string): SeedFile[] =>
  Object.entries(glob).map(([path, text]) => ({ file: `${DIR}/${folder}/${path.split("/").pop()}`, text }));
const idOf = (file: string) => file.split("/").pop()!.replace(/\.txt$/, "");

/**
 * The corpus as one build compiles it. A build with problems publishes
 * nothing, so while some stories fail, the rest are compiled again without
 * them: each story's case then says what is wrong with it alone.
 */
function compileCorpus() {
  const seeds = files(STORIES, "stories");
  const first = compileSeeds([{ dir: `${DIR}/stories`, seeds }], { today: TODAY, now: NOW });
  const problems = new Map<string, string[]>();
  for (const problem of first.problems) problems.set(idOf(problem.file), [...(problems.get(idOf(problem.file)) ?? []), formatProblem(problem)]);
  if (first.problems.length === 0) return { articles: first.articles, problems };
  const good = seeds.filter((seed) => !problems.has(idOf(seed.file)));
  const second = compileSeeds([{ dir: `${DIR}/stories`, seeds: good }], { today: TODAY, now: NOW });
  for (const problem of second.problems) problems.set(idOf(problem.file), [...(problems.get(idOf(problem.file)) ?? []), formatProblem(problem)]);
  return { articles: second.problems.length === 0 ? second.articles : [], problems };
}

/**
 * A version that tells a reader nothing (a refile resends the same story), so
 * a site need not show it. Any other label is shown above the headline, in the
 * words the site chooses (`FLASH` may read `Breaking`, `2nd LD` `Update 2`):
 * the page is checked to show labels exactly when the story has some to show.
 */
const QUIET_LABEL = /^refile\b/i;
/** Lower case, one space: labels are shown as a news site styles them, not necessarily in the agency's capitals. */
const loose = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
const slugOf = (s: string) => loose(s).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
/**
 * A day-only story is published at noon UTC plus its slot (back-filled) or the instant it was recorded (fresh):
 * read as its day where a day is expected; any other instant as itself.
 */
const day = (instant: string | undefined, want: string) => (instant !== undefined && want.length === 10 ? instant.slice(0, 10) : instant);
/** The primary subtag; Norwegian Bokmål (`nb`) is Norwegian (`no`), the macrolanguage the corpus names. */
const primary = (tag: string | undefined) => {
  const subtag = tag?.split("-")[0]?.toLowerCase();
  return subtag === "nb" ? "no" : subtag;
};
const agencies = (want: Expected) => (Array.isArray(want.agency) ? want.agency : [want.agency]);

/** What of a body the corpus checks: how its first paragraph starts and its last ends, and what should not be in it at all. */
function bodyView(body: string[], want: Expected) {
  const text = body.join("\n");
  return {
    start: (body[0] ?? "").slice(0, want.bodyStart.length),
    end: (body.at(-1) ?? "").slice(-want.bodyEnd.length),
    foreign: (want.absent ?? []).filter((s) => text.includes(s)),
  };
}

/** Authors as credited, the agency standing for nobody when the copy names no reporter. */
function people(authors: string[], want: Expected): string[] {
  return want.authors.length === 0 && authors.length === 1 && agencies(want).some((a) => loose(a) === loose(authors[0]!)) ? [] : authors;
}

/**
 * A credit as observed, its role read as the expected one when they are the same word
 * (`compiled` and `compiling`, `assistance` and `assisting`: the same first six letters)
 * or one says the other (`additional reporting` for `reporting`): roles are kept as the
 * copy words them, and the corpus does not fix one wording.
 */
function credited({ name, role }: { name: string; role: string }, want: Expected) {
  const expected = want.contributors.find((c) => c.name === name);
  const [a, b] = [loose(role), loose(expected?.role ?? "")];
  const same = expected !== undefined && (a.includes(b) || b.includes(a) || (a.length >= 6 && a.slice(0, 6) === b.slice(0, 6)));
  return { name, role: same ? loose(expected.role) : loose(role) };
}

interface Documents {
  rss: Map<string, RssItem>;
  atom: Map<string, AtomEntry>;
  json: Map<string, JsonItem>;
  pages: Map<string, Page>;
}

const { articles, problems } = compileCorpus();
const byId = new Map<string, Article>(articles.map((a) => [a.id, a]));
const docs: Documents = { rss: new Map(), atom: new Map(), json: new Map(), pages: new Map() };

beforeAll(async () => {
  if (articles.length === 0) return;
  const fetchSite = workerFor(articles, { SITE_URL, SITE_LANGUAGE, FEED_ITEMS: String(articles.length) });
  const get = async (path: string) => {
    const response = await fetchSite(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response.text();
  };
  docs.rss = rssItems(parseXml(await get("/feed.xml")));
  docs.atom = atomEntries(parseXml(await get("/atom.xml")));
  docs.json = jsonItems(JSON.parse(await get("/feed.json")));
  for (const article of articles) docs.pages.set(article.id, page(parseHtml(await get(`/articles/${article.slug}`))));
});

describe("wire corpus: each story as readers of the feeds and the page see it", () => {
  it("holds every story it expects, and expects every story it holds", () => {
    expect(Object.keys(STORIES).map(idOf).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED).sort())("%s", (id) => {
    const want = EXPECTED[id]!;
    expect(problems.get(id) ?? [], "the build's problems with this story").toEqual([]);
    const article = byId.get(id);
    expect(article, "compiled (another story's problem stopped the build)").toBeDefined();
    const url = `${SITE_URL}/articles/${article!.slug}`;
    const rss = docs.rss.get(url);
    const atom = docs.atom.get(url);
    const json = docs.json.get(url);
    const html = docs.pages.get(id);
    expect({ rss: !!rss, atom: !!atom, json: !!json, page: !!html }, `items linking to ${url}`).toEqual({ rss: true, atom: true, json: true, page: true });
    const labels = Object.values(want.labels ?? {});

    const seen = {
      title: { rss: rss!.title, atom: atom!.title, json: json!.title, page: html!.title },
      published: { rss: day(rss!.published, want.published), atom: day(atom!.published, want.published), json: day(json!.published, want.published), page: day(html!.published, want.published) },
      place: html!.before.join(", ") || null,
      agency: agencies(want).find((a) => html!.after.some((part) => loose(part) === loose(a))) ?? html!.after.join(" · "),
      authors: {
        rss: people(rss!.authors, want),
        atom: people(atom!.authors, want),
        json: people(json!.authors, want),
        page: want.authors.filter((name) => html!.bylines.includes(name)),
      },
      contributors: {
        model: (article!.contributors ?? []).map((credit) => credited(credit, want)),
        atom: atom!.contributors,
        page: want.contributors.map((c) => c.name).filter((name) => html!.contributors.includes(name)),
      },
      language: { atom: primary(atom!.language), json: primary(json!.language), page: primary(html!.language) },
      labels: {
        model: Object.fromEntries(Object.entries(article!.labels ?? {}).map(([key, value]) => [key, loose(value)])),
        shown: html!.kicker !== "",
        inTitle: labels.filter((label) => ` ${slugOf(html!.title).replace(/-/g, " ")} `.includes(` ${slugOf(label).replace(/-/g, " ")} `)),
        inUrl: labels.filter((label) => `-${article!.slug}-`.includes(`-${slugOf(label)}-`)),
      },
      note: want.note === undefined ? undefined : { model: article!.note, onPage: html!.text.includes(want.note) },
      summary: want.summary === undefined ? undefined : rss!.description.includes(want.summary),
      body: { rss: bodyView(rss!.body, want), atom: bodyView(atom!.body, want), json: bodyView(json!.body, want), page: bodyView(html!.body, want) },
    };
    const body = { start: want.bodyStart, end: want.bodyEnd, foreign: [] };
    const expected = {
      title: { rss: want.title, atom: want.title, json: want.title, page: want.title },
      published: { rss: want.published, atom: want.published, json: want.published, page: want.published },
      place: want.place,
      agency: agencies(want).find((a) => html!.after.some((part) => loose(part) === loose(a))) ?? agencies(want)[0],
      authors: { rss: want.authors, atom: want.authors, json: want.authors, page: want.authors },
      contributors: {
        model: want.contributors.map(({ name, role }) => ({ name, role: loose(role) })),
        atom: want.contributors.map((c) => c.name),
        page: want.contributors.map((c) => c.name),
      },
      language: { atom: want.language, json: want.language, page: want.language },
      labels: {
        model: Object.fromEntries(Object.entries(want.labels ?? {}).map(([key, value]) => [key, loose(value)])),
        shown: labels.some((label) => !QUIET_LABEL.test(label)),
        inTitle: [],
        inUrl: [],
      },
      note: want.note === undefined ? undefined : { model: want.note, onPage: true },
      summary: want.summary === undefined ? undefined : true,
      body: { rss: body, atom: body, json: body, page: body },
    };
    expect(seen).toEqual(expected);
    // One story, one instant, whatever the format.
    expect(new Set([rss!.published, atom!.published, json!.published, html!.published]).size, "the same instant in every format").toBe(1);
  });
});

describe("wire corpus: kill notices never publish", () => {
  it("expects every notice it holds", () => {
    expect(Object.keys(KILLS).map(idOf).sort()).toEqual(Object.keys(EXPECTED_KILLS).sort());
  });

  it.each(Object.keys(EXPECTED_KILLS).sort())("%s is refused, naming its line", (id) => {
    const want = EXPECTED_KILLS[id]!;
    const seed = files(KILLS, "kills").find((s) => idOf(s.file) === id)!;
    const compiled = compileSeeds([{ dir: `${DIR}/kills`, seeds: [seed] }], { today: TODAY, now: NOW });
    expect(compiled.articles.map((a) => a.title), "published").toEqual([]);
    const messages = compiled.problems.map(formatProblem);
    const at = `${seed.file}:${want.line}: `;
    const message = messages.find((m) => m.startsWith(at));
    expect(message, `a problem at ${at} among:\n${messages.join("\n")}`).toBeDefined();
    expect(want.phrases.filter((p) => !message!.toLowerCase().includes(p.toLowerCase())), message).toEqual([]);
  });
});
