import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { devConfig } from "../../scripts/dev-config";
import { seedText } from "../support/seeds";

const ROOT = resolve(import.meta.dirname, "../..");

let workdir: string;
beforeEach(() => {
  workdir = mkdtempSync(join(tmpdir(), "wirefeed-dev-build-"));
  mkdirSync(join(workdir, "seeds"));
});
afterEach(() => {
  rmSync(workdir, { recursive: true, force: true });
});

/** The build as the dev server runs it (`env`: WIREFEED_DEV=1 from npm start, WRANGLER_COMMAND=dev from wrangler dev). */
function build(seeds: Record<string, string>, env: Record<string, string | undefined>) {
  for (const [name, text] of Object.entries(seeds)) writeFileSync(join(workdir, "seeds", name), text);
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/build.ts"), "--seeds", "seeds", "--out", "out/articles.ts"], {
    cwd: workdir,
    encoding: "utf8",
    env: { ...process.env, WIREFEED_SEEDS: "", WIREFEED_TODAY: "2026-11-29", WIREFEED_DEV: "", WRANGLER_COMMAND: "", ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, module: () => readFileSync(join(workdir, "out/articles.ts"), "utf8") };
}

/** A story filed two days before the build's today: nothing to warn about. */
const GOOD = seedText({ body: ["Geneva, Nov 27 (EFE).- Diplomats met on Friday.", "Talks will continue next week."] });
const BROKEN = { "undated.txt": seedText({ body: ["No dateline.", "More."] }), "empty.txt": "" };
const PROBLEMS = [
  "seeds/empty.txt:1: an empty seed, expected a section line, a headline and at least one paragraph",
  'seeds/undated.txt:5: no dateline and no front matter date, expected a dateline such as "LONDON, Dec 4 (Reuters) - ", "Madrid, 4 dic (EFE).- ", "WASHINGTON (AP) — ", "(ANSA) - ROMA, 4 DIC - ", "SYDNEY, Dec 4 AAP - ", "MOSCOW, December 4. /TASS/. ", "OTTAWA — ", or front matter date: 2022-01-21T09:00:00+01:00',
];

describe("a preview (issue 17)", () => {
  it.each([{ WIREFEED_DEV: "1" }, { WRANGLER_COMMAND: "dev" }])("with %j: serves the drafts and writes nothing to the publication record", (env) => {
    const run = build({ "good.txt": GOOD }, env);
    expect(run.status).toBe(0);
    expect(existsSync(join(workdir, "out/articles.bin"))).toBe(true);
    expect(existsSync(join(workdir, "seeds/published.tsv"))).toBe(false);
    expect(run.stdout).toContain("1 new story previewed, not recorded (npm run build records)");
    // `npm run build` publishes.
    expect(build({}, {}).status).toBe(0);
    expect(existsSync(join(workdir, "seeds/published.tsv"))).toBe(true);
  });
});

describe("a failed build for the dev server", () => {
  it.each([{ WIREFEED_DEV: "1" }, { WRANGLER_COMMAND: "dev" }])("with %j: prints each problem once, no stack trace, writes the module that serves them, exits 0", (env) => {
    expect(build({ "good.txt": GOOD }, env).status).toBe(0);
    expect(existsSync(join(workdir, "out/articles.bin"))).toBe(true);
    const run = build(BROKEN, env);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe([...PROBLEMS, "wirefeed build failed: 2 problems; the dev server answers 503 listing them until the seeds compile.", ""].join("\n"));
    expect(run.module()).toContain(`export const BUILD_PROBLEMS: readonly string[] = ${JSON.stringify(PROBLEMS, null, 2)};`);
    expect(run.module()).toContain("export const CORPUS = null;");
    expect(existsSync(join(workdir, "out/articles.bin"))).toBe(false);
  });

  it("the next good build serves the articles again", () => {
    build(BROKEN, { WIREFEED_DEV: "1" });
    rmSync(join(workdir, "seeds/empty.txt"));
    writeFileSync(join(workdir, "seeds/undated.txt"), GOOD);
    const run = build({}, { WIREFEED_DEV: "1" });
    expect(run.status).toBe(0);
    expect(run.module()).toContain("export const BUILD_PROBLEMS: readonly string[] = [];");
    expect(existsSync(join(workdir, "out/articles.bin"))).toBe(true);
  });

  it("`npm run build` and deploy (WRANGLER_COMMAND=deploy) still fail and write nothing", () => {
    for (const env of [{}, { WRANGLER_COMMAND: "deploy" }]) {
      const run = build(BROKEN, env);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("wirefeed build failed: 2 problems; nothing was written.");
      expect(existsSync(join(workdir, "out/articles.ts"))).toBe(false);
    }
  });
});

describe("wrangler.toml for npm start", () => {
  const DEV = { main: ".wrangler/dev-build/index.ts", assets: ".wrangler/dev-build/articles.archive", siteUrl: "http://localhost:8787" };

  it("keeps everything but the [build] table, pointing main, the assets and SITE_URL at the dev server's own build and origin", () => {
    const toml = [
      'name = "x"', 'main = "src/index.ts"', "", "[assets]", 'directory = "src/generated/articles.archive"', 'binding = "ARCHIVE"', "",
      "[build]", 'command = "npm run build"', 'watch_dir = "seeds"', "", "[vars]", "# the site", 'SITE_URL = "https://x.example"', 'SITE_TITLE = "X"', "",
    ].join("\n");
    expect(devConfig(toml, "wrangler.toml", DEV).split("\n").slice(1)).toEqual([
      'name = "x"', 'main = ".wrangler/dev-build/index.ts"', "", "[assets]", 'directory = ".wrangler/dev-build/articles.archive"', 'binding = "ARCHIVE"', "",
      "[vars]", 'SITE_URL = "http://localhost:8787"', "# the site", 'SITE_TITLE = "X"', "",
    ]);
  });

  it("adds main and SITE_URL where wrangler.toml has none", () => {
    const dev = devConfig('name = "x"\n[vars]\nSITE_TITLE = "X"\n', "wrangler.toml", DEV).split("\n").slice(1);
    expect(dev).toEqual(['main = ".wrangler/dev-build/index.ts"', 'name = "x"', "[vars]", 'SITE_URL = "http://localhost:8787"', 'SITE_TITLE = "X"', ""]);
    expect(devConfig('name = "x"\n', "wrangler.toml", DEV).split("\n").slice(1)).toEqual(['main = ".wrangler/dev-build/index.ts"', 'name = "x"', "", "", "[vars]", 'SITE_URL = "http://localhost:8787"', ""]);
  });

  it("the project's own wrangler.toml loses its build step and keeps every other setting", () => {
    const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
    const dev = devConfig(toml, "wrangler.toml", DEV);
    expect(dev).not.toMatch(/^\s*\[build\]|^\s*command\s*=/m);
    expect(dev).toMatch(/^main = "\.wrangler\/dev-build\/index\.ts"$/m);
    expect(dev).toMatch(/^directory = "\.wrangler\/dev-build\/articles\.archive"$/m);
    const replaced = /^\s*(command|watch_dir|main|directory|SITE_URL)\s*=/;
    for (const line of toml.split("\n").filter((line) => /^\s*\w+\s*=/.test(line) && !replaced.test(line))) expect(dev).toContain(line);
  });

  it("a build step written as a key is an error naming file:line", () => {
    expect(() => devConfig('name = "x"\nbuild = { command = "make" }\n', "wrangler.toml", DEV)).toThrow(
      "wrangler.toml:2: a build step written as a key, expected a [build] table (npm start runs the build itself and leaves that table out)",
    );
  });
});
