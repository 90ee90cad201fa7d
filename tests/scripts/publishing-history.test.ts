/**
 * A publisher's life, replayed: a scratch git repository in which stories are
 * added over more than a year, each step done as the README says (add the
 * file, build, commit what the build wrote) with the commit and the build's
 * today set to that step's day. No article may change once published, and a
 * shallow clone, as CI checks out, must build the same articles.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticles } from "../../scripts/articles-file";
import type { Article } from "../../src/content/article";
import { seedText } from "../support/seeds";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const BUILD = join(ROOT, "scripts/build.ts");

const filed = (headline: string, lede: string) => seedText({ headline, body: [lede, "More to follow."] });

/** Each step: the day, the seeds added (or changed), the seeds removed. */
const HISTORY: Array<{ day: string; add?: Record<string, string>; remove?: string[] }> = [
  {
    day: "2026-01-05",
    add: {
      // Back-filled: the bundled sample's dateline, Friday 21 January, years before.
      "geneva-talks.txt": filed("US, Russia hold talks in Geneva", "Geneva, Jan 21 (EFE).- The United States and Russia on Friday held talks."),
      "madrid-rain.txt": filed("Rain returns to Madrid", "Madrid, 3 ene (EFE).- Volvió la lluvia el sábado."),
    },
  },
  {
    day: "2026-03-10",
    // A desk's day: three stories dated the same day, no time.
    add: {
      "m-budget.txt": filed("Budget vote set", "ROME, March 9 (Reuters) - Lawmakers set a budget vote."),
      "m-strike.txt": filed("Rail strike called", "ROME, March 9 (Reuters) - Unions called a rail strike."),
      "m-storm.txt": filed("Storm hits coast", "ROME, March 9 (Reuters) - A storm hit the coast."),
    },
  },
  {
    day: "2026-06-01",
    // Back-filled into that busy day, with a name that sorts first; and a headline edited.
    add: {
      "a-late.txt": filed("Late copy from March", "ROME, March 9 (Reuters) - A late story from that day."),
      "m-budget.txt": filed("Budget vote set for Friday", "ROME, March 9 (Reuters) - Lawmakers set a budget vote."),
    },
  },
  {
    day: "2026-11-29",
    add: {
      "ny-markets.txt": filed("Stocks end mixed", "NEW YORK, Nov 25 (Reuters) - Stocks ended mixed in thin trade."),
      // Fresh copy whose lede names an earlier day: a Sunday story, Friday's data.
      "london-data.txt": filed("Sterling firms", "LONDON, Nov 29 (Reuters) - Sterling firmed after data published on Friday showed inflation slowing."),
    },
    remove: ["madrid-rain.txt"],
  },
  {
    day: "2027-12-05",
    add: {
      "ny-year-on.txt": filed("Stocks end a year higher", "NEW YORK, Dec 3 (Reuters) - Stocks ended the year higher."),
      // A headline already published, then taken down: its URL stays taken.
      "madrid-rain-again.txt": filed("Rain returns to Madrid", "Madrid, 2 dic (EFE).- Volvió la lluvia."),
    },
  },
];

let scratch: string;
const IDENTITY = { GIT_AUTHOR_NAME: "Desk", GIT_AUTHOR_EMAIL: "desk@example.com", GIT_COMMITTER_NAME: "Desk", GIT_COMMITTER_EMAIL: "desk@example.com" };
/** git in `cwd`; commits dated `day`. */
const git = (cwd: string, args: string[], day?: string) =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...IDENTITY, ...(day ? { GIT_AUTHOR_DATE: `${day}T18:00:00Z`, GIT_COMMITTER_DATE: `${day}T18:00:00Z` } : {}) },
  });

function build(cwd: string, today: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [TSX, BUILD, "--seeds", "seeds", "--out", "out/articles.ts", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, WIREFEED_SEEDS: "", WIREFEED_TODAY: today, WIREFEED_FROZEN: "" },
  });
  return { status: run.status, stderr: run.stderr };
}

