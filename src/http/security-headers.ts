import { STYLESHEET } from "../render/html/layout";

/**
 * Headers every HTML page carries: a CSP that allows only the page's own
 * stylesheet, and no script at all. Images may come from any web origin: a
 * story's picture is on the agency's or the publisher's image server, named by
 * the seed. `http:` too: on an https site browsers upgrade such a picture to
 * https before the policy is checked, and on an http one (`npm start`) it loads as written.
 */
export async function htmlSecurityHeaders(): Promise<Record<string, string>> {
  return (pageHeaders ??= computeHeaders());
}

let pageHeaders: Promise<Record<string, string>> | undefined;

async function computeHeaders(): Promise<Record<string, string>> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(STYLESHEET));
  const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return {
    "Content-Security-Policy": `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self' https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}
