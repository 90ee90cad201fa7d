import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deployConfig, deployTarget } from "../../scripts/deploy-args";
import { deployTopics, publishToHub } from "../../scripts/websub";
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

/**
 * Every connection wrangler or the script would make to the network goes
 * through this proxy (HTTP_PROXY and HTTPS_PROXY, which wrangler's fetches
 * honour), which refuses it and remembers where it was going.
 */
function localProxy(): Promise<{ url: string; contacted: string[]; close(): Promise<void> }> {
  const contacted: string[] = [];
  const server: Server = createServer((request, response) => {
    contacted.push(`${request.method} ${request.url}`);
    response.writeHead(502).end();
  });
  server.on("connect", (request, socket) => {
    contacted.push(`CONNECT ${request.url}`);
    socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      done({ url: `http://127.0.0.1:${port}`, contacted, close: () => new Promise((closed) => server.close(() => closed())) });
    }),
  );
}

/** `npm run deploy -- args` in `dir`, without Cloudflare credentials, telemetry left as the project sets it; resolves when it exits. */
function deploy(dir: string, args: string[], proxy?: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CLOUDFLARE_API_TOKEN: "", CLOUDFLARE_ACCOUNT_ID: "", CLOUDFLARE_CF_FETCH_ENABLED: "false", WIREFEED_SEEDS: "", WIREFEED_TODAY: "2026-11-29" };
  delete env.WRANGLER_SEND_METRICS;
  if (proxy !== undefined) Object.assign(env, { HTTP_PROXY: proxy, HTTPS_PROXY: proxy, http_proxy: proxy, https_proxy: proxy, NO_PROXY: "", no_proxy: "" });
  const child = spawn("npm", ["run", "deploy", "--", ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], env });
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
  // Every spelling wrangler reads as a dry run (its yargs: camelCase aliases, =value, a separate true, the last one wins).
  for (const spelling of [["--dry-run"], ["--dryRun"], ["--dry-run=true"], ["--dryRun=true"], ["--dry-run", "true"], ["--no-dry-run", "--dry-run"]]) {
    it(`with ${spelling.join(" ")} bundles the Worker, uploads nothing, pings no hub and contacts nothing, without the telemetry notice`, async () => {
      expect(deployTarget(spelling).dryRun).toBe(true);
      hub = await localHub();
      const proxy = await localProxy();
      try {
        const dir = projectWithHub(hub);
        const run = await deploy(dir, [...spelling, "--outdir", "dist"], proxy.url);
        expect(run.code, run.output).toBe(0);
        expect(run.output).toContain("--dry-run: exiting now.");
        expect(run.output).toContain(`WebSub: a dry run deploys nothing; ${hub.url} not notified.`);
        expect(run.output).not.toContain("telemetry");
        expect(existsSync(join(dir, "dist/index.js"))).toBe(true);
        expect(hub.received).toEqual([]);
        expect(proxy.contacted).toEqual([]);
      } finally {
        await proxy.close();
      }
    }, 120_000);
  }

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
    // Said once, by the build, and no stack trace from wrangler.
    expect(run.output.split("seeds/new-story.txt:1: a story not in the publication record seeds/published.tsv")).toHaveLength(2);
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(run.output).not.toContain("[ERROR]");
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

  it("reads its arguments as wrangler does: which are a dry run, which environment and file", () => {
    for (const args of [["--dry-run"], ["--dryRun"], ["--dry-run=true"], ["--dryRun=true"], ["--dry-run", "true"], ["--outdir", "dist", "--dry-run"], ["--no-dry-run", "--dry-run"]]) {
      expect(deployTarget(args).dryRun, args.join(" ")).toBe(true);
    }
    // yargs reads any value but "true" as false, and the last spelling wins; after "--" nothing is an option.
    for (const args of [[], ["--minify"], ["--dry-run=false"], ["--dry-run", "false"], ["--dryRun=false"], ["--no-dry-run"], ["--no-dryRun"], ["--dry-run", "--no-dry-run"], ["--dry-run=1"], ["--", "--dry-run"]]) {
      expect(deployTarget(args).dryRun, args.join(" ")).toBe(false);
    }
    expect(deployTarget(["-e", "staging", "-c", "other.toml"])).toEqual({ dryRun: false, env: "staging", config: "other.toml" });
    expect(deployTarget(["--env=production", "--config=a.toml", "--env", "staging"])).toEqual({ dryRun: false, env: "staging", config: "a.toml" });
  });

  it("announces the environment it deploys (--env, --config) to that environment's hub, at that environment's URLs", async () => {
    hub = await localHub();
    const dir = scratchProject("tests/fixtures/seeds");
    projects.push(dir);
    const toml = readFileSync(join(dir, "wrangler.toml"), "utf8").replace(/^WEBSUB_HUB = ".*"$/m, 'WEBSUB_HUB = "https://hub.example.com/"');
    const staging = `\n[env.staging.vars]\nSITE_URL = "https://staging.example.org"\nSITE_TITLE = "Staging"\nSITE_DESCRIPTION = "Staging site"\nSITE_LANGUAGE = "en"\nTAG_PREFIX = "tag:staging.example.org,2026:"\nWEBSUB_HUB = "${hub.url}"\n`;
    writeFileSync(join(dir, "wrangler.toml"), toml + staging);
    writeFileSync(join(dir, "other.toml"), toml.replace("https://hub.example.com/", hub.url).replace(/^SITE_URL = ".*"$/m, 'SITE_URL = "https://other.example.net"'));
    expect(deployConfig(deployTarget([]), dir).hub).toBe("https://hub.example.com/");
    // CLOUDFLARE_ENV names the environment when --env does not, for wrangler and so for the hub.
    const outer = process.env.CLOUDFLARE_ENV;
    process.env.CLOUDFLARE_ENV = "staging";
    try {
      expect(deployConfig(deployTarget([]), dir).siteUrl).toBe("https://staging.example.org");
    } finally {
      if (outer === undefined) delete process.env.CLOUDFLARE_ENV;
      else process.env.CLOUDFLARE_ENV = outer;
    }
    const corpus = articles({ "a.txt": seedText({ section: "Politics", body: ["Geneva, Jan 10 (EFE).- Talks opened.", "More."] }) });
    for (const [args, origin] of [[["--env", "staging"], "https://staging.example.org"], [["-c", "other.toml"], "https://other.example.net"]] as const) {
      const config = deployConfig(deployTarget(args), dir);
      expect(config.hub).toBe(hub.url);
      hub.received.length = 0;
      await publishToHub(config.hub!, deployTopics(config, corpus));
      expect(hub.received.map(({ form }) => form["hub.url"]).sort()).toEqual(["/", "/sections/politics/"].flatMap((prefix) => ["feed.xml", "atom.xml", "feed.json"].map((file) => `${origin}${prefix}${file}`)).sort());
    }
  });
});