const plain = (articles: Article[]) => new Map(articles.map((a) => [a.id, JSON.parse(JSON.stringify(a)) as Article]));

/** What each step built, and what it printed. */
const built: Array<{ day: string; articles: Map<string, Article>; stderr: string }> = [];
/** main before and after merging a branch that recorded a story of the same day and headline. */
let merge: { beforeMerge: Map<string, Article>; after: Map<string, Article>; stderr: string };

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "wirefeed-history-"));
  const repo = join(scratch, "publisher");
  mkdirSync(join(repo, "seeds"), { recursive: true });
  git(repo, ["init", "-q", "-b", "main"]);
  writeFileSync(join(repo, ".gitignore"), "out/\n");
  writeFileSync(join(repo, ".gitattributes"), "published.tsv merge=union\n");
  for (const { day, add = {}, remove = [] } of HISTORY) {
    for (const [name, text] of Object.entries(add)) writeFileSync(join(repo, "seeds", name), text);
    for (const name of remove) unlinkSync(join(repo, "seeds", name));
    const run = build(repo, day);
    if (run.status !== 0) throw new Error(`build on ${day} failed:\n${run.stderr}`);
    git(repo, ["add", "-A"], day);
    git(repo, ["commit", "-q", "-m", `Stories of ${day}`], day);
    built.push({ day, articles: plain(readArticles(join(repo, "out/articles.ts"))), stderr: run.stderr });
  }
  // Two desks on one day: a branch adds a story while main adds another with the same headline; git
  // merges the records by union (.gitattributes), then the build gives the branch's story its own URL and time.
  const day = "2027-12-06";
  const desk = (name: string, lede: string) => {
    writeFileSync(join(repo, "seeds", name), filed("Ferry strike ends", lede));
    const run = build(repo, day);
    if (run.status !== 0) throw new Error(`build of ${name} failed:\n${run.stderr}`);
    git(repo, ["add", "-A"], day);
    git(repo, ["commit", "-q", "-m", `Add ${name}`], day);
  };
  git(repo, ["checkout", "-q", "-b", "desk-b"]);
  desk("ferry-b.txt", "DOVER, Dec 6 (Reuters) - The ferry strike ended, unions said.");
  git(repo, ["checkout", "-q", "main"]);
  desk("ferry-a.txt", "DOVER, Dec 6 (Reuters) - The ferry strike ended.");
  const beforeMerge = plain(readArticles(join(repo, "out/articles.ts")));
  git(repo, ["merge", "-q", "--no-edit", "desk-b"], day);
  const run = build(repo, day);
  if (run.status !== 0) throw new Error(`build after the merge failed:\n${run.stderr}`);
  git(repo, ["commit", "-q", "-am", "Record after the merge"], day);
  merge = { beforeMerge, after: plain(readArticles(join(repo, "out/articles.ts"))), stderr: run.stderr };
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const on = (day: string) => built.find((step) => step.day === day)!.articles;

