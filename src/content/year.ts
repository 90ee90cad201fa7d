import { isCalendarDate, weekdayOf } from "./calendar";

/**
 * Wire datelines carry a month and a day but no year. The year is derived from
 * a reference date that is an input of the build (never the request-time clock):
 *
 * - when the copy names the weekday (`on Friday`), the most recent year, not
 *   after the reference date, in which that month and day fell on that weekday;
 * - otherwise the most recent occurrence of that month and day not after it.
 *
 * Returns undefined when no such year exists within a full 400-year Gregorian
 * cycle (an impossible date such as Feb 30, or Feb 29 on a weekday it never
 * meets).
 */
export function deriveYear(
  month: number,
  day: number,
  reference: Date,
  weekday?: number,
): number | undefined {
  const refYear = reference.getUTCFullYear();
  const refMonth = reference.getUTCMonth() + 1;
  const refDay = reference.getUTCDate();
  const notAfterReference = month < refMonth || (month === refMonth && day <= refDay);
  const start = notAfterReference ? refYear : refYear - 1;
  for (let year = start; year > start - 400; year--) {
    if (!isCalendarDate(year, month, day)) continue;
    if (weekday === undefined || weekdayOf(year, month, day) === weekday) return year;
  }
  return undefined;
}
