/**
 * The compiled articles, read in Node from the files the build wrote (Node
 * cannot import the `.bin` Data module the Worker bundles; the bytes and the
 * reader are the same).
 */
import { readFileSync } from "node:fs";
import type { Article } from "../src/content/article";
import { openArticles } from "../src/content/article-pack";
import { packPath } from "../src/content/bundle";

/** The articles of the generated module `moduleFile` (default: the one the Worker imports), newest first. */
export function readArticles(moduleFile = "src/generated/articles.ts"): Article[] {
  return openArticles(readFileSync(packPath(moduleFile)));
}