describe("a publisher's history, replayed in a scratch repository", () => {
  it("covers more than a year of commits", () => {
    const dates = git(join(scratch, "publisher"), ["log", "--first-parent", "--format=%cI"]).trim().split("\n");
    expect(dates).toHaveLength(HISTORY.length + 3);
    expect(Date.parse(dates[0]!) - Date.parse(dates.at(-1)!)).toBeGreaterThan(365 * 86_400_000);
  });

  it("no published article's published instant, id, slug or URL ever change afterwards; updated moves only with a new version", () => {
    for (let i = 1; i < built.length; i++) {
      const edited = new Set(Object.keys(HISTORY[i]!.add ?? {}).map((name) => name.replace(/\.txt$/, "")));
      for (const [id, before] of built[i - 1]!.articles) {
        const after = built[i]!.articles.get(id);
        if (after === undefined) continue; // withdrawn
        expect({ id, published: after.published, slug: after.slug }, built[i]!.day).toEqual({ id, published: before.published, slug: before.slug });
        expect(after.updated, `${id} on ${built[i]!.day}`).toBe(edited.has(id) ? `${built[i]!.day}T00:00:00Z` : before.updated);
      }
    }
  });

  it("fresh copy is dated the week it was filed, whatever weekday the lede names", () => {
    // Dated the day it was recorded: published the instant it was recorded (--today records at 00:00:00 UTC), no rule's noon ahead of the clock.
    expect(on("2026-11-29").get("london-data")!.published).toBe("2026-11-29T00:00:00Z");
    expect(on("2027-12-05").get("ny-markets")!.published).toBe("2026-11-25T12:00:00Z");
    expect(on("2027-12-05").get("ny-year-on")!.published).toBe("2027-12-03T12:00:00Z");
  });

  it("back-filled copy keeps the weekday rule, with a warning naming file:line", () => {
    expect(on("2026-01-05").get("geneva-talks")!.published).toBe("2022-01-21T12:00:00Z");
    expect(built[0]!.stderr).toContain("warning: seeds/geneva-talks.txt:5: dateline date 21 January, with no year, read as 21 January 2022, more than a year before the story was recorded (5 January 2026), expected front matter date: 2022-01-21T12:00:00Z");
    // Saturday 3 January 2026: two days before, fresh.
    expect(on("2026-01-05").get("madrid-rain")!.published).toBe("2026-01-03T12:00:00Z");
  });

  it("stories of one day get distinct instants in the order they were filed; one back-filled later comes after them", () => {
    const day = on("2026-06-01");
    expect(["m-budget", "m-storm", "m-strike", "a-late"].map((id) => day.get(id)!.published)).toEqual([
      "2026-03-09T12:00:00Z",
      "2026-03-09T12:00:01Z",
      "2026-03-09T12:00:02Z",
      "2026-03-09T12:00:03Z",
    ]);
  });

  it("an edited headline keeps its URL; a withdrawn story's URL stays taken", () => {
    expect(on("2026-06-01").get("m-budget")!.slug).toBe("budget-vote-set");
    expect(on("2027-12-05").has("madrid-rain")).toBe(false);
    expect(on("2026-01-05").get("madrid-rain")!.slug).toBe("rain-returns-to-madrid");
    expect(on("2027-12-05").get("madrid-rain-again")!.slug).toMatch(/^rain-returns-to-madrid-[a-z0-9]+$/);
  });

  it("two branches' records merge by union; the story main published keeps its URL and time, the other gets its own", () => {
    expect(merge.beforeMerge.get("ferry-a")).toMatchObject({ slug: "ferry-strike-ends", published: "2027-12-06T00:00:00Z" });
    expect(merge.after.get("ferry-a")).toEqual(merge.beforeMerge.get("ferry-a"));
    expect(merge.after.get("ferry-b")!.slug).toMatch(/^ferry-strike-ends-[a-z0-9]+$/);
    // Both recorded at the same second on their branches: the other gets the free second before it, never one after the clock.
    expect(merge.after.get("ferry-b")!.published).toBe("2027-12-05T23:59:59Z");
    for (const [id, article] of built.at(-1)!.articles) expect(merge.after.get(id)).toEqual(article);
    expect(merge.stderr).toContain('warning: seeds/published.tsv:');
    expect(merge.stderr).toContain('"ferry-b" gets /articles/ferry-strike-ends-');
  });

  it("a depth-1 clone builds the same articles, later, without changing the record, frozen or not", () => {
    const clone = join(scratch, "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${join(scratch, "publisher")}`, clone]);
    expect(git(clone, ["rev-list", "--count", "HEAD"]).trim()).toBe("1");
    expect(build(clone, "2028-06-01", "--frozen").status).toBe(0);
    expect(build(clone, "2028-06-01").status).toBe(0);
    expect(git(clone, ["status", "--porcelain"])).toBe("");
    expect(plain(readArticles(join(clone, "out/articles.ts")))).toEqual(merge.after);
    expect(readFileSync(join(clone, "seeds/published.tsv"), "utf8")).toBe(readFileSync(join(scratch, "publisher/seeds/published.tsv"), "utf8"));
  }, 60_000);
});
