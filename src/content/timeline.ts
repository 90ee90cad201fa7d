import type { Article, Withdrawal } from "./article";
import type { Corpus } from "./article-pack";
import { collectionSlug, slotsOf, type ArchiveSlots, type Collection, type Collections, type Slot, type Tombstone } from "./collections";

/**
 * What a reader sees at one instant: the stories published by then (an
 * embargoed story's `published` is its embargo) and not taken back, grouped
 * as the site shows them.
 *
 * Every instant at which that changes is in the pack (each `published` and
 * `expires`), so what is shown is constant between two of them: a view holds
 * for its span [from, until), and the Worker makes another only when its
 * clock leaves it. A site with no story waiting makes one view, whose
 * documents are those of the pack as it is (and the build's prerendered ones).
 */
export interface View {
  /** The span in ms since the epoch during which this view holds: from the last change to the next (Infinity: none is due). */
  readonly from: number;
  readonly until: number;
  /** Which stories are hidden: two views of one corpus with the same key show the same documents. */
  readonly key: string;
  readonly collections: Collections;
  /** The newest `updated` shown, or the latest taking back of a story, whichever is later: the date of the site-wide documents. */
  readonly newest: string;
  /** The article at `slug` when a reader may see it now. */
  shown(slug: string): Article | undefined;
  /** When the story at `slug` was taken back (withdrawn, or expired by now), if it was and is not shown. */
  gone(slug: string): string | undefined;
}

/**
 * The view of `corpus` at `now` (ms). Cheap when nothing waits: it reads the
 * newest article's date and the pack's short list of expiring ones. Held
 * stories are the newest (their `published` is ahead of the clock), so the
 * pack's order finds them by reading dates from the start.
 */
export function viewAt(corpus: Corpus, now: number, siteName: string): View {
  const { life } = corpus;
  let from = -Infinity;
  let until = Infinity;
  let held = 0;
  while (held < corpus.count) {
    const published = Date.parse(corpus.publishedAt(held));
    if (published <= now) {
      from = published;
      break;
    }
    // Newest first: the last one read is the next to appear.
    until = published;
    held++;
  }
  const expired = new Map<number, Tombstone>();
  for (const [index, expires, id, slug] of life.expiring) {
    const at = Date.parse(expires);
    if (at > now) until = Math.min(until, at);
    else {
      from = Math.max(from, at);
      if (index >= held) expired.set(index, { tombstone: true, id, slug, published: corpus.publishedAt(index), when: expires });
    }
  }
  const key = `${held}/${[...expired.keys()].join(",")}`;
  const hidden = (index: number) => index < held || expired.has(index);
  const everything = held === 0 && expired.size === 0;
  let newest: string | undefined;
  let collections: Collections | undefined;
  let withdrawnBySlug: Map<string, Withdrawal> | undefined;

  const newestShown = (): string => {
    if (everything) return corpus.newest;
    for (const index of life.newestUpdated) if (!hidden(index)) return corpus.updatedAt(index);
    // Every listed one is hidden (a large embargoed batch): read them all, once for this view.
    let found = "1970-01-01T00:00:00Z";
    if (life.newestUpdated.length < corpus.count) for (let i = held; i < corpus.count; i++) if (!expired.has(i) && corpus.updatedAt(i) > found) found = corpus.updatedAt(i);
    return found;
  };

  return {
    from,
    until,
    key,
    get newest() {
      if (newest === undefined) {
        newest = newestShown();
        for (const { withdrawn } of life.withdrawn) if (withdrawn > newest) newest = withdrawn;
        for (const { when } of expired.values()) if (when > newest) newest = when;
      }
      return newest;
    },
    get collections() {
      return (collections ??= viewCollections(corpus, siteName, held, expired, everything));
    },
    shown(slug) {
      const article = corpus.bySlug(slug);
      return article === undefined || hidden(corpus.indexOf(article)) ? undefined : article;
    },
    gone(slug) {
      const article = corpus.bySlug(slug);
      if (article !== undefined) {
        const index = corpus.indexOf(article);
        if (!hidden(index)) return undefined;
        const expiry = expired.get(index);
        if (expiry !== undefined) return expiry.when;
      }
      withdrawnBySlug ??= new Map(life.withdrawn.map((withdrawal) => [withdrawal.slug, withdrawal]));
      return withdrawnBySlug.get(slug)?.withdrawn;
    },
  };
}

/**
 * The site, its sections and its tags as shown: hidden stories left out, a
 * section or tag left empty gone, and each one's slots (render/pages.ts) with
 * a tombstone where a story was taken back. Collections no hidden or withdrawn
 * story touches are the pack's own, their articles made when first read.
 */
