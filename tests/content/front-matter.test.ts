import { describe, expect, it } from "vitest";
import { article, compile, problems, seedText } from "../support/seeds";

describe("front matter overrides what the copy says", () => {
  const overridden = article(
    seedText({
      frontMatter: [
        "id: efe-2022-01-21-geneva",
        "date: 2022-01-21T09:30:00+01:00",
        "updated: 2022-01-22T18:00:00-05:00",
        'author: "Ana Pérez"',
        "category: World news",
        "tags: [Ukraine, Russia, ukraine, diplomacy]",
        "slug: geneva-talks",
        "summary: The short version.",
        "image: https://images.example.com/geneva.jpg",
        "language: es-ES",
        "place: Ginebra",
      ],
    }),
  );

  it.each([
    ["id", "efe-2022-01-21-geneva"],
    ["category", "World news"],
    ["slug", "geneva-talks"],
    ["summary", "The short version."],
    ["language", "es-ES"],
    ["place", "Ginebra"],
  ] as const)("%s", (key, value) => {
    expect(overridden[key]).toBe(value);
  });

  it("author and image", () => {
    expect(overridden.authors).toEqual(["Ana Pérez"]);
    // The type read from the extension: RSS enclosures must say one.
    expect(overridden.image).toEqual({ url: "https://images.example.com/geneva.jpg", type: "image/jpeg" });
  });

  it("date and updated, stored as UTC instants", () => {
    expect(overridden.published).toBe("2022-01-21T08:30:00Z");
    expect(overridden.updated).toBe("2022-01-22T23:00:00Z");
  });

  it("tags, as a list, each once whatever its case", () => {
    expect(overridden.tags).toEqual(["Ukraine", "Russia", "diplomacy"]);
  });

  it("leaves what it does not name as the copy says", () => {
    expect(overridden.agency).toBe("EFE");
    expect(overridden.title).toBe("Talks end without a deal");
    expect(overridden.paragraphs[0]).toBe("Diplomats met on Friday to discuss the standoff.");
  });

  it("without front matter, author is the agency, summary the lede, tags empty", () => {
    const plain = article(seedText());
    expect([plain.authors, plain.summary, plain.tags]).toEqual([["EFE"], "Diplomats met on Friday to discuss the standoff.", []]);
  });
});

describe("the lead picture: image and its image_* keys", () => {
  const URL_EXPECTED = "expected an absolute http(s) URL with no spaces, quotes or angle brackets";

  it("a picture with everything a wire photo comes with", () => {
    const described = article(
      seedText({
        frontMatter: [
          "image: https://images.example.com/photos/geneva?id=7",
          "image_caption: Delegates arrive for the talks in Geneva, January 21, 2022.",
          "image_credit: REUTERS/Denis Balibouse",
          "image_alt: Two delegates walk past a row of flags",
          "image_type: image/webp",
          "image_length: 48213",
          "image_width: 1200",
          "image_height: 800",
        ],
      }),
    );
    expect(described.image).toEqual({
      url: "https://images.example.com/photos/geneva?id=7",
      caption: "Delegates arrive for the talks in Geneva, January 21, 2022.",
      credit: "REUTERS/Denis Balibouse",
      alt: "Two delegates walk past a row of flags",
      type: "image/webp",
      length: 48213,
      width: 1200,
      height: 800,
    });
  });

  it.each([
    ["https://img.example.com/a.PNG", "image/png"],
    ["https://img.example.com/a.jpeg?w=800", "image/jpeg"],
    ["http://img.example.com/a/b.gif#x", "image/gif"],
    ["https://img.example.com/a.avif", "image/avif"],
  ])("the type of %s guessed from its extension: %s", (url, type) => {
    expect(article(seedText({ frontMatter: [`image: ${url}`] })).image).toEqual({ url, type });
  });

  it('refuses a URL with ", <, > or a space in it, which would break out of an attribute', () => {
    for (const url of ['https://img.example.com/a.jpg"onerror="x', "https://img.example.com/<b>.jpg", "https://img.example.com/a>.jpg", "https://img.example.com/a b.jpg"]) {
      expect(problems(seedText({ frontMatter: [`image: ${url}`] }))).toEqual([`seeds/story.txt:2: image "${url}", ${URL_EXPECTED}`]);
    }
    expect(problems(seedText({ frontMatter: ["image: ftp://img.example.com/a.jpg"] }))).toEqual([`seeds/story.txt:2: image "ftp://img.example.com/a.jpg", ${URL_EXPECTED}`]);
  });

  it("a type that is not an image, a length or size that is not a positive whole number", () => {
    expect(
      problems(seedText({ frontMatter: ["image: https://img.example.com/a.jpg", "image_type: video/mp4", "image_length: 0", "image_width: 12.5", "image_height: -3"] })),
    ).toEqual([
      'seeds/story.txt:3: image_type "video/mp4", expected an image media type such as image/jpeg or image/png',
      "seeds/story.txt:4: image_length \"0\", expected the picture's size in bytes, a whole number above 0",
      'seeds/story.txt:5: image_width "12.5", expected a width in pixels, a whole number from 1 to 99999',
      'seeds/story.txt:6: image_height "-3", expected a height in pixels, a whole number from 1 to 99999',
    ]);
  });

  it("a URL whose type cannot be told, details with no picture, a width without a height", () => {
    expect(problems(seedText({ frontMatter: ["image: https://img.example.com/photo/123"] }))).toEqual([
      'seeds/story.txt:2: image "https://img.example.com/photo/123" with no image_type, and a name that ends in no image extension, expected image_type: image/jpeg (or the picture\'s type), or a URL ending in .jpg, .jpeg, .png, .gif, .webp, .avif, .svg',
    ]);
    expect(problems(seedText({ frontMatter: ["image_caption: A caption", "image_credit: AFP"] }))).toEqual([
      "seeds/story.txt:2: image_caption with no image, expected an image: line giving the picture's URL",
      "seeds/story.txt:3: image_credit with no image, expected an image: line giving the picture's URL",
    ]);
    expect(problems(seedText({ frontMatter: ["image: https://img.example.com/a.jpg", "image_width: 1200"] }))).toEqual([
      "seeds/story.txt:3: image_width with no image_height, expected both image_width and image_height, or neither",
    ]);
  });

  it("a bad image URL is the one problem reported, not its details as well", () => {
    expect(problems(seedText({ frontMatter: ["image: not a url", "image_caption: A caption"] }))).toEqual([`seeds/story.txt:2: image "not a url", ${URL_EXPECTED}`]);
  });
});

