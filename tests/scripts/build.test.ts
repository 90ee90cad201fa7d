import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readArticles } from "../../scripts/articles-file";
import { seedText } from "../support/seeds";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const BUILD = join(ROOT, "scripts/build.ts");

let workdir: string;
const out = () => join(workdir, "out/articles.ts");
const pack = () => join(workdir, "out/articles.bin");

/** Run the build as `npm run build` does, in a project folder with `seeds/` holding `seeds`. */
function build(seeds: Record<string, string>, ...args: string[]) {
  mkdirSync(join(workdir, "seeds"), { recursive: true });
  for (const [name, text] of Object.entries(seeds)) writeFileSync(join(workdir, "seeds", name), text);
  const run = spawnSync(process.execPath, [TSX, BUILD, "--seeds", "seeds", "--out", "out/articles.ts", "--reference", "2026-11-29", ...args], {
    cwd: workdir,
    encoding: "utf8",
    env: { ...process.env, WIREFEED_SEEDS: "", WIREFEED_REFERENCE_DATE: "" },
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
  it("compiles good seeds into the module the Worker imports, exit 0", async () => {
    const seed = readFileSync(join(ROOT, "seeds/000_854574d7f70e4787.txt"), "utf8");
    const run = build({ "000_854574d7f70e4787.txt": seed, "london.txt": seedText({ body: ["LONDON, March 7 (Reuters) - Sterling held.", "More."] }) });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^wirefeed build: 2 articles from seeds\/\*\.txt → out\/articles\.ts in \d+ ms \(year reference 2026-11-29, from --reference\)\n$/);
    expect(readFileSync(out(), "utf8")).toContain('from "./articles.bin"');
    const ARTICLES = readArticles(out());
    expect(ARTICLES.map((a) => [a.id, a.published])).toEqual([
      ["london", "2026-03-07T12:00:00Z"],
      ["000_854574d7f70e4787", "2022-01-21T12:00:00Z"],
    ]);
  });

  it("prints every problem of every broken seed, exits 1 and removes the old output", () => {
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
        'seeds/front.txt:2: unknown front matter key "colour", expected one of id, date, updated, author, category, tags, slug, summary, image, language, place, encoding',
        'seeds/front.txt:3: date "2022-02-30T10:00:00Z", expected an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00',
        'seeds/undated.txt:5: no dateline and no front matter date, expected a dateline such as "Geneva, Jan 21 (EFE).- ", or front matter date: 2022-01-21T09:00:00+01:00',
        'seeds/twin.txt:1: id "good" already used by seeds/good.txt, expected a unique id (rename the file or set front matter id)',
        "wirefeed build failed: 5 problems; nothing was written.",
        "",
      ].join("\n"),
    );
    expect(existsSync(out())).toBe(false);
    expect(existsSync(pack())).toBe(false);
  });

  it("warns about dropped characters with file:line and still builds", () => {
    const run = build({ "story.txt": seedText({ headline: "Talks\u000B end" }) });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("warning: seeds/story.txt:3: character U+000B dropped, expected text without characters XML 1.0 forbids\n");
    expect(existsSync(out())).toBe(true);
  });

  it("fails on a folder with no seeds, and on a bad reference date", () => {
    const empty = build({});
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain("seeds: no .txt seeds, expected at least one article\n");
    const badReference = build({ "story.txt": seedText() }, "--reference", "someday");
    expect(badReference.status).toBe(1);
    expect(badReference.stderr).toContain('reference date "someday" is not a date, expected YYYY-MM-DD\n');
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
    expect(build({}, "--encoding", "windows-1252").status).toBe(0);
    expect(readArticles(out())[0]!.title).toBe("La economía crece en España");
    process.env.WIREFEED_ENCODING = "ebcdic";
    try {
      expect(build({}).stderr).toContain('WIREFEED_ENCODING "ebcdic" is not an encoding wirefeed reads, expected one of utf-8, windows-1252, iso-8859-15\n');
    } finally {
      delete process.env.WIREFEED_ENCODING;
    }
  });
});
