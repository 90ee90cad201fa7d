/**
 * Writes the corpus seeds whose bytes an editor would silently "fix": a BOM and
 * CRLF line endings, characters XML 1.0 forbids, decomposed accents; and the
 * pictures, whose URL and caption hold the characters every format escapes. Written
 * from escapes here so the intent is visible; the files are committed as bytes
 * (see .gitattributes) and `corpus.test.ts` checks the bytes are still there.
 *
 *   npx tsx tests/conformance/make-special-seeds.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(import.meta.dirname, "seeds");

const BOM = "\uFEFF";
const VT = "\u000B"; // vertical tab: forbidden in XML 1.0
const BEL = "\u0007"; // bell: forbidden in XML 1.0
const ACUTE = "\u0301"; // combining acute accent, composed to é by the build (NFC)
const DIAERESIS_BELOW = "\u0324"; // combining marks with no precomposed form: kept as they are
const DIAERESIS = "\u0308";

const seeds: Record<string, string> = {
  // A CMS export on Windows: BOM, CRLF everywhere, hard-wrapped paragraphs.
  "crlf-bom.txt":
    BOM +
    [
      "Europe",
      "",
      "Geneva hosts water summit as Alpine glaciers shrink",
      "",
      "Geneva, Jan 24 (EFE).- Ministers from twenty countries met in Geneva",
      "to agree on how to share rivers fed by shrinking Alpine glaciers, the",
      "host government said.",
      "",
      "The talks, which run for three days, are the first of their kind since",
      "the treaty on the Rhone was signed.",
      "",
      "EFE",
      "",
    ].join("\r\n"),

  // Control characters pasted from a wire terminal; the build drops them with a warning.
  "forbidden-chars.txt": [
    "Business",
    "",
    `Exchange bell${BEL} rings late as systems${VT} fail`,
    "",
    `LONDON, April 2 (Reuters) - The opening bell at the exchange rang${BEL} forty minutes late on Tuesday after a systems${VT} failure delayed the start of trading.`,
    "",
    `Engineers traced the fault to a network switch, the exchange said${VT} in a statement.`,
    "",
  ].join("\n"),

  // Decomposed accents (NFD) that the build composes, marks that have no
  // composed form, emoji with skin tones and zero-width joiners.
  "emoji-combining.txt": [
    "Science",
    "",
    `🚀 Launch succeeds: cafe${ACUTE} crowd cheers 👩🏽‍🚀 crew`,
    "",
    `CAPE CANAVERAL, May 30 (AP) — A rocket carrying three astronauts 👩🏽‍🚀👨‍🚀 lifted off on Thursday as spectators at a nearby cafe${ACUTE} cheered, waving flags 🇺🇸🇫🇷.`,
    "",
    `The mission patch spells its motto in a font with stacked marks, Z${DIAERESIS_BELOW}${DIAERESIS}alg${DIAERESIS}o${DIAERESIS_BELOW}, and the crew chose the names Zoe${DIAERESIS} and Rene${ACUTE} for the capsule's two cameras.`,
    "",
    "Family members 👨‍👩‍👧‍👦 watched from the causeway. ✅",
    "",
  ].join("\n"),

  // Very long paragraphs (about 5,000 characters each): no reader or renderer may truncate them.
  "long-paragraphs.txt": [
    "Economy",
    "",
    "Central bank publishes its longest ever report on prices",
    "",
    `LONDON, March 12 (Reuters) - ${longParagraph("The report's section", 60)}`,
    "",
    longParagraph("Its appendix", 60),
    "",
    longParagraph("A closing note", 60),
    "",
  ].join("\n"),

  // A wire photo with everything agencies send: a URL whose query has an `&`, a
  // caption with quotes and angle brackets, the credit, the size and the dimensions.
  "pictured-reuters.txt": [
    "---",
    "image: https://images.example.org/2024/03/north-sea-rig.jpg?w=1200&h=800",
    `image_caption: An oil platform in the North Sea off Aberdeen, March 4, 2024. "Calm" seas & <clear> skies.`,
    "image_credit: REUTERS/Russell Cheyne",
    "image_alt: An oil platform on a flat grey sea under a pale sky",
    "image_length: 184320",
    "image_width: 1200",
    "image_height: 800",
    "---",
    "",
    "Markets",
    "",
    "Oil steadies as North Sea output recovers",
    "",
    "LONDON, March 8 (Reuters) - Oil prices steadied on Friday as output from North Sea fields recovered after a week of storms, traders said.",
    "",
    "Brent crude futures were little changed by midday in London.",
    "",
  ].join("\n"),

  // A picture given by its URL alone: its type read from the extension, its size unknown.
  "pictured-url-only.txt": [
    "---",
    "image: https://images.example.org/2024/05/harbour.png",
    "---",
    "",
    "Weather",
    "",
    "Fishing fleet stays in harbour as gales return",
    "",
    "Lisbon, May 14 (EFE).- Portugal's fishing fleet stayed in harbour on Tuesday as gales returned to the Atlantic coast, the port authority said.",
    "",
    "The storm is expected to ease by Thursday.",
    "",
  ].join("\n"),
};

/** `count` numbered sentences, so every part of the paragraph is distinct. */
function longParagraph(subject: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${subject} number ${i + 1} says prices rose ${i % 7} tenths of a point & wages ${i % 5} tenths.`).join(" ");
}

for (const [name, text] of Object.entries(seeds)) writeFileSync(join(DIR, name), text);
console.log(`wrote ${Object.keys(seeds).length} seeds to ${DIR}`);
