/**
 * The compiled articles, read in Node from the files the build wrote (Node
 * cannot import the `.bin` Data module the Worker bundles; the bytes and the
 * reader are the same).
 */
import { readFileSync } from "node:fs";
import type { Article } from "../src/content/article";
import { openCorpus, type Corpus } from "../src/content/article-pack";
import { packPath } from "../src/content/bundle";

/** The corpus of the generated module `moduleFile` (default: the one the Worker imports). */
export function readCorpus(moduleFile = "src/generated/articles.ts"): Corpus {
  return openCorpus(readFileSync(packPath(moduleFile)));
}

/** Its articles, newest first. */
export function readArticles(moduleFile?: string): Article[] {
  return [...readCorpus(moduleFile).articles];
}
