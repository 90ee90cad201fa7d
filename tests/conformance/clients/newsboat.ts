/**
 * newsboat, subscribed non-interactively: a urls file and an empty config in
 * a temporary HOME, `newsboat -x reload print-unread`, then the items it
 * stored, read from its cache with the sqlite3 command (Debian sqlite3).
 * One feed per run: newsboat keys items by guid, and RSS and Atom share them.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../support/tools";

export interface NewsboatItem {
  guid: string;
  title: string;
  author: string;
  url: string;
  pubDate: number;
  content: string;
}

export interface NewsboatResult {
  unreadLine: string;
  items: NewsboatItem[];
}

export async function newsboat(feedUrl: string): Promise<NewsboatResult> {
  const home = mkdtempSync(join(tmpdir(), "wirefeed-newsboat-"));
  const urls = join(home, "urls");
  const config = join(home, "config");
  const cache = join(home, "cache.db");
  writeFileSync(urls, `${feedUrl}\n`);
  writeFileSync(config, "");
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home };
  const result = await run("newsboat", ["-u", urls, "-C", config, "-c", cache, "-x", "reload", "print-unread"], { env, timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`newsboat exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  const items = await readCache(cache, feedUrl);
  return { unreadLine: result.stdout.trim(), items };
}

async function readCache(cache: string, feedUrl: string): Promise<NewsboatItem[]> {
  const query = `SELECT guid, title, author, url, pubDate, content FROM rss_item WHERE feedurl = '${feedUrl.replace(/'/g, "''")}' ORDER BY pubDate DESC, id ASC`;
  const result = await run("sqlite3", ["-json", cache, query]);
  if (result.code !== 0) throw new Error(`sqlite3 could not read newsboat's cache:\n${result.stderr}`);
  return result.stdout.trim() === "" ? [] : (JSON.parse(result.stdout) as NewsboatItem[]);
}
