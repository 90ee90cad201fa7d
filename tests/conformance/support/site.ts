/**
 * The documents wirefeed serves, fetched over HTTP from the `wrangler dev`
 * that global-setup started: the three feeds, the home page and every article
 * page the JSON Feed links to. Fetched once per test file.
 */
import { inject } from "vitest";
import { DOCUMENTS } from "./constants";

export interface Served {
  url: string;
  status: number;
  contentType: string;
  /** The bytes as served (after Content-Encoding), for tools that read files. */
  bytes: Uint8Array;
  /** The bytes as UTF-8; invalid UTF-8 fails the fetch. A BOM would stay visible here. */
  body: string;
}

export interface ServedSite {
  baseUrl: string;
  rss: Served;
  atom: Served;
  json: Served;
  home: Served;
  /** Article pages by URL, for every item of the JSON Feed. */
  pages: Map<string, Served>;
}

export function baseUrl(): string {
  return inject("baseUrl");
}

export async function get(url: string): Promise<Served> {
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  return { url, status: response.status, contentType: response.headers.get("Content-Type") ?? "", bytes, body };
}

let site: Promise<ServedSite> | undefined;

export function servedSite(): Promise<ServedSite> {
  return (site ??= load());
}

async function load(): Promise<ServedSite> {
  const base = baseUrl();
  const [rss, atom, json, home] = await Promise.all([DOCUMENTS.rss, DOCUMENTS.atom, DOCUMENTS.json, DOCUMENTS.home].map((path) => get(`${base}${path}`)));
  const items = (JSON.parse(json!.body) as { items: Array<{ url: string }> }).items;
  const pages = new Map<string, Served>();
  for (const { url } of items) pages.set(url, await get(url));
  return { baseUrl: base, rss: rss!, atom: atom!, json: json!, home: home!, pages };
}
