/**
 * gofeed (Debian golang-github-mmcdole-gofeed-dev, built with Debian's golang-go):
 * clients/gofeed/main.go is compiled offline against the Debian source in
 * /usr/share/gocode (GOPATH mode, no module proxy), with its build cache in the
 * system's temporary folder, then run once over every saved document.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Served } from "../support/site";
import { requireTool, run } from "../support/tools";

export interface GofeedItem {
  guid: string;
  title: string;
  link: string;
  published: string | null;
  updated: string | null;
  author: string | null;
  authors: string[];
  categories: string[];
  description: string;
  content: string;
  enclosures: Array<{ url: string; type: string; length: string }>;
  image: string | null;
  /** The `url` of each Media RSS `media:content`, from gofeed's extensions. */
  mediaContent: string[];
}

export interface GofeedResult {
  error?: string;
  feedType: string;
  title: string;
  link: string;
  feedLink: string;
  language: string;
  updated: string | null;
  author: string | null;
  items: GofeedItem[];
}

/** Where Debian installs Go library sources. */
const GOCODE = "/usr/share/gocode";
const SOURCE = resolve(import.meta.dirname, "gofeed");
const INSTALL_HINT = "install the conformance tools with `bash scripts/ci-deps.sh` (as root)";

/** Builds gofeed-dump; returns the path of the binary. Throws, naming the package to install, when Go or gofeed is missing. */
export async function buildGofeed(): Promise<string> {
  requireTool("go", ["version"], "Go (Debian golang-go)");
  if (!existsSync(join(GOCODE, "src/github.com/mmcdole/gofeed"))) {
    throw new Error(`gofeed's source is missing from ${GOCODE} (Debian golang-github-mmcdole-gofeed-dev); ${INSTALL_HINT}`);
  }
  const binary = join(mkdtempSync(join(tmpdir(), "wirefeed-gofeed-")), "gofeed-dump");
  const env = {
    ...process.env,
    // GOPATH mode: imports resolve in Debian's source tree; nothing is fetched.
    GO111MODULE: "off",
    GOPATH: GOCODE,
    GOFLAGS: "",
    GOPROXY: "off",
    GOCACHE: join(tmpdir(), "wirefeed-gocache"),
  };
  const result = await run("go", ["build", "-o", binary, "."], { cwd: SOURCE, env, timeoutMs: 300_000 });
  if (result.code !== 0) throw new Error(`go build of ${SOURCE} failed:\n${result.stderr}`);
  return binary;
}

/** What gofeed reads in each of `documents`, in order: one process for them all. */
export async function gofeed(binary: string, documents: readonly Served[]): Promise<GofeedResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "wirefeed-gofeed-docs-"));
  const files = documents.map((served, i) => {
    const file = join(dir, `document-${i}`);
    writeFileSync(file, served.bytes);
    return file;
  });
  const result = await run(binary, files);
  if (result.code !== 0) throw new Error(`gofeed-dump exited ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as GofeedResult[];
}
