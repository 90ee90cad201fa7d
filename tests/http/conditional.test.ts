import { describe, expect, it } from "vitest";
import { gzipVariantNamed, ifNoneMatchHits, parseHttpDate, unmodifiedSince } from "../../src/http/conditional";

describe("HTTP-date (RFC 9110 §5.6.7)", () => {
  it("reads the three formats a recipient must accept", () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37) / 1000;
    expect(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT")).toBe(expected);
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT")).toBe(expected);
    expect(parseHttpDate("Sun Nov  6 08:49:37 1994")).toBe(expected);
    expect(parseHttpDate("Thu, 29 Feb 2024 00:00:00 GMT")).toBe(Date.UTC(2024, 1, 29) / 1000);
  });

  it("rejects what is not an HTTP-date, so the header is ignored", () => {
    for (const value of ["", "0", "yesterday", "2022-01-21T12:00:00Z", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nox 1994 08:49:37 GMT", "Sat, 31 Feb 2026 00:00:00 GMT", "Sun, 29 Feb 2026 00:00:00 GMT", "Tue, 31 Apr 2026 00:00:00 GMT", "Saturday, 31-Feb-26 00:00:00 GMT", "Sat Feb 31 00:00:00 2026"]) {
      expect(parseHttpDate(value), value).toBeUndefined();
    }
  });
});

describe("If-None-Match", () => {
  it("compares weakly, reads lists and *, and accepts the gzip variant's tag", () => {
    expect(ifNoneMatchHits('"abc"', "abc")).toBe(true);
    expect(ifNoneMatchHits('W/"abc"', "abc")).toBe(true);
    expect(ifNoneMatchHits('"x", W/"abc-gz"', "abc")).toBe(true);
    expect(ifNoneMatchHits(" * ", "abc")).toBe(true);
    expect(ifNoneMatchHits('"abcd"', "abc")).toBe(false);
    expect(ifNoneMatchHits("abc", "abc")).toBe(false);
  });
});

describe("the variant a revalidation names", () => {
  it("is the gzip or plain variant only when If-None-Match is exactly its ETag", () => {
    expect(gzipVariantNamed('"abc-gz"', "abc")).toBe(true);
    expect(gzipVariantNamed('"abc"', "abc")).toBe(false);
    // Anything else is decided by what the client accepts.
    for (const value of [null, "", '"', '"abc', '"abc-gz', 'abc"', '"abcd"', '"ab"', '"abc-g"', '"abc-gzz"', '"abc-gz" ', ' "abc"', 'W/"abc"', 'W/"abc-gz"', '"abc", "x"', '"x", "abc"', "*", '"xyz-gz"']) {
      expect(gzipVariantNamed(value, "abc"), String(value)).toBeUndefined();
    }
  });
});

describe("If-Modified-Since", () => {
  const now = Date.UTC(2026, 10, 29, 12) / 1000;
  const lastModified = Date.UTC(2022, 0, 21, 12) / 1000;
  const ims = (value: string) => unmodifiedSince(value, lastModified, now);

  it("answers 304 when the copy is at least as new as Last-Modified, whatever date the reader chose", () => {
    expect(ims("Fri, 21 Jan 2022 12:00:00 GMT")).toBe(true);
    expect(ims("Sat, 01 Jan 2026 00:00:00 GMT")).toBe(true);
    expect(ims("Fri, 21 Jan 2022 11:59:59 GMT")).toBe(false);
  });

  it("ignores a date later than the server's clock: no copy from this server can carry it", () => {
    expect(ims("Fri, 01 Jan 2100 00:00:00 GMT")).toBe(false);
    expect(ims("Sun, 29 Nov 2026 12:00:01 GMT")).toBe(false);
    expect(ims("Sun, 29 Nov 2026 12:00:00 GMT")).toBe(true);
  });
});
