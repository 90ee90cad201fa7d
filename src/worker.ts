import { buildFailedWorker } from "./build-failed";
import type { Corpus } from "./content/article-pack";
import { createApp, type Worker } from "./http/app";
import type { Prerendered } from "./http/prerendered";

/** What a generated module exports (src/content/bundle.ts): a good build's articles, or a failed one's problems. */
export interface Build {
  readonly CORPUS: Corpus | null;
  readonly PRERENDERED: Prerendered | null;
  readonly BUILD_PROBLEMS: readonly string[];
}

/**
 * The Worker over one build: wirefeed's routes over its articles; under
 * `npm start`, while the seeds do not compile, a 503 listing why. One place
 * for both entries: src/index.ts over src/generated/, and the one `npm start`
 * generates over its own build (scripts/dev.ts).
 */
export function workerOver(build: Build): Worker {
  return build.CORPUS === null ? buildFailedWorker(build.BUILD_PROBLEMS) : createApp(build.CORPUS, build.PRERENDERED);
}
