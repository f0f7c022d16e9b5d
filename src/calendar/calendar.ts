/** The working-day calendar: built-in Chinese holidays and 调休 days, overridden by the 工作日历 tab. */
import type { IsoDate, Issue } from "../core";
import { BUILTIN_HOLIDAYS, BUILTIN_WORKDAYS, BUILTIN_YEARS } from "./builtin";
import { dayNumber, isLeapYear, isoFromDay, weekdayOfDay, yearOfDay, yearStartDay } from "./days";
import type { CalendarOverride, WorkCalendar } from "./types";

/** A WorkCalendar that can also explain what it assumed. */
export interface KaoheCalendar extends WorkCalendar {
  /** `calendar-year-not-covered` when `year` falls back to Monday–Friday; empty otherwise. */
  warnings(year: number): Issue[];
  /** Working-day flag for a UTC day number (fast path for bulk callers). */
  isWorkdayNumber(day: number): boolean;
}

interface YearTable {
  start: number;
  /** 1 where the day (index from 1 January) is a working day. */
  flags: Uint8Array;
  /** prefix[i] = working days among the first i days of the year. */
  prefix: Int32Array;
}

/** Longest run without a working day before addWorkdays gives up (overrides could remove every one). */
const MAX_SCAN_DAYS = 3 * 366;

export function createCalendar(overrides: CalendarOverride[] = []): KaoheCalendar {
  const overrideMap = new Map<number, boolean>();
  const overrideYears = new Set<number>();
  for (const o of overrides) {
    const day = dayNumber(o.date);
    overrideMap.set(day, o.type === "workday");
    overrideYears.add(yearOfDay(day));
  }
  const tables = new Map<number, YearTable>();

  const tableFor = (year: number): YearTable => {
    let t = tables.get(year);
    if (t) return t;
    const start = yearStartDay(year);
    const len = isLeapYear(year) ? 366 : 365;
    const flags = new Uint8Array(len);
    const prefix = new Int32Array(len + 1);
    for (let i = 0; i < len; i++) {
      flags[i] = builtinWorkday(start + i, overrideMap) ? 1 : 0;
      prefix[i + 1] = prefix[i] + flags[i];
    }
    t = { start, flags, prefix };
    tables.set(year, t);
    return t;
  };

  const isWorkdayNumber = (day: number): boolean => {
    const t = tableFor(yearOfDay(day));
    return t.flags[day - t.start] === 1;
  };

  /** Working days in (from, to] for day numbers. */
  const between = (from: number, to: number): number => {
    if (to <= from) return 0;
    let count = 0;
    let cursor = from; // counted up to and including `cursor`
    while (cursor < to) {
      const t = tableFor(yearOfDay(cursor + 1));
      const last = Math.min(to, t.start + t.flags.length - 1);
      count += t.prefix[last - t.start + 1] - t.prefix[cursor + 1 - t.start];
      cursor = last;
    }
    return count;
  };

  const covers = (year: number): boolean => BUILTIN_YEARS.includes(year) || overrideYears.has(year);

  return {
    isWorkday: (date: IsoDate) => isWorkdayNumber(dayNumber(date)),
    isWorkdayNumber,
    addWorkdays(date: IsoDate, n: number): IsoDate {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkdays: n must be a whole number ≥ 0`);
      // A rest day counts as the next working day (rulebook §7): start from the day before `date` and
      // take the first working day from `date` on, then N more.
      let day = dayNumber(date) - 1;
      let remaining = n + 1;
      let scanned = 0;
      while (remaining > 0) {
        day += 1;
        if (isWorkdayNumber(day)) {
          remaining -= 1;
          scanned = 0;
        } else if (++scanned > MAX_SCAN_DAYS) {
          throw new RangeError(`addWorkdays: no working day within ${MAX_SCAN_DAYS} days of ${date}`);
        }
      }
      return isoFromDay(day);
    },
    workdaysBetween: (from: IsoDate, to: IsoDate) => between(dayNumber(from), dayNumber(to)),
    covers,
    warnings(year: number): Issue[] {
      if (covers(year)) return [];
      const range = BUILTIN_YEARS.length
        ? `${BUILTIN_YEARS[0]}–${BUILTIN_YEARS[BUILTIN_YEARS.length - 1]}`
        : "";
      return [{ severity: "warning", code: "calendar-year-not-covered", params: { year, range } }];
    },
  };
}

function builtinWorkday(day: number, overrideMap: Map<number, boolean>): boolean {
  const override = overrideMap.get(day);
  if (override !== undefined) return override;
  const iso = isoFromDay(day);
  if (BUILTIN_HOLIDAYS.has(iso)) return false;
  if (BUILTIN_WORKDAYS.has(iso)) return true;
  const wd = weekdayOfDay(day);
  return wd !== 0 && wd !== 6;
}

/** The years the built-in data covers, e.g. for the docs and the task pane: `{ from: 2004, to: 2026 }`. */
export function calendarCoverage(): { from: number; to: number; years: readonly number[] } {
  return { from: BUILTIN_YEARS[0], to: BUILTIN_YEARS[BUILTIN_YEARS.length - 1], years: BUILTIN_YEARS };
}
