import { buildFailedWorker } from "./build-failed";
import { ARTICLES, BUILD_PROBLEMS } from "./generated/articles";
import { createApp } from "./http/app";

/**
 * The Worker: wirefeed's routes over the articles compiled from seeds/ at build
 * time; under `npm start`, while the seeds do not compile, a 503 listing why.
 */
export default BUILD_PROBLEMS.length === 0 ? createApp(ARTICLES) : buildFailedWorker(BUILD_PROBLEMS);
