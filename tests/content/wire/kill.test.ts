import { describe, expect, it } from "vitest";
import { killNotice } from "../../../src/content/wire/kill";

describe("kill and withdrawal notices", () => {
  it.each([
    ["KILL: UK factory output falls", []],
    ["MANDATORY KILL - Story headlined \"Bank fails\"", []],
    ["ELIMINATE: Talks end", []],
    ["WITHDRAWN: Talks end", []],
    ["ANNULATION - Grève à Paris", []],
    ["ANULADA: Paro en Madrid", []],
    ["ELIMINAR: Paro en Madrid", []],
    ["Talks end", ["Please kill the story headlined \"Talks end\". It was sent in error."]],
    ["Talks end", ["Editors: do not use the story headlined \"Talks end\"."]],
    ["Streik in Berlin", ["Achtung: Die Meldung \"Streik in Berlin\" wird zurückgezogen."]],
  ] as const)("%s is a notice", (headline, opening) => {
    expect(killNotice(headline, opening)).toBeDefined();
  });

  it.each([
    ["Kill switch saves plant", ["LONDON, Dec 4 (Reuters) - Engineers said."]],
    ["Talks end", ["LONDON, Dec 4 (Reuters) - Officials said the killing had to stop."]],
    ["Achtung Baby turns 35", ["BERLIN, 4. Dezember (dpa) - Die Band feiert."]],
  ] as const)("%s is a story", (headline, opening) => {
    expect(killNotice(headline, opening)).toBeUndefined();
  });
});
