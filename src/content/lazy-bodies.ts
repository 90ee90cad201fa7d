import type { Article } from "./article";

/** An article as the generated module stores it: everything but the body, which sits at `body` in the shared bodies string. */
export type IndexedArticle = Omit<Article, "paragraphs"> & { body: [start: number, end: number] };

const decoder = new TextDecoder();

/**
 * The articles, each body decoded on first use. At 10,000 articles the bodies
 * are ~90% of the bundle; parsing them all at startup took over a second and
 * hundreds of MB (benchmark), while a request needs at most 50 of them.
 * `bodies` holds the UTF-8 bytes of each body's JSON, one byte per char, so
 * V8 keeps it as a one-byte string and a body is decoded from its slice alone.
 */
export function withLazyBodies(index: readonly IndexedArticle[], bodies: string): Article[] {
  return index.map(({ body: [start, end], ...article }) => {
    let paragraphs: string[] | undefined;
    return Object.defineProperty(article, "paragraphs", {
      enumerable: true,
      get: () => (paragraphs ??= decodeParagraphs(bodies, start, end)),
    }) as Article;
  });
}

function decodeParagraphs(bodies: string, start: number, end: number): string[] {
  const bytes = new Uint8Array(end - start);
  for (let i = 0; i < bytes.length; i++) bytes[i] = bodies.charCodeAt(start + i);
  return JSON.parse(decoder.decode(bytes)) as string[];
}
