import { describe, it } from "vitest";
import { expectSameMonthTable } from "./month-table";

describe("month names from CLDR, in Node (where the build runs)", () => {
  it("are the checked-in table", expectSameMonthTable);
});