describe("build errors: file:line: found, expected", () => {
  it("an empty seed", () => {
    expect(problems("")).toEqual(["seeds/story.txt:1: an empty seed, expected a section line, a headline and at least one paragraph"]);
    expect(problems("\n\n  \n")).toEqual(["seeds/story.txt:1: an empty seed, expected a section line, a headline and at least one paragraph"]);
  });

  it("no headline", () => {
    expect(problems("Politics\n")).toEqual(['seeds/story.txt:1: no headline, expected a headline on the line after the section "Politics"']);
  });

  it("a dateline where the headline should be", () => {
    expect(problems("Politics\n\nGeneva, Jan 21 (EFE).- Talks.\n")).toEqual([
      'seeds/story.txt:3: a dateline where the headline should be, expected a headline on the line after the section "Politics"',
    ]);
  });

  it("no body", () => {
    expect(problems("Politics\n\nTalks end\n")).toEqual(["seeds/story.txt:3: no body after the headline, expected paragraphs of copy, the first opening with a dateline"]);
  });

  it("no derivable date", () => {
    expect(problems(seedText({ body: ["Diplomats met.", "More later."] }))).toEqual([
      'seeds/story.txt:5: no dateline and no front matter date, expected a dateline such as "LONDON, Dec 4 (Reuters) - ", "Madrid, 4 dic (EFE).- ", "WASHINGTON (AP) — ", "(ANSA) - ROMA, 4 DIC - ", "SYDNEY, Dec 4 AAP - ", "MOSCOW, December 4. /TASS/. ", "OTTAWA — ", or front matter date: 2022-01-21T09:00:00+01:00',
    ]);
  });

  it("front matter never closed", () => {
    expect(problems("---\nid: x\n\nPolitics\n\nTalks\n")).toEqual(["seeds/story.txt:1: front matter opened with --- but never closed, expected a closing --- line"]);
  });

  it("an unknown key, a line that is not key: value, an empty value", () => {
    expect(problems(seedText({ frontMatter: ["colour: red", "just words", "author:"] }))).toEqual([
      'seeds/story.txt:2: unknown front matter key "colour", expected one of id, date, updated, author, category, tags, slug, summary, image, image_caption, image_credit, image_alt, image_type, image_length, image_width, image_height, language, place, encoding, agency, replaces, status, embargo, expires, correction',
      'seeds/story.txt:3: front matter line "just words", expected key: value',
      'seeds/story.txt:4: empty value for "author", expected a value after the colon',
    ]);
  });

  it("a date without time or offset, and an impossible date", () => {
    expect(problems(seedText({ frontMatter: ["date: 2022-01-21", "updated: 2022-02-30T10:00:00Z"] }))).toEqual([
      'seeds/story.txt:2: date "2022-01-21", expected an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00',
      'seeds/story.txt:3: updated "2022-02-30T10:00:00Z", expected an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00',
    ]);
  });

  it("bad slug, image, language and id values", () => {
    expect(problems(seedText({ frontMatter: ["slug: Not A Slug", "image: /relative.jpg", "language: english!", "id: has space"] }))).toEqual([
      'seeds/story.txt:2: slug "Not A Slug", expected a slug of lowercase ASCII letters, digits and single hyphens',
      'seeds/story.txt:3: image "/relative.jpg", expected an absolute http(s) URL with no spaces, quotes or angle brackets',
      'seeds/story.txt:4: language "english!", expected a BCP 47 language tag such as en or es-ES',
      'seeds/story.txt:5: id "has space", expected an id of letters, digits and . _ : / - (at most 128 characters)',
    ]);
  });

  it("malformed lists and quotes, instead of a tag named \"[Markets\"", () => {
    const LIST = "expected tags: Markets, Oil or tags: [Markets, Oil], each tag optionally in quotes";
    expect(problems(seedText({ frontMatter: ["tags: [Markets, Oil"] }))).toEqual([`seeds/story.txt:2: tags opens a [ list that never closes: [Markets, Oil, ${LIST}`]);
    expect(problems(seedText({ frontMatter: ["tags: Markets, Oil]"] }))).toEqual([`seeds/story.txt:2: tags has a [ or ] inside the list: Markets, Oil], ${LIST}`]);
    expect(problems(seedText({ frontMatter: ['tags: Markets, "Oil'] }))).toEqual([`seeds/story.txt:2: tags has a " quote that never closes: Markets, "Oil, ${LIST}`]);
    expect(problems(seedText({ frontMatter: ['tags: "Oil" prices'] }))).toEqual([`seeds/story.txt:2: tags has text after a closing " quote: "Oil" prices, ${LIST}`]);
    expect(problems(seedText({ frontMatter: ['author: "Ana Pérez'] }))).toEqual(['seeds/story.txt:2: author opens a " quote that never closes: "Ana Pérez, expected a closing " at the end of the value, or no quotes']);
    expect(problems(seedText({ frontMatter: ["summary: 'x"] }))).toEqual(["seeds/story.txt:2: summary opens a ' quote that never closes: 'x, expected a closing ' at the end of the value, or no quotes"]);
  });

  it("quoted tags may hold commas; quotes inside a value are text", () => {
    const a = article(seedText({ frontMatter: [`tags: ["Budget, Spending", Congress, "O'Neill"]`, 'summary: He said "no" twice.', "author: O'Brien"] }));
    expect(a.tags).toEqual(["Budget, Spending", "Congress", "O'Neill"]);
    expect([a.summary, a.authors]).toEqual(['He said "no" twice.', ["O'Brien"]]);
  });

  it("a key given twice", () => {
    expect(problems(seedText({ frontMatter: ["author: A", "Author: B"] }))).toEqual(['seeds/story.txt:3: front matter key "author" given twice, expected each key once']);
  });

  it("updated before date, pointing at the updated line", () => {
    expect(problems(seedText({ frontMatter: ["date: 2022-01-21T10:00:00Z", "updated: 2022-01-20T10:00:00Z"] }))).toEqual([
      "seeds/story.txt:3: updated 2022-01-20T10:00:00Z before the publication date 2022-01-21T10:00:00Z, expected updated at or after date",
    ]);
  });

  it("the same id in two seeds", () => {
    const result = compile({ "a.txt": seedText({ frontMatter: ["id: same"] }), "b.txt": seedText({ frontMatter: ["id: same"], headline: "Other" }) });
    expect(result.articles).toEqual([]);
    expect(result.problems).toEqual(['seeds/b.txt:2: id "same" already used by seeds/a.txt, expected a unique id (rename the file or set front matter id)']);
  });

  it("the same front matter slug in two seeds", () => {
    const result = compile({ "a.txt": seedText({ frontMatter: ["slug: talks"] }), "b.txt": seedText({ frontMatter: ["slug: talks"], headline: "Other" }) });
    expect(result.problems).toEqual(['seeds/b.txt:2: slug "talks" already used by seeds/a.txt, expected a slug no other article has or had (published URLs are permanent)']);
  });

  it("a file name that cannot be an id, unless front matter gives one", () => {
    expect(problems(seedText(), "día uno.txt")).toEqual([
      'seeds/día uno.txt:1: file name "día uno.txt" is not a usable id, expected a name of letters, digits, . _ - ending in .txt, or front matter id',
    ]);
    expect(article(seedText({ frontMatter: ["id: dia-uno"] }), undefined, "día uno.txt").id).toBe("dia-uno");
  });

  it("reports every problem of every seed at once, and compiles nothing", () => {
    const result = compile({
      "good.txt": seedText(),
      "empty.txt": "",
      "undated.txt": seedText({ body: ["No dateline here.", "More."] }),
      "badkey.txt": seedText({ frontMatter: ["colour: red", "date: yesterday"] }),
    });
    expect(result.articles).toEqual([]);
    expect(result.problems).toEqual([
      'seeds/badkey.txt:2: unknown front matter key "colour", expected one of id, date, updated, author, category, tags, slug, summary, image, image_caption, image_credit, image_alt, image_type, image_length, image_width, image_height, language, place, encoding, agency, replaces, status, embargo, expires, correction',
      'seeds/badkey.txt:3: date "yesterday", expected an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00',
      "seeds/empty.txt:1: an empty seed, expected a section line, a headline and at least one paragraph",
      'seeds/undated.txt:5: no dateline and no front matter date, expected a dateline such as "LONDON, Dec 4 (Reuters) - ", "Madrid, 4 dic (EFE).- ", "WASHINGTON (AP) — ", "(ANSA) - ROMA, 4 DIC - ", "SYDNEY, Dec 4 AAP - ", "MOSCOW, December 4. /TASS/. ", "OTTAWA — ", or front matter date: 2022-01-21T09:00:00+01:00',
    ]);
  });
});
