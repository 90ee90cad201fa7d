import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writtenDates } from "./dates-cldr";

const FILE = join(import.meta.dirname, "dates-cldr.json");

describe("page dates in Node, where the build runs", () => {
  it("are the dates tests/render/dates-cldr.json holds, which workerd writes too", () => {
    const written = writtenDates();
    if (process.env.WRITE_CLDR === "1") writeFileSync(FILE, `${JSON.stringify(written, null, 1)}\n`);
    expect(written).toEqual(JSON.parse(readFileSync(FILE, "utf8")));
  });
});
