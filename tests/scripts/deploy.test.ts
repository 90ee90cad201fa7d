import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deployPublishes, deployTopics, publishToHub } from "../../scripts/websub";
import { scratchProject } from "../support/dev-server";
import { articles, seedText } from "../support/seeds";
import { site } from "../support/documents";

interface Hub {
  url: string;
  /** Every request the hub got: method and form fields. */
  received: Array<{ method: string; form: Record<string, string> }>;
  close(): Promise<void>;
}

/** A WebSub hub on a free local port that records what it is sent and accepts it (204). */
function localHub(): Promise<Hub> {
  const received: Hub["received"] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ method: request.method ?? "", form: Object.fromEntries(new URLSearchParams(body)) });
      response.writeHead(204).end();
    });
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      done({ url: `http://127.0.0.1:${port}/`, received, close: () => new Promise((closed) => server.close(() => closed())) });
    }),
  );
}

/** `npm run deploy -- args` in `dir`, without Cloudflare credentials; resolves when it exits. */
function deploy(dir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn("npm", ["run", "deploy", "--", ...args], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CLOUDFLARE_API_TOKEN: "", CLOUDFLARE_ACCOUNT_ID: "", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", WIREFEED_SEEDS: "", WIREFEED_TODAY: "2026-11-29" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.on("exit", (code) => done({ code, output })));
}

/** A scratch project over the fixture corpus whose wrangler.toml names `hub` as its WebSub hub. */
function projectWithHub(hub: Hub): string {
  const dir = scratchProject("tests/fixtures/seeds");
  projects.push(dir);
  const toml = join(dir, "wrangler.toml");
  writeFileSync(toml, readFileSync(toml, "utf8").replace(/^WEBSUB_HUB = ".*"$/m, `WEBSUB_HUB = "${hub.url}"`));
  return dir;
}

let hub: Hub | undefined;
const projects: string[] = [];
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("npm run deploy", () => {
  it("with --dry-run bundles the Worker, uploads nothing and pings no hub", async () => {
    hub = await localHub();
    const dir = projectWithHub(hub);
    const run = await deploy(dir, ["--dry-run", "--outdir", "dist"]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("--dry-run: exiting now.");
    expect(run.output).toContain(`WebSub: a dry run deploys nothing; ${hub.url} not notified.`);
    expect(existsSync(join(dir, "dist/index.js"))).toBe(true);
    expect(hub.received).toEqual([]);
  }, 120_000);

  it("stopped by a broken seed, uploads nothing and pings no hub", async () => {
    hub = await localHub();
    const dir = projectWithHub(hub);
    writeFileSync(join(dir, "seeds/broken.txt"), "");
    const run = await deploy(dir, []);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("seeds/broken.txt:1: an empty seed");
    expect(run.output).toContain("wirefeed build failed: 1 problem; nothing was written.");
    expect(hub.received).toEqual([]);
  }, 120_000);

  it("stops on a story missing from the committed publication record, which it leaves as it was", async () => {
    hub = await localHub();
    const dir = projectWithHub(hub);
    const record = readFileSync(join(dir, "seeds/published.tsv"), "utf8");
    writeFileSync(join(dir, "seeds/new-story.txt"), seedText({ body: ["Geneva, Nov 27 (EFE).- Talks opened.", "More."] }));
    const run = await deploy(dir, ["--dry-run", "--outdir", "dist"]);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("seeds/new-story.txt:1: a story not in the publication record seeds/published.tsv");
    expect(readFileSync(join(dir, "seeds/published.tsv"), "utf8")).toBe(record);
    expect(hub.received).toEqual([]);
  }, 120_000);

  it("after a deploy that publishes, the hub gets one publish ping per current feed of the site and of each section", async () => {
    // What deploy.ts does once `wrangler deploy` succeeded (a real upload needs Cloudflare credentials).
    hub = await localHub();
    const config = site({ WEBSUB_HUB: hub.url });
    const corpus = articles({
      "a.txt": seedText({ section: "Politics", body: ["Geneva, Jan 10 (EFE).- Talks opened.", "More."] }),
      "b.txt": seedText({ section: "Economía", headline: "Sube el paro", body: ["Madrid, 12 ene (EFE).- El paro subió.", "Más."] }),
    });
    const results = await publishToHub(hub.url, deployTopics(config, corpus));
    expect(results.map((result) => result.status)).toEqual(Array(9).fill(204));
    const topics = hub.received.map(({ method, form }) => `${method} ${form["hub.mode"]} ${form["hub.url"]}`).sort();
    expect(topics).toEqual(
      ["/", "/sections/economia/", "/sections/politics/"]
        .flatMap((prefix) => ["feed.xml", "atom.xml", "feed.json"].map((file) => `POST publish https://news.example.com${prefix}${file}`))
        .sort(),
    );
  });

  it("pings only when wrangler deploy uploads: not with --dry-run", () => {
    expect(deployPublishes([])).toBe(true);
    expect(deployPublishes(["--minify"])).toBe(true);
    expect(deployPublishes(["--dry-run"])).toBe(false);
    expect(deployPublishes(["--outdir", "dist", "--dry-run=true"])).toBe(false);
    expect(deployPublishes(["--dry-run=false"])).toBe(true);
    expect(deployPublishes(["--dry-run", "--no-dry-run"])).toBe(true);
  });
});
