/** The bench's HTTP requests from Node: one at a time, timed to the first byte. */
import { Agent, request } from "node:http";

export const HOST = "127.0.0.1";
/** What wirefeed's absolute URLs say; the Worker must not use it, but a client sends one. */
export const HOST_HEADER = "wirefeed.example.com";

/**
 * What Cloudflare's edge tells a Worker about a request (\`request.cf\`), as a
 * reader in Madrid brings it. workerd takes it from the \`cf-blob\` header
 * (the sockets' \`cfBlobHeader\`), so the Worker reads \`request.cf\` as it
 * does in production.
 */
const CF = {
  asn: 3352,
  asOrganization: "Telefonica de Espana",
  colo: "MAD",
  country: "ES",
  city: "Madrid",
  continent: "EU",
  region: "Madrid",
  regionCode: "MD",
  postalCode: "28001",
  timezone: "Europe/Madrid",
  latitude: "40.41650",
  longitude: "-3.70256",
  httpProtocol: "HTTP/2",
  tlsVersion: "TLSv1.3",
  tlsCipher: "AEAD-AES128-GCM-SHA256",
  requestPriority: "weight=256;exclusive=1",
  clientTcpRtt: 12,
  edgeRequestKeepAliveStatus: 1,
  botManagement: { score: 99, verifiedBot: false, staticResource: false, detectionIds: [] },
};

/**
 * The headers a Worker behind Cloudflare gets: \`Accept-Encoding\` rewritten
 * to \`br, gzip\` whatever the client sent, and the client's own value, if
 * any, in \`request.cf.clientAcceptEncoding\` (ARCHITECTURE.md).
 */
function fromEdge(clientAcceptEncoding: string | undefined): Record<string, string> {
  const cf = clientAcceptEncoding === undefined ? CF : { ...CF, clientAcceptEncoding };
  return { "Accept-Encoding": "br, gzip", "cf-blob": JSON.stringify(cf) };
}

/** A request from a client that accepts gzip, as the Worker sees it behind Cloudflare. */
export const GZIP: Readonly<Record<string, string>> = fromEdge("gzip");
/** A request from a client that sent no Accept-Encoding, as the Worker sees it behind Cloudflare. */
export const PLAIN: Readonly<Record<string, string>> = fromEdge(undefined);

export interface Captured {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** From sending the request to the response's status line. */
  ttfbMs: number;
}

/** GET `path` on `port`; a new connection unless `agent` keeps one alive. */
export function get(port: number, path: string, headers: Readonly<Record<string, string>> = PLAIN, agent: Agent | false = false): Promise<Captured> {
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
