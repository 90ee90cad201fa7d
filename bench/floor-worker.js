// The floor: a bare Worker answering from constants, the least a Worker can do.
// It returns the exact bytes and headers wirefeed sent (captured by the benchmark
// into responses.json), gzip bytes as they are, and a 304 when If-None-Match
// equals the ETag. wirefeed is measured against this, route by route.
import captured from "./responses.json";

function decode(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const ROUTES = new Map(
  captured.map(({ path, headers, body }) => [
    path,
    { headers, body: decode(body), etag: headers.etag, gzip: headers["content-encoding"] === "gzip" },
  ]),
);

export default {
  fetch(request) {
    const route = ROUTES.get(new URL(request.url).pathname);
    if (route === undefined) return new Response("Not found\n", { status: 404 });
    if (request.headers.get("If-None-Match") === route.etag) {
      const { "content-type": _type, "content-length": _length, "content-encoding": _encoding, ...headers } = route.headers;
      return new Response(null, { status: 304, headers });
    }
    return new Response(route.body, { headers: route.headers, encodeBody: route.gzip ? "manual" : "automatic" });
  },
};
