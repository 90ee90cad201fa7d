import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app";
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
