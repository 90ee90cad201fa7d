/**
 * The date every benchmark build is made as of. Seeds carry no years, so the
 * build records new stories as published on it, and its year rule reads datelines from it; a fixed date keeps the corpus's articles, and so
 * every figure, the same from run to run. This is the one place that names the
 * build's variable for it: scripts/build.ts reads it, in the bench's own build
 * and in wrangler's [build] step alike.
 */
export const TODAY = "2026-11-29";

/** The environment that gives scripts/build.ts the date. */
export const BUILD_DATE_ENV: Readonly<Record<string, string>> = { WIREFEED_TODAY: TODAY };
