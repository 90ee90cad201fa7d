/**
 * The compiled articles, read in Node from the files the build wrote (Node
 * cannot import the `.bin` Data module the Worker bundles; the bytes and the
 * reader are the same), archived blocks from the folder beside them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../src/content/article";
import { openCorpus, type Corpus } from "../src/content/article-pack";
import { archivePath, packPath } from "../src/content/bundle";

/** The corpus of the generated module `moduleFile` (default: the one the Worker imports). */
export function readCorpus(moduleFile = "src/generated/articles.ts"): Corpus {
  return openCorpus(readFileSync(packPath(moduleFile)), (file) => readFileSync(join(archivePath(moduleFile), file)));
}

/** Its articles, newest first. */
export function readArticles(moduleFile?: string): Article[] {
  return [...readCorpus(moduleFile).articles];
}
