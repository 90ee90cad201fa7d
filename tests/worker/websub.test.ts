import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app";
import { publishToHub } from "../../scripts/websub";
import { NS, child, children, parseXml } from "../support/documents";
import { FIXTURE_CORPUS } from "../support/worker";

const HUB = "https://hub.example.net/";

async function feeds(vars: Record<string, string>) {
  const app = createApp(FIXTURE_CORPUS);
  const get = (path: string) => app.fetch(new Request(`https://x${path}`), { ...env, ...vars });
  return { rss: await get("/feed.xml"), atom: await get("/atom.xml"), json: await get("/feed.json") };
}

describe("WebSub", () => {
  it("with a hub configured, every feed advertises it in the document and in Link headers", async () => {
    const { rss, atom, json } = await feeds({ WEBSUB_HUB: HUB });
    expect(rss.headers.get("Link")).toBe(`<${HUB}>; rel="hub", <https://wirefeed.example.com/feed.xml>; rel="self"`);
    const channel = child(parseXml(await rss.text()).documentElement!, "channel");
    expect(children(channel, "link", NS.atom).map((l) => [l.getAttribute("rel"), l.getAttribute("href")])).toContainEqual(["hub", HUB]);
    const feed = parseXml(await atom.text()).documentElement!;
    expect(children(feed, "link").find((l) => l.getAttribute("rel") === "hub")?.getAttribute("href")).toBe(HUB);
    expect((await json.json<{ hubs: unknown }>()).hubs).toEqual([{ type: "WebSub", url: HUB }]);
  });

  it("without one, nothing of it appears", async () => {
    const { rss, atom, json } = await feeds({ WEBSUB_HUB: "" });
    for (const response of [rss, atom, json]) expect(response.headers.get("Link")).toBeNull();
    expect(await rss.text()).not.toContain('rel="hub"');
    expect(await atom.text()).not.toContain('rel="hub"');
    expect(await json.json()).not.toHaveProperty("hubs");
  });

  it("deploy pings the hub with hub.mode=publish for each topic and reports its answers", async () => {
    const received: Array<{ url: string; method: string; type: string | null; form: Record<string, string> }> = [];
    const hub: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const form = Object.fromEntries(new URLSearchParams(new TextDecoder().decode(await request.arrayBuffer())));
      received.push({ url: request.url, method: request.method, type: request.headers.get("Content-Type"), form });
      return form["hub.url"]!.endsWith(".json") ? new Response("unknown topic", { status: 400 }) : new Response(null, { status: 204 });
    };
    const results = await publishToHub(HUB, ["https://s/feed.xml", "https://s/feed.json"], hub);
    expect(received).toEqual([
      { url: HUB, method: "POST", type: "application/x-www-form-urlencoded", form: { "hub.mode": "publish", "hub.url": "https://s/feed.xml" } },
      { url: HUB, method: "POST", type: "application/x-www-form-urlencoded", form: { "hub.mode": "publish", "hub.url": "https://s/feed.json" } },
    ]);
    expect(results.map((r) => r.status)).toEqual([204, 400]);
    expect(results[1]!.detail).toBe("unknown topic");
    const unreachable = await publishToHub(HUB, ["https://s/feed.xml"], async () => {
      throw new Error("connection refused");
    });
    expect(unreachable).toEqual([{ topic: "https://s/feed.xml", status: "error", detail: "connection refused" }]);
  });
});
