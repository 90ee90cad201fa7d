import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app";
import { rehearse, WARM_UP_ARTICLES, warmUpLanguages } from "../../src/http/warm-up";
import { datesPrepared } from "../../src/render/dates";
import { envVars } from "../../src/config";
import { prerender } from "../../scripts/prerender";
import { openPrerendered, packPrerendered } from "../../src/http/prerendered";
import documents from "../generated/articles.documents.bin";
import { FIXTURE_CORPUS } from "../support/worker";
import { packed } from "../support/seeds";
import { countingCorpus as counting } from "../support/counting-corpus";

const PRERENDERED = openPrerendered(documents);

describe("the render warm-up while the isolate starts", () => {
  it("renders from the newest articles, made one by one, and reads no list of them all", () => {
    const { counted, made, lists } = counting(FIXTURE_CORPUS);
    createApp(counted, PRERENDERED);
    expect(made).toEqual(Array.from({ length: Math.min(WARM_UP_ARTICLES, FIXTURE_CORPUS.count) }, (_, index) => index));
    expect(lists()).toBe(0);
  });

  it("is left out without the build's configuration, and never stops a Worker from starting", () => {
    const { counted, made } = counting(FIXTURE_CORPUS);
    createApp(counted, null);
    expect(made).toEqual([]);
    // A build whose [vars] did not validate prerenders for no configuration: the warm-up fails quietly, the Worker starts.
    expect(() => createApp(FIXTURE_CORPUS, openPrerendered(packPrerendered({}, {} as never, new Map())))).not.toThrow();
    expect(() => createApp(packed([]), PRERENDERED)).not.toThrow();
  });
});

describe("the date formatters made while the isolate starts", () => {
  it("are those of the site's language and of the languages the build found most of the copy in", () => {
    // Languages no other test here writes a date in: none has its formatter until an isolate starts with them.
    expect([datesPrepared("ka"), datesPrepared("is")]).toEqual([false, false]);
    createApp(FIXTURE_CORPUS, null);
    expect(datesPrepared("ka")).toBe(false);
    createApp(FIXTURE_CORPUS, openPrerendered(packPrerendered(envVars(env), PRERENDERED.config, new Map(), PRERENDERED.epoch, [], ["ka", "is"])));
    expect([datesPrepared("ka"), datesPrepared("is"), datesPrepared(PRERENDERED.config.language)]).toEqual([true, true, true]);
  });

  it("are for the languages of at least 1 % of the articles, most common first, up to 8", () => {
    const of = (counts: Record<string, number>) => Object.entries(counts).flatMap(([language, n]) => Array.from({ length: n }, () => ({ language: language === "none" ? undefined : language })));
    // 200 articles: 1 % is 2. Those without a language are in the site's, prepared anyway.
    expect(warmUpLanguages(of({ en: 120, fr: 40, es: 20, de: 10, none: 4, it: 3, pt: 2, nl: 1 }))).toEqual(["en", "fr", "es", "de", "it", "pt"]);
    // Ten languages of 10 % each: the first 8 in alphabetical order, so a build writes the same list from the same seeds.
    const ten = ["sv", "ru", "pl", "nl", "ja", "it", "fr", "es", "de", "ar"];
    expect(warmUpLanguages(of(Object.fromEntries(ten.map((language) => [language, 10]))))).toEqual(["ar", "de", "es", "fr", "it", "ja", "nl", "pl"]);
    // One language however its tag is written: a story of 200 in pt-BR and one in PT-br are 1 % together, 0.5 % apart.
    expect(warmUpLanguages([...of({ en: 198, "pt-BR": 1 }), { language: "PT-br" }])).toEqual(["en", "pt-br"]);
    expect(warmUpLanguages([])).toEqual([]);
    expect(warmUpLanguages(of({ none: 5 }))).toEqual([]);
  });
});

describe("the rehearsal of a poll while the isolate starts", () => {
  /** `rehearse` through the Worker's own handler, with the answers it got. */
  const rehearsed = (worker: ReturnType<typeof createApp>) => {
    const answers: Response[] = [];
    const statuses = rehearse((request) => {
      const answer = worker.fetch(request, env);
      if (answer instanceof Response) answers.push(answer);
      return answer;
    });
    return { statuses, answers };
  };

  it("answers the prerendered feed's HEAD and conditional GETs from memory, none with a body (workerd makes none outside a request)", () => {
    const { statuses, answers } = rehearsed(createApp(FIXTURE_CORPUS, PRERENDERED));
    // gzip and plain HEADs, then a 304 by ETag and one by date: every branch a poll takes.
    expect(statuses).toEqual([200, 200, 304, 304]);
    expect(answers.map((answer) => answer.body)).toEqual([null, null, null, null]);
    expect(answers[0]!.headers.get("Content-Encoding")).toBe("gzip");
    expect(answers[1]!.headers.get("Content-Encoding")).toBeNull();
  });

  it("is left out once the clock has left the build's view (an embargo lifted since): nothing renders while the isolate starts", async () => {
    const EMBARGO = Date.parse("2030-01-01T00:00:00Z");
    const plain = FIXTURE_CORPUS.articles.map((article) => JSON.parse(JSON.stringify(article)));
    const held = { ...plain[0], id: "held", slug: "held-story", title: "Held", published: "2030-01-01T00:00:00Z", updated: "2030-01-01T00:00:00Z" };
    const corpus = packed([held, ...plain]);
    const built = openPrerendered((await prerender(corpus, envVars(env), new Map(), () => EMBARGO - 60_000)).module);
    const lifted = counting(corpus);
    createApp(lifted.counted, built, { clock: () => EMBARGO });
    // The warm-up's articles, and no render of the site's feed.
    const warmUp = Array.from({ length: Math.min(WARM_UP_ARTICLES, corpus.count) }, (_, index) => index);
    expect(lifted.made).toEqual(warmUp);
    expect(lifted.lists()).toBe(0);
    // Before the embargo lifts, the rehearsal answers from the build's documents, making no article either.
    const before = counting(corpus);
    createApp(before.counted, built, { clock: () => EMBARGO - 1000 });
    expect(before.made).toEqual(warmUp);
  });

  it("stops at an answer that would have to be rendered: nothing prerendered for the clock's view", () => {
    const { statuses, answers } = rehearsed(createApp(FIXTURE_CORPUS, null));
    expect(statuses).toEqual([]);
    expect(answers).toEqual([]);
  });
});
