/**
 * Atom feeds with RFC 6721 tombstones (`at:deleted-entry`, issue 17) and a
 * correction note, through the W3C Feed Validation Service's own code: the
 * site feed whose window held a withdrawn story, its section's, and the
 * archive page of its slot, as the Worker renders them (Site over a pack
 * that carries the withdrawal), each as if fetched from its own URL.
 *
 * The service does not know RFC 6721: it says "Use of unknown namespace" for
 * the tombstones' namespace, a warning (not an error) it gives for any
 * extension it has no rules for, and nothing else. That one line is what this
 * suite accepts, and only on documents that carry a tombstone; the same feeds
 * with nothing withdrawn are clean.
 */
import { describe, expect, it } from "vitest";
import type { Article, Withdrawal } from "../../src/content/article";
import { openCorpus, packArticles } from "../../src/content/article-pack";
import { parseConfig } from "../../src/config";
import { Site } from "../../src/http/site";
import { TOMBSTONES_NS } from "../../src/render/atom";
import type { DocumentName } from "../../src/render/urls";
import { TEST_VARS } from "../support/test-vars";
import { requireW3cValidator, w3cValidate } from "./clients/w3c-validator";
import type { Served } from "./support/site";

const NOW = Date.parse("2026-03-01T00:00:00Z");
const config = parseConfig({ ...TEST_VARS, FEED_ITEMS: "5" });

const stories: Article[] = Array.from({ length: 10 }, (_, i) => {
  const published = `2026-02-${String(10 + i).padStart(2, "0")}T08:00:00Z`;
  return {
    id: `s${i}`,
    slug: `story-${i}`,
    title: `Talks resume in round ${i}`,
    summary: `Delegates met for round ${i}.`,
    paragraphs: [`GENEVA, Feb ${10 + i} (Reuters) - Delegates met for round ${i}.`, "Talks continue on Monday."],
    category: "World",
    tags: ["Geneva"],
    agency: "Reuters",
    published,
    updated: i === 9 ? "2026-02-19T10:15:00Z" : published,
    ...(i === 9 ? { note: "Corrects the name of the city in paragraph 1." } : {}),
  };
}).reverse();
const killed = stories.find((story) => story.id === "s7")!;
const withdrawal: Withdrawal = { id: killed.id, slug: killed.slug, withdrawn: "2026-02-20T09:30:00Z", published: killed.published, category: "World", tags: ["Geneva"] };

async function served(withdrawn: readonly Withdrawal[], list: readonly Article[]): Promise<Served[]> {
  const site = new Site(config, openCorpus(packArticles(list, { withdrawn, archivePageSize: 4 }).pack), null, undefined, () => NOW);
  const names: DocumentName[] = [
    { type: "feed", collection: { kind: "site", slug: "" }, format: "atom" },
    { type: "feed", collection: { kind: "section", slug: "world" }, format: "atom" },
    { type: "feed", collection: { kind: "site", slug: "" }, format: "atom", archive: 2 },
  ];
  return Promise.all(
    names.map(async (name) => {
      const { representation } = await site.document(name)!;
      const bytes = representation.body!;
      const body = new TextDecoder().decode(bytes);
      const url = /<link rel="self" type="application\/atom\+xml" href="([^"]+)"/.exec(body)![1]!;
      return { url, status: 200, contentType: "application/atom+xml", headers: new Headers(), bytes, body };
    }),
  );
}

describe("W3C Feed Validation Service: Atom feeds with tombstones and a correction note", () => {
  it("finds no error, and warns only that it does not know RFC 6721's namespace", async () => {
    requireW3cValidator();
    const documents = await served([withdrawal], stories.filter((story) => story !== killed));
    for (const document of documents) {
      expect(document.body, document.url).toContain(`<at:deleted-entry ref="tag:wirefeed.example.com,2022:article:s7"`);
      expect(document.body, document.url).toContain(`xmlns:at="${TOMBSTONES_NS}"`);
    }
    expect(documents[0]!.body).toContain("Corrects the name of the city");
    for (const report of await w3cValidate(documents)) {
      expect({ url: report.url, messages: report.messages, stderr: report.stderr }).toEqual({
        url: report.url,
        messages: [`line 2, column 0: Use of unknown namespace: ${TOMBSTONES_NS}`],
        stderr: "",
      });
    }
  });

  it("the same feeds with nothing withdrawn are clean", async () => {
    requireW3cValidator();
    for (const report of await w3cValidate(await served([], stories))) expect({ url: report.url, messages: report.messages, code: report.code }).toEqual({ url: report.url, messages: [], code: 0 });
  });
});
