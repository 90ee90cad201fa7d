import { describe, expect, it } from "vitest";
import { buildFailedWorker } from "../../src/build-failed";
import { parseHtml } from "../support/documents";

const PROBLEMS = [
  'seeds/front.txt:2: unknown front matter key "colour", expected one of id, date, updated',
  "seeds/<script>.txt:5: no dateline & no front matter date, expected a dateline",
];
const worker = buildFailedWorker(PROBLEMS);
const get = (path: string, headers: Record<string, string> = {}, method = "GET") => worker.fetch(new Request(`http://localhost:8787${path}`, { headers, method }), {});

describe("while the seeds do not compile (npm start)", () => {
  it("every path answers 503, never stored, asking to retry soon", async () => {
    for (const path of ["/", "/feed.xml", "/articles/anything", "/no-such-page"]) {
      const response = await get(path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("Retry-After")).toBe("2");
    }
  });

  it("a feed reader or curl gets text listing each problem as file:line", async () => {
    const response = await get("/feed.xml", { Accept: "application/rss+xml, */*" });
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(
      ["wirefeed: the seeds do not compile: 2 problems; nothing is served until they are fixed.", "", ...PROBLEMS, ""].join("\n"),
    );
  });

  it("a browser gets an HTML page listing each problem, escaped, that reloads itself", async () => {
    const response = await get("/", { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" });
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Vary")).toBe("Accept");
    const doc = parseHtml(await response.text());
    expect(doc.getElementsByTagName("h1")[0]!.textContent).toBe("wirefeed: the seeds do not compile: 2 problems");
    expect(Array.from(doc.getElementsByTagName("li")).map((li) => li.textContent)).toEqual(PROBLEMS);
    const refresh = Array.from(doc.getElementsByTagName("meta")).find((meta) => meta.getAttribute("http-equiv") === "refresh");
    expect(refresh?.getAttribute("content")).toBe("2");
  });

  it("HEAD gets the headers and no body", async () => {
    const response = await get("/feed.xml", {}, "HEAD");
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("");
  });
});
