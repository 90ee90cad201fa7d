/**
 * A desk's day (issue 17), replayed in a scratch git repository as
 * publishing-history.test.ts replays a year: each step done as the README
 * says (add or edit the file, `npm run build`, commit what it wrote), the
 * build's clock injected (WIREFEED_NOW) so each step happens at its minute.
 * An original, an UPDATE 1 by `replaces:`, a correction in place before noon,
 * a refile, a kill notice, a deletion, the file re-added (still withdrawn)
 * and an explicit republish, an embargoed story whose embargo moves, and one
 * whose licence expires. After each step: one article per story, its id, URL
 * and `published` unchanged, `updated` right, and the withdrawn list; and the
 * documents, read through the Worker (src/http/app.ts over the pack the build
 * wrote) with its clock at that step's instant.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticles } from "../../scripts/articles-file";
import { readSeedFolders } from "../../scripts/seed-folders";
import type { Article, Withdrawal } from "../../src/content/article";
import { openCorpus } from "../../src/content/article-pack";
import { compileSeeds } from "../../src/content/compile";
import { createApp } from "../../src/http/app";
import { seedText } from "../support/seeds";
import { TEST_VARS } from "../support/test-vars";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const BUILD = join(ROOT, "scripts/build.ts");
const IDENTITY = { GIT_AUTHOR_NAME: "Desk", GIT_AUTHOR_EMAIL: "desk@example.com", GIT_COMMITTER_NAME: "Desk", GIT_COMMITTER_EMAIL: "desk@example.com" };
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...IDENTITY } });

function build(cwd: string, now: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [TSX, BUILD, "--seeds", "seeds", "--out", "out/articles.ts", "--quiet", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, WIREFEED_SEEDS: "", WIREFEED_TODAY: "", WIREFEED_FROZEN: "", WIREFEED_DEV: "", WRANGLER_COMMAND: "", WIREFEED_NOW: now },
  });
  return { status: run.status, stderr: run.stderr };
}

interface Step {
  at: string;
  /** The Worker over this step's build, its clock at `clock` (ms). */
  worker: (path: string, clock?: number, headers?: HeadersInit) => Promise<Response>;
  articles: Map<string, Article>;
  withdrawn: Withdrawal[];
  record: string;
  stderr: string;
}

let scratch: string;
let repo: string;
const steps = new Map<string, Step>();

/** Build at `now` (must succeed), commit, and keep what was published, as the build wrote it and as a compilation says it. */
function publish(label: string, now: string, ...args: string[]): Step {
  const run = build(repo, now, ...args);
  if (run.status !== 0) throw new Error(`build "${label}" failed:\n${run.stderr}`);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--allow-empty", "-m", label);
  const read = readSeedFolders([join(repo, "seeds")], repo);
  // What the Worker is handed besides the articles; compiled again from what was committed, it changes nothing.
  const compiled = compileSeeds(read.folders, { today: now.slice(0, 10), now: Date.parse(now) });
  expect(compiled.problems).toEqual([]);
  expect(compiled.records[0]!.text, `${label}: the record as committed`).toBe(read.folders[0]!.record);
  // A copy: the pack's word columns want a buffer of their own, not a slice of Node's pool.
  const pack = new Uint8Array(readFileSync(join(repo, "out/articles.bin")));
  const worker = async (path: string, clock = Date.parse(now), headers?: HeadersInit) =>
    await createApp(openCorpus(pack), null, { clock: () => clock }).fetch(new Request(`${TEST_VARS.SITE_URL}${path}`, headers ? { headers } : {}), { ...TEST_VARS }, undefined as never);
  const step = { at: now, worker, articles: new Map(readArticles(join(repo, "out/articles.ts")).map((a) => [a.id, JSON.parse(JSON.stringify(a)) as Article])), withdrawn: compiled.withdrawn, record: readFileSync(join(repo, "seeds/published.tsv"), "utf8"), stderr: run.stderr };
  steps.set(label, step);
  return step;
}

