import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app";
import { rehearse } from "../../src/http/warm-up";
import { envVars } from "../../src/config";
import { prerender } from "../../scripts/prerender";
import { openPrerendered, packPrerendered } from "../../src/http/prerendered";
import documents from "../generated/articles.documents.bin";
import { FIXTURE_CORPUS } from "../support/worker";
import { packed } from "../support/seeds";
import { countingCorpus as counting } from "../support/counting-corpus";

const PRERENDERED = openPrerendered(documents);

describe("the render warm-up while the isolate starts", () => {
  it("renders from the two newest articles, made one by one, and reads no list of them all", () => {
    const { counted, made, lists } = counting(FIXTURE_CORPUS);
    createApp(counted, PRERENDERED);
    expect(made).toEqual([0, 1]);
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
    // The warm-up's two articles, and no render of the site's feed.
    expect(lifted.made).toEqual([0, 1]);
    expect(lifted.lists()).toBe(0);
    // Before the embargo lifts, the rehearsal answers from the build's documents, making no article either.
    const before = counting(corpus);
    createApp(before.counted, built, { clock: () => EMBARGO - 1000 });
    expect(before.made).toEqual([0, 1]);
  });

  it("stops at an answer that would have to be rendered: nothing prerendered for the clock's view", () => {
    const { statuses, answers } = rehearsed(createApp(FIXTURE_CORPUS, null));
    expect(statuses).toEqual([]);
    expect(answers).toEqual([]);
  });
});
