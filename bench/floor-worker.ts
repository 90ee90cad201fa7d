// The floor: a bare Worker answering from constants, the least a Worker can do.
// It returns the exact status, bytes and headers wirefeed sent for each path
// (captured by the benchmark into responses.json): the gzip bytes as they are
// when the client accepts gzip, the plain ones otherwise, and a 304 when
// If-None-Match is exactly one of the path's ETags, with that answer's
// headers and without reading request.cf, as wirefeed does. Whether the
// client accepts gzip is decided by wirefeed's own functions (behind
// Cloudflare, the client's own Accept-Encoding is
// request.cf.clientAcceptEncoding), bundled in by bench/servers.ts, so both
// sides decide it alike. wirefeed is measured against this, route by route.
import { acceptsGzip, clientAcceptEncoding } from "../src/http/content-coding";
// @ts-expect-error: written beside the bundle by bench/servers.ts, per run.
import captured from "./responses.json";

interface Captured {
  path: string;
  encoding: "gzip" | "plain";
  status: number;
  headers: Record<string, string>;
  body: string;
}

function decode(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Each answer's headers as Headers objects made once: `new Response` copies
// one natively, where it reads a plain object's every property (wirefeed
// answers so too, src/http/respond.ts), so the floor stays the least a Worker
// can do.
const ANSWERS = new Map(
  (captured as Captured[]).map(({ path, encoding, status, headers, body }) => {
    const { "content-type": _type, "content-length": _length, "content-encoding": _encoding, ...notModified } = headers;
    const answer = {
      status,
      headers: new Headers(headers),
      notModified: new Headers(notModified),
      body: decode(body),
      etag: headers.etag,
      manual: headers["content-encoding"] === "gzip",
    };
    return [`${encoding} ${path}`, answer];
  }),
);

/** The 304s, by the exact ETag a client sends back and the path. */
const NOT_MODIFIED = new Map([...ANSWERS].flatMap(([key, answer]) => (answer.etag === undefined ? [] : [[`${answer.etag} ${key.slice(key.indexOf(" ") + 1)}`, answer.notModified]])));

export default {
  fetch(request: Request): Response {
    const path = new URL(request.url).pathname;
    const held = request.headers.get("If-None-Match");
    const notModified = held === null ? undefined : NOT_MODIFIED.get(`${held} ${path}`);
    if (notModified !== undefined) return new Response(null, { status: 304, headers: notModified });
    const encoding = acceptsGzip(clientAcceptEncoding(request)) ? "gzip" : "plain";
    const answer = ANSWERS.get(`${encoding} ${path}`);
    if (answer === undefined) return new Response("Not found\n", { status: 404 });
    return new Response(answer.body, { status: answer.status, headers: answer.headers, encodeBody: answer.manual ? "manual" : "automatic" });
  },
};
