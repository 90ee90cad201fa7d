/**
 * Site settings: the `[vars]` of wrangler.toml. Every absolute URL wirefeed
 * writes comes from here, never from the request (Workers Cache keys ignore
 * the Host header, so a request-derived URL could be served to another host).
 */
/** Every variable wirefeed reads from its env: nothing else can change what it serves. */
export const ENV_NAMES = [
  "SITE_URL",
  "SITE_TITLE",
  "SITE_DESCRIPTION",
  "SITE_LANGUAGE",
  "SITE_AUTHOR",
  "TAG_PREFIX",
  "FEED_ITEMS",
  "FEED_MAX_AGE",
  "FEED_STALE_WHILE_REVALIDATE",
  "FEED_STALE_IF_ERROR",
  "PAGE_MAX_AGE",
  "NOT_FOUND_MAX_AGE",
  "WEBSUB_HUB",
  "SHOW_DESK_CODES",
  "SITE_AGENCY",
] as const;

export type Env = { [Name in (typeof ENV_NAMES)[number]]?: string };

/** The variables of `env` wirefeed reads, and nothing else. */
export function envVars(env: Env): Env {
  const vars: Env = {};
  for (const name of ENV_NAMES) if (env[name] !== undefined) vars[name] = env[name];
  return vars;
}

export interface SiteConfig {
  /** The public origin, without a trailing slash: `https://news.example.com`. */
  siteUrl: string;
  title: string;
  description: string;
  language: string;
  /** The publisher, the feeds' author. */
  author: string;
  /** `tag:news.example.com,2022:`: prefix of every feed and item id; must never change once published. */
  tagPrefix: string;
  /** How many newest articles each feed carries. */
  feedItems: number;
  /** Seconds; one set of numbers drives Cache-Control and the feeds' own hints (RSS ttl, sy:). */
  cache: {
    feedMaxAge: number;
    feedStaleWhileRevalidate: number;
    feedStaleIfError: number;
    pageMaxAge: number;
    notFoundMaxAge: number;
  };
  /** WebSub hub the feeds advertise, if any. */
  hub?: string;
  /** Whether article pages show the editors' initials (`is/mp`): desk codes, not for readers unless the site wants them. */
  showDeskCodes: boolean;
  /**
   * The agency credited for copy that names none (no agency in its dateline,
   * sign-off or front matter): a publisher that carries only its own copy. A
   * build-time setting: the build writes it into those articles.
   */
  agency?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`wirefeed is misconfigured (wrangler.toml [vars]):\n${problems.map((p) => `- ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const TAG_PREFIX = /^tag:[a-z0-9.-]+\.[a-z]{2,}(?:@[a-z0-9.-]+)?,\d{4}(?:-\d{2}(?:-\d{2})?)?:$/i;
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Validate `env` into a SiteConfig, reporting every bad variable at once. */
export function parseConfig(env: Env): SiteConfig {
  const problems: string[] = [];
  const text = (name: keyof Env, max: number): string => {
    const value = env[name]?.trim() ?? "";
    if (value === "" || value.length > max) problems.push(`${name} is ${value === "" ? "missing" : `${value.length} characters`}, expected text of 1 to ${max} characters`);
    return value;
  };
  const siteUrl = (env.SITE_URL ?? "").trim().replace(/\/+$/, "");
  let url: URL | undefined;
  try {
    url = new URL(siteUrl);
  } catch {
    // reported below
  }
  // An origin only: the Worker serves its routes from the root of its host.
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== siteUrl) {
    problems.push(`SITE_URL is "${env.SITE_URL ?? ""}", expected an http(s) origin with no path, such as https://news.example.com`);
  }
  const title = text("SITE_TITLE", 200);
  const description = text("SITE_DESCRIPTION", 1000);
  const language = (env.SITE_LANGUAGE ?? "").trim();
  if (!LANGUAGE.test(language)) problems.push(`SITE_LANGUAGE is "${language}", expected a BCP 47 language tag such as en or es-ES`);
  const tagPrefix = (env.TAG_PREFIX ?? "").trim();
  if (!TAG_PREFIX.test(tagPrefix)) {
    problems.push(`TAG_PREFIX is "${tagPrefix}", expected an RFC 4151 tag prefix such as tag:news.example.com,2022: (a domain you owned on that date)`);
  }
  const whole = (name: keyof Env, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    const value = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} is "${raw}", expected a whole number from ${min} to ${max}`);
    return value;
  };
  const feedItems = whole("FEED_ITEMS", 50, 1, 1000);
  const cache = {
    // At least a minute: RSS <ttl> counts minutes and must not say 0.
    feedMaxAge: whole("FEED_MAX_AGE", 300, 60, 86_400),
    // None by default: a cache may show a stale copy for as long, and a withdrawn story must leave
    // every cache that obeys the headers within FEED_MAX_AGE (README, "Caching").
    feedStaleWhileRevalidate: whole("FEED_STALE_WHILE_REVALIDATE", 0, 0, 604_800),
    feedStaleIfError: whole("FEED_STALE_IF_ERROR", 86_400, 0, 2_592_000),
    pageMaxAge: whole("PAGE_MAX_AGE", 300, 0, 86_400),
    notFoundMaxAge: whole("NOT_FOUND_MAX_AGE", 60, 0, 3_600),
  };
  const hub = env.WEBSUB_HUB?.trim() || undefined;
  if (hub !== undefined && !/^https?:\/\/\S+$/.test(hub)) problems.push(`WEBSUB_HUB is "${hub}", expected an absolute http(s) URL or nothing`);
  const author = env.SITE_AUTHOR?.trim() || title;
  const deskCodes = env.SHOW_DESK_CODES?.trim().toLowerCase() || "false";
  if (deskCodes !== "true" && deskCodes !== "false") problems.push(`SHOW_DESK_CODES is "${env.SHOW_DESK_CODES}", expected "true" or "false" (or nothing: false)`);
  const agency = env.SITE_AGENCY?.trim() || undefined;
  if (agency !== undefined && (agency.length > 100 || /[\u0000-\u001F\u007F-\u009F]/.test(agency))) problems.push(`SITE_AGENCY is ${agency.length} characters, expected an agency's name of 1 to 100 characters on one line (or nothing)`);
  if (problems.length > 0) throw new ConfigError(problems);
  return { siteUrl, title, description, language, author, tagPrefix, feedItems, cache, ...(hub === undefined ? {} : { hub }), showDeskCodes: deskCodes === "true", ...(agency === undefined ? {} : { agency }) };
}
