/**
 * The test corpus itself: its files still hold the bytes it exists to test
 * (an editor or git could "fix" them), and the build compiles each seed to
 * what a reader of the seed would expect, written out here by hand rather
 * than derived with the parser under test. The client suites then compare the
 * served feeds with the compiled articles.
 */
import { readFileSync, readdirSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { compiledArticles } from "./support/articles";
import { CORPUS_DIR, REFERENCE_DATE, SEED_DIRS } from "./support/constants";
import { run } from "./support/tools";

const ROOT = resolve(import.meta.dirname, "../..");
const bytes = (name: string) => readFileSync(join(ROOT, CORPUS_DIR, name));
const textOf = (name: string) => bytes(name).toString("utf8");

/** What each seed says, read by a person: headline, date, byline, section, language, and a phrase of the copy. */
const SEEDS: Record<string, { title: string; published: string; updated?: string; author: string; categories: string[]; language: string; phrase: string; paragraphs: number }> = {
  "efe-geneva-escapes": {
    title: `Envoys clash over "tariffs" & <quotas>; talks' ]]> end ]]> early`,
    // "Jan 18" with "on Tuesday": the latest Tuesday 18 January not after the reference date.
    published: "2022-01-18T12:00:00Z",
    author: "EFE",
    categories: ["World"],
    language: "en",
    phrase: "ends one clause with ]]> and another with ]]>]]> because",
    paragraphs: 3,
  },
  "reuters-london-markets": {
    title: `FTSE slips as traders shrug off "]]>" glitch & <b>bold</b> calls`,
    published: "2024-03-07T12:00:00Z",
    author: "Reuters",
    categories: ["Markets"],
    language: "en",
    phrase: `"It's <noise>, not news," said one dealer & analyst.`,
    paragraphs: 3,
  },
  "ap-washington-front-matter": {
    title: "Senate passes stopgap bill hours before deadline",
    published: "2023-11-02T19:45:00Z",
    updated: "2023-11-03T08:30:00Z",
    author: "Jane Q. Reporter",
    categories: ["Politics", "Congress", "Budget & Spending"],
    language: "en",
    phrase: "The Senate passed a stopgap spending bill",
    paragraphs: 3,
  },
  "afp-paris-francais": {
    title: "Le musée d'Orsay rouvre ses salles « impressionnistes » après deux ans de travaux",
    published: "2024-05-05T12:00:00Z",
    author: "AFP",
    categories: ["Culture"],
    language: "fr",
    phrase: "« rend enfin justice à la lumière »",
    paragraphs: 3,
  },
  "efe-madrid-espanol": {
    title: "¿Llegará la lluvia? España vigila los embalses tras un año seco",
    published: "2024-02-14T12:00:00Z",
    author: "EFE",
    categories: ["Sociedad"],
    language: "es",
    phrase: "¡Ojalá llueva pronto!",
    paragraphs: 3,
  },
  "rtl-arabic-hebrew": {
    title: "معرض للكتاب في دبي يجمع ناشرين من العالم العربي",
    published: "2024-06-03T12:00:00Z",
    author: "Reuters",
    // Names that differ only in letters of another script, or in # and +, are five collections (issue 20, item 4).
    categories: ["الشرق الأوسط", "انتخابات 2024", "Выборы 2024 США", "Выборы 2024 Россия", "C#", "C++"],
    language: "ar",
    phrase: "סיפור על אהבה וחושך",
    paragraphs: 3,
  },
  "emoji-combining": {
    title: "🚀 Launch succeeds: café crowd cheers 👩🏽‍🚀 crew",
    published: "2024-05-30T12:00:00Z",
    author: "AP",
    categories: ["Science"],
    language: "en",
    phrase: "Z\u0324\u0308alg\u0308o\u0324, and the crew chose the names Zoë and René",
    paragraphs: 3,
  },
  "crlf-bom": {
    title: "Geneva hosts water summit as Alpine glaciers shrink",
    published: "2024-01-24T12:00:00Z",
    author: "EFE",
    categories: ["Europe"],
    language: "en",
    // Hard-wrapped CRLF lines joined into one paragraph with single spaces.
    phrase: "Ministers from twenty countries met in Geneva to agree on how to share rivers fed by shrinking Alpine glaciers, the host government said.",
    paragraphs: 2,
  },
  "forbidden-chars": {
    title: "Exchange bell rings late as systems fail",
    published: "2024-04-02T12:00:00Z",
    author: "Reuters",
    categories: ["Business"],
    language: "en",
    phrase: "the exchange said in a statement",
    paragraphs: 2,
  },
  "same-headline-lisbon-1": {
    title: "Storm closes ports along the coast",
    published: "2024-02-03T12:00:00Z",
    author: "EFE",
    categories: ["Weather"],
    language: "en",
    phrase: "waves of up to nine metres",
    paragraphs: 2,
  },
  "same-headline-lisbon-2": {
    title: "Storm closes ports along the coast",
    published: "2024-02-05T12:00:00Z",
    author: "EFE",
    categories: ["Weather"],
    language: "en",
    phrase: "A second storm in three days",
    paragraphs: 2,
  },
  "long-paragraphs": {
    title: "Central bank publishes its longest ever report on prices",
    published: "2024-03-12T12:00:00Z",
    author: "Reuters",
    categories: ["Economy"],
    language: "en",
    phrase: "A closing note number 60 says prices rose 3 tenths of a point & wages 4 tenths.",
    paragraphs: 3,
  },
  "markup-in-copy": {
    title: "<script>alert(1)</script> found in agency's press release",
    published: "2024-01-05T12:00:00Z",
    author: "AP",
    categories: ["Technology"],
    language: "en",
    phrase: `<a href="/relative/path" onclick="steal()">a page</a>`,
    paragraphs: 3,
  },
  // Three more in Politics, tagged Congress, so a section and a tag (not only
  // the site) outgrow one feed document and have RFC 5005 archive pages.
  "reuters-washington-congress": {
    title: "House and Senate leaders agree on a summer schedule for spending bills",
    // "June 12" with "on Wednesday": 2024.
    published: "2024-06-12T12:00:00Z",
    author: "Reuters",
    categories: ["Politics", "Congress"],
    language: "en",
    phrase: "before the August recess, aides said.",
    paragraphs: 2,
  },
  "ap-congress-recess": {
    title: "Lawmakers return from recess facing a crowded agenda",
    published: "2024-05-20T19:00:00Z",
    author: "Sam Writer",
    categories: ["Politics", "Congress"],
    language: "en",
    phrase: "a farm bill, an aviation deadline",
    paragraphs: 2,
  },
  // The section and tag spelled in lowercase: still the Politics section and the Congress tag.
  "politics-lowercase-section": {
    title: "House panel subpoenas shipping records in port inquiry",
    published: "2024-04-16T12:00:00Z",
    author: "Reuters",
    categories: ["Politics", "Congress"],
    language: "en",
    phrase: "the country's busiest harbours.",
    paragraphs: 2,
  },
  // Pictures (front matter image keys): one with every detail, one given by its URL alone.
  "pictured-reuters": {
    title: "Oil steadies as North Sea output recovers",
    published: "2024-03-08T12:00:00Z",
    author: "Reuters",
    categories: ["Markets"],
    language: "en",
    phrase: "Brent crude futures were little changed",
    paragraphs: 2,
  },
  "pictured-url-only": {
    title: "Fishing fleet stays in harbour as gales return",
    published: "2024-05-14T12:00:00Z",
    author: "EFE",
    categories: ["Weather"],
    language: "en",
    phrase: "The storm is expected to ease by Thursday.",
    paragraphs: 2,
  },
};

let articles: Map<string, Article>;

beforeAll(() => {
  articles = new Map(compiledArticles().map((article) => [article.id, article]));
});

describe("the corpus files hold the bytes they test", () => {
  it("every seed in the folder has an expectation here, and the other way round", () => {
    const files = readdirSync(join(ROOT, CORPUS_DIR)).filter((name) => name.endsWith(".txt")).map((name) => name.replace(/\.txt$/, ""));
    expect(files.sort()).toEqual(Object.keys(SEEDS).sort());
  });

  it("crlf-bom.txt starts with a BOM and has CRLF line endings only", () => {
    const raw = bytes("crlf-bom.txt");
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString("utf8");
    expect(text.match(/\r\n/g)!.length).toBeGreaterThan(5);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("forbidden-chars.txt holds U+000B and U+0007", () => {
    expect(textOf("forbidden-chars.txt")).toContain("\u000B");
    expect(textOf("forbidden-chars.txt")).toContain("\u0007");
  });

  it("emoji-combining.txt holds decomposed accents, emoji with ZWJ and combining marks", () => {
    const text = textOf("emoji-combining.txt");
    expect(text).toContain("cafe\u0301");
    expect(text).toContain("\u200D");
    expect(text).toContain("Z\u0324\u0308");
    expect(text).not.toBe(text.normalize("NFC"));
  });

  it("escapes: & < > \" ' and several ]]> in headlines and bodies; right-to-left scripts", () => {
    const headline = (name: string) => textOf(name).split(/\r?\n/).filter((line) => line.trim() !== "")[1]!;
    expect(headline("efe-geneva-escapes.txt").match(/]]>/g)).toHaveLength(2);
    for (const special of ["&", "<", ">", '"', "'"]) expect(headline("efe-geneva-escapes.txt")).toContain(special);
    expect(textOf("efe-geneva-escapes.txt").match(/]]>/g)!.length).toBeGreaterThanOrEqual(5);
    expect(textOf("reuters-london-markets.txt").match(/]]>/g)!.length).toBeGreaterThanOrEqual(5);
    expect(textOf("rtl-arabic-hebrew.txt")).toMatch(/\p{Script=Arabic}/u);
    expect(textOf("rtl-arabic-hebrew.txt")).toMatch(/\p{Script=Hebrew}/u);
  });

  it("pictured-reuters.txt: an & in the picture's URL, quotes and angle brackets in its caption", () => {
    const text = textOf("pictured-reuters.txt");
    expect(text).toMatch(/^image: \S*&\S*$/m);
    for (const special of ['"', "<", ">", "&"]) expect(/^image_caption: .*$/m.exec(text)![0]).toContain(special);
  });

  it("long-paragraphs.txt has paragraphs of several thousand characters", () => {
    const paragraphs = textOf("long-paragraphs.txt").split("\n\n").slice(2);
    for (const paragraph of paragraphs) expect(paragraph.length).toBeGreaterThan(4000);
  });
});

