import { expect } from "vitest";
import { buildMonthTable } from "../../../src/content/wire/months";
import EXPECTED from "../../fixtures/wire/month-table.json";

/**
 * The month table the build makes (Node's ICU) is the one workerd's ICU makes:
 * the same check runs in both runtimes (months.test.ts, months.node.test.ts)
 * against tests/fixtures/wire/month-table.json, made in Node with
 * `npx tsx -e 'import { buildMonthTable } from "./src/content/wire/months.ts"; …'` (see the file's keys: word → month).
 */
export function expectSameMonthTable(): void {
  const table = Object.fromEntries(buildMonthTable());
  expect(table).toEqual(EXPECTED);
}
