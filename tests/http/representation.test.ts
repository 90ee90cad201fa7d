import { describe, expect, it } from "vitest";
import { represent } from "../../src/http/representation";

describe("representation", () => {
  it("stores real gzip of the exact bytes, smaller than them", async () => {
    const text = `<p>${"Wire copy, syndicated from the edge. ".repeat(200)}</p>`;
    const rep = await represent(text, "text/html; charset=utf-8", "2022-01-21T12:00:00Z");
    const gzip = rep.gzip;
    expect(rep.length).toBe(rep.body!.byteLength);
    expect(gzip.byteLength).toBeLessThan(rep.length / 5);
    const inflated = await new Response(new Blob([gzip]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
    expect(inflated).toBe(text);
  });

  it("hashes the bytes: same text, same ETag; one character more, another", async () => {
    const a = await represent("é", "text/plain", "2022-01-21T12:00:00Z");
    const b = await represent("é", "text/plain", "2030-01-01T00:00:00Z");
    const c = await represent("é ", "text/plain", "2022-01-21T12:00:00Z");
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
    expect(a.hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("Last-Modified is the document's newest update, in whole seconds", async () => {
    const rep = await represent("x", "text/plain", "2022-01-21T12:00:00.900Z");
    expect(rep.lastModified).toBe("Fri, 21 Jan 2022 12:00:00 GMT");
    expect(rep.lastModifiedSeconds).toBe(Date.UTC(2022, 0, 21, 12) / 1000);
  });
});