describe("the build compiles each seed to what it says", () => {
  for (const [id, want] of Object.entries(SEEDS)) {
    it(id, () => {
      const article = articles.get(id);
      expect(article, `${id} compiled`).toBeDefined();
      expect({
        title: article!.title,
        published: article!.published,
        updated: article!.updated,
        author: article!.authors?.[0],
        categories: [article!.category, ...article!.tags],
        language: article!.language,
        paragraphs: article!.paragraphs.length,
      }).toEqual({
        title: want.title,
        published: want.published,
        updated: want.updated ?? want.published,
        author: want.author,
        categories: want.categories,
        language: want.language,
        paragraphs: want.paragraphs,
      });
      expect(article!.paragraphs.join("\n")).toContain(want.phrase);
      // The dateline, sign-off and initials are metadata, never copy.
      expect(article!.paragraphs[0]).not.toMatch(/^[^.]{0,60}\((?:EFE|AFP|AP|Reuters)\)/);
      for (const paragraph of article!.paragraphs) expect(paragraph).not.toMatch(/^(?:EFE|AFP|AP|Reuters)\.?$|^[a-z]{1,5}(?:\/[a-z]{1,5})+$/);
    });
  }

  it("the pictures, as their front matter describes them: the type of one read from its extension", () => {
    expect(articles.get("pictured-reuters")!.image).toEqual({
      url: "https://images.example.org/2024/03/north-sea-rig.jpg?w=1200&h=800",
      caption: `An oil platform in the North Sea off Aberdeen, March 4, 2024. "Calm" seas & <clear> skies.`,
      credit: "REUTERS/Russell Cheyne",
      alt: "An oil platform on a flat grey sea under a pale sky",
      type: "image/jpeg",
      length: 184320,
      width: 1200,
      height: 800,
    });
    expect(articles.get("pictured-url-only")!.image).toEqual({ url: "https://images.example.org/2024/05/harbour.png", type: "image/png" });
  });

  it("the two seeds with one headline get distinct slugs; the earlier keeps the plain one", () => {
    expect(articles.get("same-headline-lisbon-1")!.slug).toBe("storm-closes-ports-along-the-coast");
    expect(articles.get("same-headline-lisbon-2")!.slug).toMatch(/^storm-closes-ports-along-the-coast-[a-z0-9]+$/);
  });

  it("the build warns about each dropped character with file:line, and still succeeds", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "wirefeed-corpus-")), "articles.ts");
    // The suite's own folders, frozen: the committed records are whole, and nothing is written into the repository.
    const folders = SEED_DIRS.flatMap((dir) => ["--seeds", dir]);
    const result = await run(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", ...folders, "--out", out, "--today", REFERENCE_DATE, "--frozen"], { cwd: ROOT });
    expect(result.code, result.stderr).toBe(0);
    const file = `${CORPUS_DIR}/forbidden-chars.txt`;
    expect(result.stderr).toContain(`warning: ${file}:3: character U+0007 dropped, expected text without characters XML 1.0 forbids`);
    expect(result.stderr).toContain(`warning: ${file}:3: character U+000B dropped, expected text without characters XML 1.0 forbids`);
    expect(result.stderr).toContain(`warning: ${file}:7: character U+000B dropped`);
  });
});
