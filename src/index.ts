import * as build from "./generated/articles";
import { workerOver } from "./worker";

/** The Worker: wirefeed's routes over the articles compiled from seeds/ at build time (src/worker.ts). */
export default workerOver(build);
