import { STYLESHEET } from "../render/html/layout";

/** Headers every HTML page carries: a CSP that allows only the page's own stylesheet, and no script at all. */
export async function htmlSecurityHeaders(): Promise<Record<string, string>> {
  return (pageHeaders ??= computeHeaders());
}

let pageHeaders: Promise<Record<string, string>> | undefined;

async function computeHeaders(): Promise<Record<string, string>> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(STYLESHEET));
  const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return {
    "Content-Security-Policy": `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self' https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}
