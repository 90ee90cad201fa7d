import { addDays, DAYS_AHEAD, isCalendarDate, utcDay, weekdayOf } from "./calendar";

/**
 * How many days before the story was published its dateline may fall and
 * still be read as fresh copy: a week, so a Sunday story about Monday's
 * events is dated last Monday, not a year back.
 */
const FRESH_DAYS = 7;
/** Years searched back for a weekday: a whole 400-year Gregorian cycle holds every date on every weekday it can fall on. */
const CYCLE = 400;

/**
 * Wire datelines carry a month and a day but no year. The year is derived from
 * the day the story was published (`published`, 00:00 UTC in milliseconds: the
 * day its publication record says the build first saw it), never from the
 * clock or the newest commit, so it never changes afterwards:
 *
 * - fresh copy: when that month and day fall in the week before `published`
 *   (or the day after), it is that date, whatever weekday the copy names (a
 *   lede names the day of earlier events: "data published on Friday showed");
 * - back-filled copy that names a weekday (`on Friday`): the most recent year,
 *   not after `published`, in which that month and day fell on that weekday;
 * - otherwise the most recent occurrence of that month and day not after it.
 *
 * Returns undefined when no such year exists within a full 400-year cycle (an
 * impossible date such as Feb 30, or Feb 29 on a weekday it never meets).
 */
export function deriveYear(month: number, day: number, published: number, weekday?: number): number | undefined {
  const year = new Date(published).getUTCFullYear();
  for (const candidate of [year + 1, year, year - 1]) {
    if (!isCalendarDate(candidate, month, day)) continue;
    const date = utcDay(candidate, month, day);
    if (date <= addDays(published, DAYS_AHEAD) && date >= addDays(published, -FRESH_DAYS)) return candidate;
  }
  const on = new Date(published);
  const notAfter = month < on.getUTCMonth() + 1 || (month === on.getUTCMonth() + 1 && day <= on.getUTCDate());
  const start = notAfter ? year : year - 1;
  for (let candidate = start; candidate > start - CYCLE && candidate >= 0; candidate--) {
    if (!isCalendarDate(candidate, month, day)) continue;
    if (weekday === undefined || weekdayOf(candidate, month, day) === weekday) return candidate;
  }
  return undefined;
}
