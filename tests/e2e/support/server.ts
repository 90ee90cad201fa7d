/**
 * Vitest global setup: start wirefeed the way a user does (`npm start`) on a
 * free port, over the e2e corpus (tests/e2e/seeds, never the publisher's
 * seeds/), and stop it, with every process it started, when the run ends.
 */
import type { TestProject } from "vitest/node";
import { requireChromium } from "./browser";
import { scratchProject, startDevServer } from "../../support/dev-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the running wirefeed, e.g. `http://localhost:41234`; also its SITE_URL. */
    origin: string;
  }
}

export default async function startWirefeed(project: TestProject): Promise<() => Promise<void>> {
  // Fail before anything starts: a missing browser must never turn into skipped tests.
  requireChromium();
  const server = await startDevServer(scratchProject("tests/e2e/seeds"));
  project.provide("origin", server.origin);
  return () => server.stop();
}
