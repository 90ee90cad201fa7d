import type { Corpus } from "../../src/content/article-pack";

/** `corpus`, counting the articles made through it one by one and every read of the list of them all. */
export function countingCorpus(corpus: Corpus): { counted: Corpus; made: number[]; lists: () => number } {
  const made: number[] = [];
  let lists = 0;
  const counted: Corpus = {
    get articles() {
      lists++;
      return corpus.articles;
    },
    article: (index) => (made.push(index), corpus.article(index)),
    get sections() {
      return corpus.sections;
    },
    get tags() {
      return corpus.tags;
    },
    get newest() {
      return corpus.newest;
    },
    bySlug: (slug) => corpus.bySlug(slug),
    get life() {
      return corpus.life;
    },
    count: corpus.count,
    publishedAt: (index) => corpus.publishedAt(index),
    updatedAt: (index) => corpus.updatedAt(index),
    indexOf: (article) => corpus.indexOf(article),
    prepare: (articles, archive) => corpus.prepare(articles, archive),
  };
  return { counted, made, lists: () => lists };
}
