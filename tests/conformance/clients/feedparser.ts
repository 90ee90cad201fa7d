/** Runs clients/feedparser-dump.py on served feeds and returns what feedparser saw in each. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Served } from "../support/site";
import { SYSTEM_PYTHON, run } from "../support/tools";

export interface FeedparserEntry {
  title: string | null;
  title_type: string | null;
  link: string | null;
  id: string | null;
  published: string | null;
  updated: string | null;
  author: string | null;
  tags: Array<{ term: string | null; label: string | null }>;
  summary: string | null;
  summary_type: string | null;
  content: Array<{ type: string | null; value: string | null }>;
  language: string | null;
  enclosures: Array<{ href: string | null; type: string | null; length: string | null }>;
  /** Media RSS `media:content`, each with its attributes as feedparser keeps them (strings). */
  media_content: Array<Record<string, string>>;
  media_credit: Array<string | null>;
  authors: Array<{ name: string | null }>;
  contributors: Array<{ name: string | null }>;
  rights: string | null;
  rights_type: string | null;
}

export interface FeedparserResult {
  version: string;
  bozo: boolean;
  bozo_exception: string | null;
  feed: { title: string | null; link: string | null; id: string | null; updated: string | null; links: Array<Record<string, string>> };
  entries: FeedparserEntry[];
}

const SCRIPT = resolve(import.meta.dirname, "feedparser-dump.py");

/** What feedparser reads in each of `feeds`, in order: one Python process for them all. */
export async function feedparser(feeds: readonly Served[]): Promise<FeedparserResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "wirefeed-feedparser-"));
  const args = feeds.flatMap((served, i) => {
    const file = join(dir, `feed-${i}`);
    writeFileSync(file, served.bytes);
    return [file, served.url, served.contentType];
  });
  const result = await run(SYSTEM_PYTHON, [SCRIPT, ...args]);
  if (result.code !== 0) throw new Error(`feedparser-dump.py exited ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as FeedparserResult[];
}
