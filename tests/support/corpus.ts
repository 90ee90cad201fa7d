import { env } from "cloudflare:workers";
import type { Article } from "../../src/content/article";
import { compileSeeds } from "../../src/content/compile";
import { createApp } from "../../src/http/app";

/** Wire copy for a test seed: section, headline, dateline paragraph, body, sign-off. */
export function wireCopy({ section, headline, dateline, body = ["Second paragraph."], frontMatter }: {
  section: string;
  headline: string;
  dateline: string;
  body?: string[];
  frontMatter?: Record<string, string>;
}): string {
  const front = frontMatter ? `---\n${Object.entries(frontMatter).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n` : "";
  return `${front}${section}\n\n${headline}\n\n${dateline}\n\n${body.join("\n\n")} EFE\n\nab/cd\n`;
}

/** Compile seeds through the real build pipeline; fails the test on any problem. */
export function compile(seeds: Record<string, string>, reference = new Date("2026-11-29T00:00:00Z")): Article[] {
  const result = compileSeeds(
    Object.entries(seeds).map(([name, text]) => ({ file: `seeds/${name}.txt`, text })),
    reference,
  );
  if (result.problems.length > 0) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.found}`).join("\n"));
  return result.articles;
}

/** A Worker over `articles` with `vars` overriding wrangler.toml's; requests come from another host. */
export function workerFor(articles: readonly Article[], vars: Record<string, string> = {}) {
  const app = createApp(articles);
  const environment = { ...env, ...vars };
  return (path: string, init?: RequestInit) => app.fetch(new Request(`http://localhost:8787${path}`, init), environment);
}
