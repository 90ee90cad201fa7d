/**
 * WebSub publish pings: tell the hub which topics (feed URLs) changed, so it
 * fetches them and pushes the new items to subscribers. Runtime-neutral (only
 * `fetch`), so the tests run it in workerd against a hub of their own.
 */
export interface PingResult {
  topic: string;
  status: number | "error";
  detail: string;
}

/** One `hub.mode=publish` POST per topic (the form most hubs accept); never throws. */
export async function publishToHub(hub: string, topics: readonly string[], fetcher: typeof fetch = fetch): Promise<PingResult[]> {
  return Promise.all(
    topics.map(async (topic): Promise<PingResult> => {
      try {
        const response = await fetcher(hub, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }).toString(),
        });
        const detail = (await response.text()).trim().slice(0, 200);
        return { topic, status: response.status, detail: detail || response.statusText };
      } catch (error) {
        return { topic, status: "error", detail: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
