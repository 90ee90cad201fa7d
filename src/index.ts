import { ARTICLES } from "./generated/articles";
import { createApp } from "./http/app";

/** The Worker: wirefeed's routes over the articles compiled from seeds/ at build time. */
export default createApp(ARTICLES);
