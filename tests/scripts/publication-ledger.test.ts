/**
 * The publication record tried as a careless or hostile publisher would, in a
 * scratch git repository (issue 20, items 1–3): a file name used again for
 * another story, the merges two desks naturally make, and hand edits of the
 * record. After each step every URL, id and instant a build ever published
 * is unchanged, or the build fails naming the file and line.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticles } from "../../scripts/articles-file";
import { seedText } from "../support/seeds";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const BUILD = join(ROOT, "scripts/build.ts");
const IDENTITY = { GIT_AUTHOR_NAME: "Desk", GIT_AUTHOR_EMAIL: "desk@example.com", GIT_COMMITTER_NAME: "Desk", GIT_COMMITTER_EMAIL: "desk@example.com" };

const filed = (headline: string, lede: string) => seedText({ headline, body: [lede, "More to follow."] });
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...IDENTITY } });

function build(cwd: string, today: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [TSX, BUILD, "--seeds", "seeds", "--out", "out/articles.ts", "--quiet", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, WIREFEED_SEEDS: "", WIREFEED_TODAY: today, WIREFEED_FROZEN: "" },
  });
  return { status: run.status, stderr: run.stderr };
}

/** What the last build in `cwd` published: id → "slug published". */
const published = (cwd: string) => Object.fromEntries(readArticles(join(cwd, "out/articles.ts")).map((a) => [a.id, `${a.slug} ${a.published}`]));

/** Build, expecting success, and commit everything. */
function publish(cwd: string, today: string, message: string) {
  const run = build(cwd, today);
  if (run.status !== 0) throw new Error(`build for "${message}" failed:\n${run.stderr}`);
  git(cwd, "add", "-A");
  git(cwd, "commit", "-q", "--allow-empty", "-m", message);
  return published(cwd);
}

