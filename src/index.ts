import { buildFailedWorker } from "./build-failed";
import { BUILD_PROBLEMS, CORPUS, PRERENDERED } from "./generated/articles";
import { createApp } from "./http/app";

/**
 * The Worker: wirefeed's routes over the articles compiled from seeds/ at build
 * time; under `npm start`, while the seeds do not compile, a 503 listing why.
 */
export default CORPUS === null ? buildFailedWorker(BUILD_PROBLEMS) : createApp(CORPUS, PRERENDERED);