function viewCollections(corpus: Corpus, siteName: string, held: number, expired: ReadonlyMap<number, Tombstone>, everything: boolean): Collections {
  const { life } = corpus;
  const pageSize = life.archivePageSize;
  const hidden = (article: Article) => {
    const index = corpus.indexOf(article);
    return index < held || expired.has(index);
  };
  // Slots: hidden-by-embargo stories take none (they are the newest, so leaving them out moves no page); expired ones keep theirs as a tombstone.
  const slotList = (articles: readonly Article[], withdrawn: readonly Withdrawal[]): readonly Slot[] => {
    const own: Slot[] = [];
    for (const article of articles) {
      const index = corpus.indexOf(article);
      if (index >= held) own.push(expired.get(index) ?? article);
    }
    return withdrawn.length === 0 ? own : merge(own, withdrawn.map(tombstoneOf));
  };
  const shownOf = (articles: readonly Article[]) => articles.filter((article) => !hidden(article));

  const siteArticles = () => (everything ? corpus.articles : shownOf(corpus.articles));
  let siteShown: readonly Article[] | undefined;
  const site: Collection = {
    kind: "site",
    slug: "",
    name: siteName,
    get articles() {
      return (siteShown ??= siteArticles());
    },
    // Every article, when all are shown and none was taken back: a page's made one by one.
    archive: everything && life.withdrawn.length === 0 ? packSlots(corpus, pageSize) : slotsOf(pageSize, () => slotList(corpus.articles, life.withdrawn)),
  };

  // The sections and tags a hidden or withdrawn story is in: only these differ from the pack's.
  const touched = { section: new Map<string, Withdrawal[]>(), tag: new Map<string, Withdrawal[]>() };
  const touch = (kind: "section" | "tag", name: string, withdrawal?: Withdrawal) => {
    const slug = collectionSlug(name);
    const list = touched[kind].get(slug) ?? touched[kind].set(slug, []).get(slug)!;
    if (withdrawal !== undefined && !list.includes(withdrawal)) list.push(withdrawal);
  };
  const hiddenIndices = [...Array.from({ length: held }, (_, i) => i), ...expired.keys()];
  for (const index of hiddenIndices) {
    const article = corpus.articles[index]!;
    if (article.category !== undefined) touch("section", article.category);
    for (const tag of article.tags) touch("tag", tag);
  }
  for (const withdrawal of life.withdrawn) {
    if (withdrawal.category !== undefined) touch("section", withdrawal.category, withdrawal);
    for (const tag of withdrawal.tags) touch("tag", tag, withdrawal);
  }

  const shownGroups = (groups: ReadonlyMap<string, Collection>, kind: "section" | "tag"): ReadonlyMap<string, Collection> => {
    const out = new Map<string, Collection>();
    for (const [slug, group] of groups) {
      const withdrawn = touched[kind].get(slug);
      if (withdrawn === undefined) {
        out.set(slug, { kind, slug, name: group.name, get articles() { return group.articles; }, archive: slotsOf(pageSize, () => group.articles) });
        continue;
      }
      const articles = shownOf(group.articles);
      // A section or tag with nothing left to show is gone: no page, feed, index entry or sitemap line.
      if (articles.length === 0) continue;
      out.set(slug, { kind, slug, name: group.name, articles, archive: slotsOf(pageSize, () => slotList(group.articles, withdrawn)) });
    }
    return out;
  };
  let sections: ReadonlyMap<string, Collection> | undefined;
  let tags: ReadonlyMap<string, Collection> | undefined;
  return {
    site,
    get sections() {
      return (sections ??= shownGroups(corpus.sections, "section"));
    },
    get tags() {
      return (tags ??= shownGroups(corpus.tags, "tag"));
    },
  };
}

/** The pack's articles as slots, in its order, each made when a slice asks for it. */
function packSlots(corpus: Corpus, pageSize: number): ArchiveSlots {
  return {
    pageSize,
    count: corpus.count,
    slice: (start, end) => {
      const from = Math.max(0, start);
      return Array.from({ length: Math.max(0, Math.min(end, corpus.count) - from) }, (_, i) => corpus.article(from + i));
    },
  };
}

function tombstoneOf(withdrawal: Withdrawal): Tombstone {
  return { tombstone: true, id: withdrawal.id, slug: withdrawal.slug, published: withdrawal.published, when: withdrawal.withdrawn };
}

/** Two lists newest `published` first, as one; of equal instants, the article first (its order in the pack does not depend on withdrawals). */
function merge(own: readonly Slot[], gone: readonly Tombstone[]): Slot[] {
  const out: Slot[] = [];
  let j = 0;
  for (const slot of own) {
    while (j < gone.length && gone[j]!.published > slot.published) out.push(gone[j++]!);
    out.push(slot);
  }
  while (j < gone.length) out.push(gone[j++]!);
  return out;
}