let scratch: string;
function repository(name: string): string {
  const repo = join(scratch, name);
  mkdirSync(join(repo, "seeds"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  writeFileSync(join(repo, ".gitignore"), "out/\n");
  writeFileSync(join(repo, ".gitattributes"), readFileSync(join(ROOT, ".gitattributes"), "utf8"));
  return repo;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "wirefeed-ledger-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("item 1: a file name used again for another story", () => {
  it("is refused, frozen or not, naming the file; the record and the old story's URL stay", () => {
    const repo = repository("reused");
    writeFileSync(join(repo, "seeds/dec3.txt"), filed("Markets rally in December", "NEW YORK, Dec 4 (Reuters) - Stocks rallied."));
    writeFileSync(join(repo, "seeds/other.txt"), filed("Oil steady", "LONDON, Dec 4 (Reuters) - Oil held steady."));
    const before = publish(repo, "2025-12-04", "Stories of Dec 4");
    // Fresh copy: published the instant it was recorded (--today records at 00:00:00 UTC), the one filed before it a second earlier.
    expect(before.dec3).toBe("markets-rally-in-december 2025-12-03T23:59:59Z");
    unlinkSync(join(repo, "seeds/dec3.txt"));
    publish(repo, "2026-12-01", "Withdraw dec3");
    const record = readFileSync(join(repo, "seeds/published.tsv"), "utf8");
    for (const [day, lede] of [
      ["Dec 5", "NEW YORK, Dec 5 (Reuters) - A ferry strike ended."],
      // The same day as the old story: the date alone cannot tell them apart.
      ["Dec 4", "NEW YORK, Dec 4 (Reuters) - A ferry strike ended."],
    ] as const) {
      writeFileSync(join(repo, "seeds/dec3.txt"), filed(`Ferry strike ends ${day}`, lede));
      for (const frozen of [[], ["--frozen"]]) {
        const run = build(repo, "2026-12-05", ...frozen);
        expect(run.status, run.stderr).toBe(1);
        expect(run.stderr).toContain('seeds/dec3.txt:1: a story whose headline and first paragraph both differ from the story recorded as "dec3" (seeds/published.tsv:5, /articles/markets-rally-in-december)');
        expect(run.stderr).not.toContain("not laid out");
        expect(readFileSync(join(repo, "seeds/published.tsv"), "utf8")).toBe(record);
      }
    }
    // Under a name of its own, it is published at a URL of its own.
    unlinkSync(join(repo, "seeds/dec3.txt"));
    writeFileSync(join(repo, "seeds/ferry.txt"), filed("Markets rally in December", "NEW YORK, Dec 5 (Reuters) - A ferry strike ended."));
    const after = publish(repo, "2026-12-05", "Ferry story");
    expect(after.ferry).toMatch(/^markets-rally-in-december-[a-z0-9]+ 2026-12-05T00:00:00Z$/);
    expect(after.other).toBe(before.other);
  }, 120_000);
});

describe("item 2: the merges two desks make (A and B into main, A into B, B into main)", () => {
  it("give every story one URL and one instant, the same on every branch, and free none", () => {
    const repo = repository("merges");
    writeFileSync(join(repo, "seeds/base.txt"), filed("Markets open", "LONDON, Dec 1 (Reuters) - Markets opened."));
    publish(repo, "2026-12-01", "Base");
    const day = "2026-12-04";
    const headline = "Central bank holds rates";
    git(repo, "checkout", "-q", "-b", "a");
    writeFileSync(join(repo, "seeds/a.txt"), filed(headline, "FRANKFURT, Dec 4 (Reuters) - The bank held rates."));
    const onA = publish(repo, day, "Story a");
    git(repo, "checkout", "-q", "main");
    git(repo, "checkout", "-q", "-b", "b");
    writeFileSync(join(repo, "seeds/b.txt"), filed(headline, "FRANKFURT, Dec 4 (Reuters) - Rates were left unchanged."));
    const onB = publish(repo, day, "Story b");
    expect(onA.a).toBe("central-bank-holds-rates 2026-12-04T00:00:00Z");
    expect(onB.b).toBe("central-bank-holds-rates 2026-12-04T00:00:00Z");

    git(repo, "checkout", "-q", "main");
    git(repo, "merge", "-q", "--no-edit", "a");
    const mainA = publish(repo, day, "After a");
    git(repo, "merge", "-q", "--no-edit", "b");
    const mainAB = publish(repo, day, "After b");
    // Recorded the same second: the smaller id keeps the URL and the instant; b moves, once, to the free second before (never after the clock).
    expect(mainAB.a).toBe(mainA.a);
    expect(mainAB.b).toMatch(/^central-bank-holds-rates-[a-z0-9]+ 2026-12-03T23:59:59Z$/);

    git(repo, "checkout", "-q", "b");
    git(repo, "merge", "-q", "--no-edit", "a");
    const bA = publish(repo, "2026-12-05", "A into b");
    expect(bA).toEqual(mainAB);

    git(repo, "checkout", "-q", "main");
    git(repo, "merge", "-q", "--no-edit", "b");
    const final = publish(repo, "2026-12-06", "B into main");
    expect(final).toEqual(mainAB);
    // Every line any branch wrote is still there, and the URL b moved to stays b's.
    const record = readFileSync(join(repo, "seeds/published.tsv"), "utf8");
    expect(record.match(/^moved\t/gm)).toHaveLength(2);
    const slugB = final.b!.split(" ")[0]!;
    writeFileSync(join(repo, "seeds/c.txt"), seedText({ frontMatter: [`slug: ${slugB}`], headline: "Another" }));
    expect(build(repo, "2026-12-06").stderr).toContain(`seeds/c.txt:2: slug "${slugB}" already used by seeds/b.txt`);
    // The lines in any order give the same site.
    unlinkSync(join(repo, "seeds/c.txt"));
    const [head, ...events] = record.split("wirefeed-record\t2\n");
    writeFileSync(join(repo, "seeds/published.tsv"), `${head}wirefeed-record\t2\n${events.join("").trimEnd().split("\n").reverse().join("\n")}\n`);
    expect(build(repo, "2026-12-07").status).toBe(0);
    expect(published(repo)).toEqual(final);
  }, 180_000);
});

describe("item 3: a record edited, damaged or saved differently", () => {
  let repo: string;
  let record: string;
  let site: Record<string, string>;
  beforeAll(() => {
    repo = repository("edits");
    writeFileSync(join(repo, "seeds/dec3.txt"), filed("Markets rally", "NEW YORK, Dec 3 (Reuters) - Stocks rallied."));
    writeFileSync(join(repo, "seeds/dec4.txt"), filed("Oil steady", "LONDON, Dec 3 (Reuters) - Oil held steady."));
    site = publish(repo, "2026-12-04", "Stories");
    record = readFileSync(join(repo, "seeds/published.tsv"), "utf8");
  }, 60_000);
  const withRecord = (text: string, ...args: string[]) => {
    writeFileSync(join(repo, "seeds/published.tsv"), text);
    return build(repo, "2026-12-06", ...args);
  };
  const lineOf = (text: string, start: string) => text.split(/\r\n|\r|\n/).findIndex((line) => line.startsWith(start)) + 1;

  it("a line commented out, removed, or edited stops the build at that line, frozen or not", () => {
    const line = record.split("\n").find((text) => text.startsWith("published\t1\t"))!;
    const cases: Array<[string, string, string]> = [
      [record.replace(line, `# ${line}`), "# published", "a record line commented out"],
      [record.replace(`${line}\n`, ""), "published\t2", "line numbered 1 missing before this one"],
      [record.replace(line, line.replace("markets-rally", "markets-rally-edited")), "published\t1", "that does not match the line's fields (edited by hand?)"],
      [record.replace(line, line.replace("2026-12-03T12:00:00Z", "2026-12-02T12:00:00Z")), "published\t1", "that does not match the line's fields (edited by hand?)"],
    ];
    for (const [text, start, found] of cases) {
      for (const frozen of [[], ["--frozen"]]) {
        const run = withRecord(text, ...frozen);
        expect(run.status, run.stderr).toBe(1);
        expect(run.stderr).toContain(`seeds/published.tsv:${lineOf(text, start)}: `);
        expect(run.stderr).toContain(found);
        expect(run.stderr).not.toContain("not laid out");
        expect(readFileSync(join(repo, "seeds/published.tsv"), "utf8")).toBe(text);
      }
    }
  }, 120_000);

  it("CR-only, CRLF and a byte order mark are the same record: nothing moves, nothing is rewritten, a frozen build passes", () => {
    for (const text of [record.replace(/\n/g, "\r"), record.replace(/\n/g, "\r\n"), `\uFEFF${record}`, `\uFEFF${record.replace(/\n/g, "\r")}`]) {
      const run = withRecord(text, "--frozen");
      expect(run.status, run.stderr).toBe(0);
      expect(published(repo)).toEqual(site);
      expect(readFileSync(join(repo, "seeds/published.tsv"), "utf8")).toBe(text);
    }
  }, 120_000);
});
