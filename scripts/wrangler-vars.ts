/**
 * The `[vars]` of wrangler.toml, read without wrangler (importing it costs the
 * build ~2 s, and the dev loop builds on every save). Only what `[vars]` holds
 * in practice is read: `NAME = "text"`, `'text'`, numbers and booleans, one per
 * line. Anything else is left out, which only means the build prerenders
 * nothing for that configuration (src/http/prerendered.ts); what wrangler
 * itself reads decides what the Worker runs with.
 */
export function readVars(toml: string): Record<string, string> {
  const vars: Record<string, string> = {};
  let inVars = false;
  for (const line of toml.split(/\r?\n/)) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]/.exec(line)?.[1];
    if (header !== undefined) {
      inVars = header === "vars";
      continue;
    }
    if (!inVars) continue;
    const match = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*(?:#[^"']*)?$/.exec(line);
    if (match === null) continue;
    const value = tomlValue(match[2]!);
    if (value !== undefined) vars[match[1]!] = value;
  }
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
