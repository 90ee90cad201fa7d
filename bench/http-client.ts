/** The bench's HTTP requests from Node: one at a time, timed to the first byte. */
import { Agent, request } from "node:http";

export const HOST = "127.0.0.1";
/** What wirefeed's absolute URLs say; the Worker must not use it, but a client sends one. */
export const HOST_HEADER = "wirefeed.example.com";
export const GZIP = { "Accept-Encoding": "gzip" } as const;

export interface Captured {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** From sending the request to the response's status line. */
  ttfbMs: number;
}

/** GET `path` on `port`; a new connection unless `agent` keeps one alive. */
export function get(port: number, path: string, headers: Record<string, string> = {}, agent: Agent | false = false): Promise<Captured> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const req = request({ host: HOST, port, path, headers: { Host: HOST_HEADER, ...headers }, agent }, (res) => {
      const ttfbMs = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", fail);
      res.on("end", () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
        done({ path, status: res.statusCode!, headers: flat, body: Buffer.concat(chunks), ttfbMs });
      });
    });
    req.on("error", fail);
    req.end();
  });
}
