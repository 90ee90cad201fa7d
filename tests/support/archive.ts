import type { Archive, ArchiveFiles } from "../../src/content/article-pack";

/** An archive reading the files `packArticles` returned, as the ARCHIVE binding serves the build's; each file read is pushed onto `fetched`. */
export function archiveOf(files: ArchiveFiles, fetched: string[] = []): Archive {
  return async (file) => {
    fetched.push(file);
    const bytes = files.get(file);
    if (bytes === undefined) throw new Error(`no ${file}`);
    return bytes;
  };
}