const write = (name: string, text: string) => writeFileSync(join(repo, "seeds", name), text);
const talks = (headline: string, lede: string, extra: string[] = [], frontMatter?: string[]) =>
  seedText({ ...(frontMatter ? { frontMatter } : {}), section: "Europe", headline, body: [...extra, `BRUSSELS, Dec 5 (Reuters) - ${lede}`, "Talks resume on Monday, officials said."] });

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "wirefeed-life-"));
  repo = join(scratch, "desk");
  mkdirSync(join(repo, "seeds"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  writeFileSync(join(repo, ".gitignore"), "out/\n");
  writeFileSync(join(repo, ".gitattributes"), "published.tsv merge=union\n");

  // 08:00 Saturday 5 December: the morning's copy.
  write("talks.txt", talks("EU ministers open budget talks", "European Union finance ministers opened talks on the bloc's budget."));
  write("storm.txt", seedText({ section: "Weather", headline: "Storm closes Channel ports", body: ["CALAIS, Dec 5 (Reuters) - A storm closed ports on both sides of the Channel.", "Ferries were held."] }));
  write("ferry.txt", seedText({ section: "Transport", headline: "Ferry strike ends", body: ["DOVER, Dec 5 (Reuters) - The ferry strike ended.", "Services resume."] }));
  write("study.txt", seedText({ section: "Health", headline: "Daily walk cuts heart risk", body: ["EMBARGOED UNTIL 2330 GMT DEC 5", "LONDON, Dec 5 (Reuters) - Older adults who walked daily had a lower risk of heart attack.", "The study followed 40,000 people."] }));
  write("licensed.txt", seedText({ frontMatter: ["expires: 2026-12-12T00:00:00Z"], section: "Sport", headline: "Cup draw made", body: ["ZURICH, Dec 5 (Reuters) - The cup draw was made.", "Holders face a trip abroad."] }));
  publish("morning", "2026-12-05T08:00:00Z");

  // 09:30: UPDATE 1, in a file of its own that names the story it replaces.
  write("talks-update-1.txt", talks("UPDATE 1-EU ministers agree budget framework", "European Union finance ministers agreed a framework for the bloc's budget.", [], ["replaces: talks"]));
  publish("update", "2026-12-05T09:30:00Z");

  // 10:15: a correction, in place, before noon; the study's embargo moved by the agency to 06:00 tomorrow.
  write("talks-update-1.txt", talks("CORRECTED-UPDATE 1-EU ministers agree budget framework", "European Union finance ministers agreed a framework for the bloc's budget.", ["(Corrects day of next talks in paragraph 2)"], ["replaces: talks"]).replace("on Monday", "on Tuesday"));
  write("study.txt", readFileSync(join(repo, "seeds/study.txt"), "utf8").replace(/^/, "---\nembargo: 2026-12-06T06:00:00Z\n---\n"));
  publish("correction", "2026-12-05T10:15:00Z");

  // 10:45: a refile (a typo fixed), which is no update.
  write("talks-update-1.txt", readFileSync(join(repo, "seeds/talks-update-1.txt"), "utf8").replace("CORRECTED-UPDATE 1-", "REFILE-UPDATE 1-").replace("the bloc's budget", "the bloc’s budget"));
  publish("refile", "2026-12-05T10:45:00Z");

  // 11:00: the agency kills the storm story; the desk files the notice against it.
  write("storm-kill.txt", seedText({ frontMatter: ["replaces: storm", "status: withdrawn"], section: "Weather", headline: "KILL - Storm closes Channel ports", body: ["Please kill the story headlined \"Storm closes Channel ports\". It will not be replaced."] }));
  publish("kill", "2026-12-05T11:00:00Z");
}, 240_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("a desk's day, replayed", () => {
  it("publishes fresh copy at the instant it is recorded, an embargoed story at its embargo, an expiring one with its expiry", () => {
    const morning = steps.get("morning")!;
    expect([...morning.articles.keys()].sort()).toEqual(["ferry", "licensed", "storm", "study", "talks"]);
    expect(morning.articles.get("talks")).toMatchObject({ slug: "eu-ministers-open-budget-talks", published: "2026-12-05T08:00:00Z", updated: "2026-12-05T08:00:00Z" });
    // The five recorded in one build: the last filed at the clock, each before it a second earlier.
    expect(morning.articles.get("ferry")!.published).toBe("2026-12-05T07:59:57Z");
    expect(morning.articles.get("study")!.published).toBe("2026-12-05T23:30:00Z");
    expect(morning.articles.get("licensed")!.expires).toBe("2026-12-12T00:00:00Z");
    expect(morning.record).toMatch(/\nembargo\t\d+\tstudy\t2026-12-05T08:00:00Z\t2026-12-05T23:30:00Z\t[0-9a-f]{8}\n/);
  });

  it("one article per story: an UPDATE by replaces: keeps the first version's id, URL and published; updated is when it was recorded", () => {
    const update = steps.get("update")!;
    expect(update.articles.has("talks-update-1")).toBe(false);
    expect(update.articles.get("talks")).toMatchObject({
      title: "EU ministers agree budget framework",
      slug: "eu-ministers-open-budget-talks",
      published: "2026-12-05T08:00:00Z",
      updated: "2026-12-05T09:30:00Z",
      labels: { version: "UPDATE 1" },
    });
  });

  it("a correction in place before noon moves updated, carries its note, and is not 'before the publication date'", () => {
    const correction = steps.get("correction")!;
    expect(correction.articles.get("talks")).toMatchObject({ published: "2026-12-05T08:00:00Z", updated: "2026-12-05T10:15:00Z", note: "Corrects day of next talks in paragraph 2" });
    expect(correction.articles.get("talks")!.paragraphs[1]).toContain("on Tuesday");
  });

  it("an embargo moves while it has not passed", () => {
    expect(steps.get("correction")!.articles.get("study")!.published).toBe("2026-12-06T06:00:00Z");
  });

  it("a refile is recorded but does not move updated; a rebuild changes nothing", () => {
    const refile = steps.get("refile")!;
    expect(refile.articles.get("talks")).toMatchObject({ updated: "2026-12-05T10:15:00Z", labels: { version: "REFILE" } });
    expect(refile.record).toMatch(/\nversion\t\d+\ttalks\t2026-12-05T10:45:00Z\t-\t[0-9a-f]{8}\t[0-9a-f]{8}\n$/);
    expect(build(repo, "2026-12-05T10:50:00Z", "--frozen").status).toBe(0);
  });

  it("a kill notice filed with replaces: and status: withdrawn withdraws the story; the Worker is told its URL and when", () => {
    const kill = steps.get("kill")!;
    expect(kill.articles.has("storm")).toBe(false);
    expect(kill.articles.has("storm-kill")).toBe(false);
    expect(kill.withdrawn).toEqual([{ id: "storm", slug: "storm-closes-channel-ports", withdrawn: "2026-12-05T11:00:00Z", published: "2026-12-05T07:59:59Z", category: "Weather", tags: [] }]);
  });

  it("a deletion withdraws; a frozen build refuses it until recorded; the file re-added stays withdrawn until --republish", () => {
    unlinkSync(join(repo, "seeds/ferry.txt"));
    const frozen = build(repo, "2026-12-05T11:30:00Z", "--frozen");
    expect(frozen.status).toBe(1);
    expect(frozen.stderr).toContain('seeds/published.tsv:');
    expect(frozen.stderr).toContain('"ferry" (/articles/ferry-strike-ends), whose seed is gone: a withdrawal not yet recorded');
    const deleted = publish("deletion", "2026-12-05T11:30:00Z");
    expect(deleted.articles.has("ferry")).toBe(false);
    expect(deleted.withdrawn.map((w) => [w.id, w.withdrawn])).toEqual([
      ["ferry", "2026-12-05T11:30:00Z"],
      ["storm", "2026-12-05T11:00:00Z"],
    ]);

    git(repo, "checkout", "-q", "HEAD~1", "--", "seeds/ferry.txt");
    const readded = publish("re-added", "2026-12-05T12:00:00Z");
    expect(readded.articles.has("ferry")).toBe(false);
    expect(readded.stderr).toContain('warning: seeds/ferry.txt:1: "ferry", withdrawn (seeds/published.tsv:');
    expect(readded.stderr).toContain("`npm run build -- --republish ferry`");
    expect(readded.record).toBe(deleted.record);

    const republished = publish("republish", "2026-12-05T12:30:00Z", "--republish", "ferry");
    expect(republished.articles.get("ferry")).toEqual(steps.get("morning")!.articles.get("ferry"));
    expect(republished.record).toMatch(/\nrepublished\t\d+\tferry\t2026-12-05T12:30:00Z\t[0-9a-f]{8}\n$/);
    expect(republished.withdrawn.map((w) => w.id)).toEqual(["storm"]);
    expect(build(repo, "2026-12-05T12:31:00Z", "--republish", "ferry").stderr).toContain('--republish: "ferry", which is no withdrawn story');
  }, 120_000);

  it("once passed, an embargo is a published instant like any other", () => {
    write("study.txt", readFileSync(join(repo, "seeds/study.txt"), "utf8").replace("embargo: 2026-12-06T06:00:00Z", "embargo: 2026-12-06T09:00:00Z"));
    const run = build(repo, "2026-12-06T07:00:00Z");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('seeds/study.txt:2: embargo 2026-12-06T09:00:00Z, but "study" was released at 2026-12-06T06:00:00Z');
    git(repo, "checkout", "-q", "--", "seeds/study.txt");
  }, 60_000);

  it("no story's id, URL or published instant ever changed during the day", () => {
    const ever = new Map<string, string>();
    for (const [label, step] of steps) {
      for (const [id, article] of step.articles) {
        // The embargoed story's instant moved once, before it passed, as the desk asked.
        const key = `${article.slug} ${id === "study" ? "" : article.published}`;
        if (ever.has(id)) expect(key, `${id} at ${label}`).toBe(ever.get(id));
        else ever.set(id, key);
      }
    }
  });

  it("read through the Worker after each step: one item per story, updated and Last-Modified, 410 and tombstones, the embargo and the licence by its clock", async () => {
    const at = (label: string) => steps.get(label)!;
    const items = async (label: string, clock?: number) => ((await (await at(label).worker("/feed.json", clock)).json()) as { items: unknown }).items as Array<{ url: string; title: string; date_published: string; date_modified: string; content_html: string }>;
    const lastModified = async (label: string, path = "/feed.xml") => (await at(label).worker(path)).headers.get("Last-Modified");
    const talks = `${TEST_VARS.SITE_URL}/articles/eu-ministers-open-budget-talks`;

    // Morning: four stories; the embargoed study is nowhere, its URL the 404 of one that never was.
    expect((await items("morning")).map((item) => item.url.split("/").pop()).sort()).toEqual(["cup-draw-made", "eu-ministers-open-budget-talks", "ferry-strike-ends", "storm-closes-channel-ports"]);
    const held = await at("morning").worker("/articles/daily-walk-cuts-heart-risk");
    expect([held.status, await held.text()]).toEqual([404, await (await at("morning").worker("/articles/no-such-story")).text()]);
    expect(await lastModified("morning")).toBe("Sat, 05 Dec 2026 08:00:00 GMT");

    // The update and the correction: the same one item, the newest copy, updated when recorded; the refile moves nothing.
    for (const [label, title, modified] of [["update", "EU ministers agree budget framework", "2026-12-05T09:30:00Z"], ["correction", "EU ministers agree budget framework", "2026-12-05T10:15:00Z"], ["refile", "EU ministers agree budget framework", "2026-12-05T10:15:00Z"]] as const) {
      const mine = (await items(label)).filter((item) => item.url === talks);
      expect(mine.map((item) => [item.title, item.date_published, item.date_modified]), label).toEqual([[title, "2026-12-05T08:00:00Z", modified]]);
      expect(await lastModified(label), label).toBe(new Date(modified).toUTCString());
    }
    const page = await (await at("correction").worker("/articles/eu-ministers-open-budget-talks")).text();
    expect(page).toContain("Corrects day of next talks in paragraph 2");
    expect(page).toContain('datetime="2026-12-05T10:15:00Z"');
    expect((await items("correction")).find((item) => item.url === talks)!.content_html).toContain("Corrects day of next talks in paragraph 2");

    // The kill: 410 without the headline, gone from every feed, a tombstone in the Atom feeds that showed it.
    const gone = await at("kill").worker("/articles/storm-closes-channel-ports", undefined, { Accept: "text/html" });
    expect(gone.status).toBe(410);
    expect(await gone.text()).not.toContain("Storm closes");
    expect((await items("kill")).some((item) => item.url.endsWith("/storm-closes-channel-ports"))).toBe(false);
    // Weather held only the storm: the section, left empty, is gone with it.
    expect((await at("kill").worker("/sections/weather/atom.xml")).status).toBe(404);
    for (const path of ["/atom.xml"]) {
      const atom = await (await at("kill").worker(path)).text();
      expect(atom, path).toMatch(/<at:deleted-entry ref="tag:wirefeed\.example\.com,2022:article:storm" when="2026-12-05T11:00:00Z"/);
    }
    // The deletion too; the republished story back at its URL.
    expect((await at("deletion").worker("/articles/ferry-strike-ends")).status).toBe(410);
    expect((await at("republish").worker("/articles/ferry-strike-ends")).status).toBe(200);

    // The embargo lifts by the clock, no build: at its instant the study is the newest item, dated then.
    const release = Date.parse("2026-12-06T06:00:00Z");
    expect((await items("republish", release - 1000)).some((item) => item.url.endsWith("/daily-walk-cuts-heart-risk"))).toBe(false);
    expect((await items("republish", release))[0]).toMatchObject({ url: `${TEST_VARS.SITE_URL}/articles/daily-walk-cuts-heart-risk`, date_published: "2026-12-06T06:00:00Z" });
    // The licence ends by the clock: 410 from its expiry.
    const expiry = Date.parse("2026-12-12T00:00:00Z");
    expect((await at("republish").worker("/articles/cup-draw-made", expiry - 1000)).status).toBe(200);
    expect((await at("republish").worker("/articles/cup-draw-made", expiry)).status).toBe(410);
  });

  it("advance copy is refused, naming its dateline and suggesting embargo:", () => {
    write("advance.txt", talks("EU ministers to meet on Tuesday", "European Union ministers will meet on Tuesday.").replace("Dec 5", "Dec 8"));
    const run = build(repo, "2026-12-05T13:00:00Z");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("seeds/advance.txt:5: dateline date 2026-12-08, 3 days after the day the story is recorded (2026-12-05): advance copy, not yet to be published, expected front matter embargo: 2026-12-08T00:00:00Z");
    unlinkSync(join(repo, "seeds/advance.txt"));
  }, 60_000);
});
