import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readArticles } from "../../scripts/articles-file";
import { openPrerendered } from "../../src/http/prerendered";
import { seedText as anySeed, type SeedParts } from "../support/seeds";
import { TEST_VARS } from "../support/test-vars";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const BUILD = join(ROOT, "scripts/build.ts");

/** A seed filed two days before the build's today, so no warning about an old date. */
const seedText = (parts: SeedParts = {}) => anySeed({ body: ["Geneva, Nov 27 (EFE).- Diplomats met.", "More."], ...parts });

let workdir: string;
const out = () => join(workdir, "out/articles.ts");
const pack = () => join(workdir, "out/articles.bin");
const record = () => join(workdir, "seeds/published.tsv");

/** Run the build as `npm run build` does, in a project folder with `seeds/` holding `seeds`, on 2026-11-29 unless `env` says otherwise. */
function build(seeds: Record<string, string>, args: string[] = [], env: Record<string, string> = {}) {
  mkdirSync(join(workdir, "seeds"), { recursive: true });
  for (const [name, text] of Object.entries(seeds)) writeFileSync(join(workdir, "seeds", name), text);
  const run = spawnSync(process.execPath, [TSX, BUILD, "--seeds", "seeds", "--out", "out/articles.ts", ...args], {
    cwd: workdir,
    encoding: "utf8",
    env: { ...process.env, WIREFEED_SEEDS: "", WIREFEED_TODAY: "2026-11-29", WIREFEED_FROZEN: "", WIREFEED_ENCODING: "", WIREFEED_WARNINGS: "", ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeEach(() => {
  workdir = mkdtempSync(join(tmpdir(), "wirefeed-build-"));
});
afterEach(() => {
  rmSync(workdir, { recursive: true, force: true });
});

// Each case runs the build one to four times, a second or so each on a busy machine.
describe("scripts/build.ts", { timeout: 30_000 }, () => {
  it("compiles good seeds into the module the Worker imports and records them as published today, exit 0", () => {
    const seed = readFileSync(join(ROOT, "seeds/000_854574d7f70e4787.txt"), "utf8");
    const run = build({ "000_854574d7f70e4787.txt": seed, "london.txt": seedText({ body: ["LONDON, March 7 (Reuters) - Sterling held.", "More."] }) });
    expect(run.status).toBe(0);
    // Honest about the bundled seed: Friday 21 January 2022 is a guess from the weekday, years before it entered the repository.
    expect(run.stderr).toBe(
      "warning: seeds/000_854574d7f70e4787.txt:5: dateline date 21 January, with no year, read as 21 January 2022, more than a year before the story was recorded (29 November 2026), expected front matter date: 2022-01-21T12:00:00Z (or the right date) if that is not when it happened; if it is, `npm run build -- --date-checked 000_854574d7f70e4787` records that you checked it, and this warning stops\n",
    );
    expect(run.stdout).toMatch(/^wirefeed build: 2 articles from seeds\/\*\.txt → out\/articles\.ts in \d+ ms \(today 2026-11-29; 2 new stories recorded in seeds\/published\.tsv\)\n$/);
    expect(readFileSync(out(), "utf8")).toContain('from "./articles.bin"');
    expect(readArticles(out()).map((a) => [a.id, a.published])).toEqual([
      ["london", "2026-03-07T12:00:00Z"],
      ["000_854574d7f70e4787", "2022-01-21T12:00:00Z"],
    ]);
    expect(readFileSync(record(), "utf8").split("\n").slice(3).map((line) => line.split("\t").slice(0, 6).join(" "))).toEqual([
      "wirefeed-record 2",
      "published 1 000_854574d7f70e4787 2026-11-29T00:00:00Z 2022-01-21T12:00:00Z us-russia-hold-frank-talk-but-no-breakthrough-over-ukraine-standoff",
      "published 2 london 2026-11-29T00:00:00Z 2026-03-07T12:00:00Z talks-end-without-a-deal",
      // The site's archive page size, fixed with its first record (issue 17).
      "setting 3 archive-page-size 2026-11-29T00:00:00Z 50 d74e0c76",
      "",
    ]);
    // Checked once, recorded: no warning on any later build, and the date stays.
    const checked = build({}, ["--date-checked", "000_854574d7f70e4787"], { WIREFEED_TODAY: "2026-11-30" });
    expect([checked.status, checked.stderr]).toEqual([0, ""]);
    expect(readFileSync(record(), "utf8")).toMatch(/\nchecked\t4\t000_854574d7f70e4787\t2026-11-30T00:00:00Z\t[0-9a-f]{8}\n$/);
    expect(build({}, ["--frozen"], { WIREFEED_TODAY: "2027-06-01" }).stderr).toBe("");
    expect(build({}, ["--date-checked", "nobody"]).stderr).toContain('--date-checked: "nobody", which is no story in the seeds, expected the id of a story');
  });

  it("writes the record only when it changes: a rebuild leaves the file alone (the dev watcher watches seeds/)", () => {
    expect(build({ "a.txt": seedText() }).status).toBe(0);
    const before = statSync(record());
    const again = build({}, [], { WIREFEED_TODAY: "2027-01-01" });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/\(today 2027-01-01\)\n$/);
    const after = statSync(record());
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it("--today and WIREFEED_TODAY set the day new stories are recorded; a bad one fails", () => {
    expect(build({ "a.txt": seedText() }, ["--today", "2026-12-24"]).status).toBe(0);
    expect(readFileSync(record(), "utf8")).toContain("\ta\t2026-12-24T00:00:00Z\t");
    const bad = build({ "b.txt": seedText() }, ["--today", "someday"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('--today "someday" is not a date, expected YYYY-MM-DD\nwirefeed build failed: 1 problem; nothing was written.\n');
    expect(build({ "b.txt": seedText() }, [], { WIREFEED_TODAY: "2026-02-30" }).stderr).toContain('WIREFEED_TODAY "2026-02-30" is not a date, expected YYYY-MM-DD\n');
    expect(readFileSync(record(), "utf8")).not.toContain("\tb\t");
  }, 120_000);

  it("--frozen (WIREFEED_FROZEN=1) fails instead of recording, listing each unrecorded seed as file:1", () => {
    expect(build({ "a.txt": seedText() }).status).toBe(0);
    const committed = readFileSync(record(), "utf8");
    expect(build({}, ["--frozen"]).status).toBe(0);
    for (const run of [build({ "b.txt": seedText({ headline: "B" }), "c.txt": seedText({ headline: "C" }) }, ["--frozen"]), build({}, [], { WIREFEED_FROZEN: "1" })]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        [
          "seeds/b.txt:1: a story not in the publication record seeds/published.tsv, expected its line there, which a build without --frozen writes, committed with the story",
          "seeds/c.txt:1: a story not in the publication record seeds/published.tsv, expected its line there, which a build without --frozen writes, committed with the story",
          "wirefeed build failed: 2 problems; nothing was written.",
        ].join("\n"),
      );
      expect(readFileSync(record(), "utf8")).toBe(committed);
      expect(existsSync(out())).toBe(false);
    }
  });

  it("prints every problem of every broken seed, exits 1, removes the old output and records nothing", () => {
    mkdirSync(join(workdir, "out"));
    writeFileSync(out(), "// stale articles from the last good build\n");
    writeFileSync(pack(), "stale pack");
    const run = build({
      "good.txt": seedText(),
      "empty.txt": "",
      "undated.txt": seedText({ body: ["No dateline.", "More."] }),
      "front.txt": seedText({ frontMatter: ["colour: red", "date: 2022-02-30T10:00:00Z"] }),
      "twin.txt": seedText({ frontMatter: ["id: good"] }),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "seeds/empty.txt:1: an empty seed, expected a section line, a headline and at least one paragraph",
        'seeds/front.txt:2: unknown front matter key "colour", expected one of id, date, updated, author, category, tags, slug, summary, image, image_caption, image_credit, image_alt, image_type, image_length, image_width, image_height, language, place, encoding, agency, replaces, status, embargo, expires, correction',
        'seeds/front.txt:3: date "2022-02-30T10:00:00Z", expected an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00',
        'seeds/undated.txt:5: no dateline and no front matter date, expected a dateline such as "LONDON, Dec 4 (Reuters) - ", "Madrid, 4 dic (EFE).- ", "WASHINGTON (AP) — ", "(ANSA) - ROMA, 4 DIC - ", "SYDNEY, Dec 4 AAP - ", "MOSCOW, December 4. /TASS/. ", "OTTAWA — ", or front matter date: 2022-01-21T09:00:00+01:00',
        'seeds/twin.txt:2: id "good" already used by seeds/good.txt, expected a unique id (rename the file or set front matter id)',
        "wirefeed build failed: 5 problems; nothing was written.",
        "",
      ].join("\n"),
    );
    expect(existsSync(out())).toBe(false);
    expect(existsSync(pack())).toBe(false);
    expect(existsSync(record())).toBe(false);
  });

  it("warns about dropped characters with file:line and still builds", () => {
    const run = build({ "story.txt": seedText({ headline: "Talks\u000B end" }) });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("warning: seeds/story.txt:3: character U+000B dropped, expected text without characters XML 1.0 forbids\n");
    expect(existsSync(out())).toBe(true);
  });

  it("shows a hundred warnings and counts the rest; WIREFEED_WARNINGS=all lists every one", () => {
    const seeds = Object.fromEntries(Array.from({ length: 105 }, (_, i) => [`s${String(i).padStart(3, "0")}.txt`, seedText({ headline: `Talks\u000B end ${i}` })]));
    const lines = (stderr: string) => stderr.trimEnd().split("\n");
    const capped = build(seeds);
    expect(capped.status).toBe(0);
    expect(lines(capped.stderr)).toHaveLength(101);
    expect(lines(capped.stderr).at(-1)).toBe("warning: … and 5 more (WIREFEED_WARNINGS=all npm run build lists every one)");
    const all = build({}, [], { WIREFEED_WARNINGS: "all" });
    expect(lines(all.stderr)).toHaveLength(105);
    expect(lines(all.stderr).every((line) => /^warning: seeds\/s\d{3}\.txt:3: character U\+000B dropped/.test(line))).toBe(true);
  });

  it("archives the older blocks past WIREFEED_BUNDLED_BYTES as files beside the pack, which a failed build removes", () => {
    const archive = join(workdir, "out/articles.archive");
    const seeds = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`s${String(i).padStart(2, "0")}.txt`, seedText({ headline: `Story ${i}`, body: [`Geneva, Nov ${10 + i} (EFE).- Diplomats met ${i}.`, "More."] })]),
    );
    const small = { WIREFEED_BLOCK_ARTICLES: "2", WIREFEED_BUNDLED_BYTES: "0" };
    expect(build(seeds, [], small).status).toBe(0);
    // Six blocks of two: the newest three in the pack, three archived.
    const files = readdirSync(archive);
    expect(files).toHaveLength(3);
    for (const file of files) expect(file).toMatch(/^[0-9a-f]{32}\.bin$/);
    expect(readArticles(out()).map((a) => a.title)).toEqual(Array.from({ length: 12 }, (_, i) => `Story ${11 - i}`));
    // By default nothing of so small a site is archived, and the folder (wrangler's [assets]) is there, empty.
    expect(build({}).status).toBe(0);
    expect(readdirSync(archive)).toEqual([]);
    expect(build({}, [], { WIREFEED_BUNDLED_BYTES: "lots" }).stderr).toContain('WIREFEED_BUNDLED_BYTES "lots" is not a whole number of at least 0');
    expect(existsSync(archive)).toBe(false);
  });

  it("stores the pages listing the feeds, the sitemap and each section's and tag's feeds in that folder for the configuration it is given; --no-stored-documents stores none", () => {
    const archive = join(workdir, "out/articles.archive");
    const vars = Object.entries(TEST_VARS).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
    const seeds = { "a.txt": seedText({ section: "Politics", headline: "Talks open" }), "b.txt": seedText({ section: "World", headline: "Talks end" }) };
    expect(build(seeds, vars).status).toBe(0);
    // /feeds, OPML, the two index pages and the sitemap; two sections, three feeds each; no tags, and too small a site to archive a block.
    const files = readdirSync(archive);
    expect(files).toHaveLength(5 + 6);
    for (const file of files) expect(gunzipSync(readFileSync(join(archive, file))).toString()).toMatch(/^<\?xml|^\{|^<!doctype html>/);
    expect(build(seeds, [...vars, "--no-stored-documents"]).status).toBe(0);
    expect(readdirSync(archive)).toEqual([]);
  });

  it("lists in the prerendered module the languages most of the copy is in, for the Worker to prepare their dates while it starts", () => {
    const vars = Object.entries(TEST_VARS).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
    const story = (name: string, language: string | undefined) => [name, seedText({ headline: `Story ${name}`, frontMatter: language === undefined ? undefined : [`language: ${language}`] })];
    const seeds = Object.fromEntries([story("a.txt", "fr"), story("b.txt", "fr"), story("c.txt", "de"), story("d.txt", undefined)]);
    expect(build(seeds, vars).status).toBe(0);
    // d.txt's two short lines are too little to detect a language in: the site's, which the Worker prepares anyway.
    expect(openPrerendered(readFileSync(join(workdir, "out/articles.documents.bin"))).languages).toEqual(["fr", "de"]);
  });

  it("writes the same files and says the same warnings whether one thread parses the seeds or several (WIREFEED_BUILD_THREADS); a bad setting fails", () => {
    const seeds = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`s${i}.txt`, seedText({ headline: i % 4 === 0 ? `Story\u000B ${i}` : `Story ${i}`, body: [`Geneva, Nov ${10 + i} (EFE).- Diplomats met ${i}.`, "More."] })]),
    );
    const files = () => {
      const dir = join(workdir, "out");
      const all = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => statSync(join(dir, name)).isFile());
      return Object.fromEntries([...all.sort().map((name) => [name, readFileSync(join(dir, name)).toString("base64")]), ["published.tsv", readFileSync(record(), "utf8")]]);
    };
    const runs = ["1", "3"].map((threads) => {
      rmSync(join(workdir, "out"), { recursive: true, force: true });
      rmSync(record(), { force: true });
      const run = build(seeds, [], { WIREFEED_BUILD_THREADS: threads });
      expect(run.status).toBe(0);
      return { stderr: run.stderr, files: files() };
    });
    expect(runs[0]!.stderr.match(/^warning: seeds\/s\d\.txt:3: character U\+000B dropped/gm)).toHaveLength(3);
    expect(runs[1]).toEqual(runs[0]);
    const bad = build(seeds, [], { WIREFEED_BUILD_THREADS: "all" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('WIREFEED_BUILD_THREADS "all" is not a number of threads, expected a whole number from 1 to 999\n');
    expect(existsSync(out())).toBe(false);
  });

  it("fails on a folder with no seeds", () => {
    const empty = build({});
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain("seeds: no .txt seeds, expected at least one article\n");
  });

  it("reads every *.txt in any case, skips dot files and folders, and names an unreadable entry instead of a stack trace", () => {
    mkdirSync(join(workdir, "seeds/folder.txt"), { recursive: true });
    symlinkSync("nowhere.txt", join(workdir, "seeds/.#draft.txt"));
    const skipping = build({ "STORY.TXT": seedText({ headline: "Shouted" }), "notes.md": "not a seed", "a.txt": seedText() });
    expect(skipping.status).toBe(0);
    expect(skipping.stderr).toBe("warning: seeds/folder.txt: a folder named like a seed; skipped, expected a .txt file\n");
    expect(readArticles(out()).map((a) => a.id).sort()).toEqual(["STORY", "a"]);

    symlinkSync("gone.txt", join(workdir, "seeds/linked.txt"));
    const dangling = build({});
    expect(dangling.status).toBe(1);
    expect(dangling.stderr).toContain('seeds/linked.txt: a symbolic link to "gone.txt", which does not exist, expected a readable .txt file (or no link)\n');
    expect(dangling.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out())).toBe(false);
  });

  it("--encoding (WIREFEED_ENCODING) reads seeds that are not UTF-8; an unknown one fails", () => {
    const latin = Buffer.from(seedText({ headline: "La economía crece en España" }), "latin1");
    expect(latin.includes(0xed)).toBe(true);
    mkdirSync(join(workdir, "seeds"));
    writeFileSync(join(workdir, "seeds/latin.txt"), latin);
    expect(build({}).stderr).toContain("seeds/latin.txt:3: bytes 0xED, 0xF1 that are not UTF-8, expected UTF-8 text");
    expect(build({}, ["--encoding", "windows-1252"]).status).toBe(0);
    expect(readArticles(out())[0]!.title).toBe("La economía crece en España");
    expect(build({}, [], { WIREFEED_ENCODING: "ebcdic" }).stderr).toContain('WIREFEED_ENCODING "ebcdic" is not an encoding wirefeed reads, expected one of utf-8, windows-1252, iso-8859-15\n');
  });
});
