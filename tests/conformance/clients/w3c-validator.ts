/**
 * The W3C Feed Validation Service's own code, run offline: `../shared/tools/
 * w3c_validate.py FILE CONTENT_TYPE` (relative to the project root; CI has
 * `../shared` beside the clone) validates a saved document as if fetched from
 * its self URL and prints each error or warning at the service's default level,
 * one per line. It needs Debian's python3-html5lib and python3-rdflib.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Served } from "../support/site";
import { SYSTEM_PYTHON, requireTool, run } from "../support/tools";

const ROOT = resolve(import.meta.dirname, "../../..");
export const W3C_VALIDATE = resolve(ROOT, "../shared/tools/w3c_validate.py");

/** Throws unless the validator and the Python modules it imports are there. */
export function requireW3cValidator(): void {
  if (!existsSync(W3C_VALIDATE)) {
    throw new Error(`the W3C Feed Validation Service is missing: expected ${W3C_VALIDATE} (../shared/tools beside the project, as CI lays it out)`);
  }
  requireTool(SYSTEM_PYTHON, ["-c", "import html5lib, rdflib"], "python3-html5lib and python3-rdflib for /usr/bin/python3 (the W3C validator imports them)");
}

export interface W3cReport {
  url: string;
  /** Exit code: 0 when the validator found nothing. */
  code: number;
  /** Each error or warning the service would show, `line N, column M: message`. */
  messages: string[];
  /** Anything else it wrote (a traceback means it could not check the document). */
  stderr: string;
}

/** What the validator says about each document, `parallel` at a time. */
export async function w3cValidate(documents: readonly Served[], parallel = 2): Promise<W3cReport[]> {
  const dir = mkdtempSync(join(tmpdir(), "wirefeed-w3c-"));
  const reports: W3cReport[] = new Array(documents.length);
  const queue = documents.entries();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (const [i, served] of queue) {
        const file = join(dir, `document-${i}`);
        writeFileSync(file, served.bytes);
        const result = await run(SYSTEM_PYTHON, [W3C_VALIDATE, file, served.contentType]);
        reports[i] = { url: served.url, code: result.code, messages: result.stdout.split("\n").filter((line) => line.trim() !== ""), stderr: result.stderr };
      }
    }),
  );
  return reports;
}
