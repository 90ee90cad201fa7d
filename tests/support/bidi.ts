/**
 * How many bidi embeddings, overrides and isolates are still open at the end
 * of `text`, as the Unicode bidi algorithm counts them (UAX #9 §3.3.2: PDF
 * closes the innermost embedding inside the current isolate, PDI the
 * innermost isolate and what opened inside it; unmatched ones do nothing).
 * Zero means `text` cannot change the direction of what follows it.
 */
export function openBidi(text: string): number {
  const open: Array<"embedding" | "isolate"> = [];
  for (const ch of text) {
    if ("\u202A\u202B\u202D\u202E".includes(ch)) open.push("embedding");
    else if ("\u2066\u2067\u2068".includes(ch)) open.push("isolate");
    else if (ch === "\u202C" && open.at(-1) === "embedding") open.pop();
    else if (ch === "\u2069" && open.includes("isolate")) open.splice(open.lastIndexOf("isolate"));
  }
  return open.length;
}

/** `text` without embeddings, overrides, isolates and their closers: what it says, whatever its direction. Marks (LRM, RLM, ALM) stay. */
export function withoutBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, "");
}
