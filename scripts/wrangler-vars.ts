import { ConfigError, envVars, parseConfig } from "../src/config";

/**
 * The `[vars]` of wrangler.toml, read without wrangler (importing it costs the
 * build ~2 s, and the dev loop builds on every save). Only what `[vars]` holds
 * in practice is read: `NAME = "text"`, `'text'`, numbers and booleans, one per
 * line. Anything else is left out, which only means the build prerenders
 * nothing for that configuration (src/http/prerendered.ts); what wrangler
 * itself reads decides what the Worker runs with.
 */
export function readVars(toml: string): Record<string, string> {
  return Object.fromEntries([...varLines(toml)].map(([name, { value }]) => [name, value]));
}

/**
 * What is wrong with the `[vars]` of `toml` (read from `file`) as the site's
 * configuration, each problem as `file:line: …` (the line of the variable, or
 * of `[vars]` when it is missing); none when they configure a site.
 */
export function varsProblems(toml: string, file: string): string[] {
  const vars = varLines(toml);
  try {
    parseConfig(envVars(readVars(toml)));
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const table = toml.split(/\r?\n/).findIndex((line) => /^\s*\[\s*vars\s*\]/.test(line)) + 1;
    return error.problems.map((problem) => {
      const line = vars.get(/^\w+/.exec(problem)?.[0] ?? "")?.line ?? table;
      return `${file}${line > 0 ? `:${line}` : ""}: [vars] ${problem}`;
    });
  }
}

/** Each variable `[vars]` sets, its value and its 1-based line. */
function varLines(toml: string): Map<string, { value: string; line: number }> {
  const vars = new Map<string, { value: string; line: number }>();
  let inVars = false;
  toml.split(/\r?\n/).forEach((line, index) => {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]/.exec(line)?.[1];
    if (header !== undefined) {
      inVars = header === "vars";
      return;
    }
    if (!inVars) return;
    const match = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*(?:#[^"']*)?$/.exec(line);
    if (match === null) return;
    const value = tomlValue(match[2]!);
    if (value !== undefined) vars.set(match[1]!, { value, line: index + 1 });
  });
  return vars;
}

const ESCAPES: Record<string, string> = { b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", '"': '"', "\\": "\\" };

function tomlValue(raw: string): string | undefined {
  if (/^'[^']*'$/.test(raw)) return raw.slice(1, -1);
  const basic = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
  if (basic !== null) {
    return basic[1]!.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, escape: string) =>
      escape.length > 1 ? String.fromCodePoint(Number.parseInt(escape.slice(1), 16)) : (ESCAPES[escape] ?? escape),
    );
  }
  if (/^(?:true|false|[+-]?\d+(?:\.\d+)?)$/.test(raw)) return raw;
  return undefined;
}
