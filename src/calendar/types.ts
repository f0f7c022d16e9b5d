import type { IsoDate, SourceRef } from "../core";

/** Working-day calendar, independent of the machine's time zone (dates are `YYYY-MM-DD` strings). */
export interface WorkCalendar {
  isWorkday(date: IsoDate): boolean;
  /** The Nth working day after `date`, a rest day counting as the next working day (N = 0: that day). */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  /** Working days in the half-open interval (from, to]; 0 when to ≤ from. */
  workdaysBetween(from: IsoDate, to: IsoDate): number;
  /** Whether the built-in data (or overrides) cover this year; else Monday–Friday is assumed. */
  covers(year: number): boolean;
}

/** A 工作日历 row: a date declared a holiday or a working day, overriding the built-in calendar. */
export interface CalendarOverride {
  date: IsoDate;
  type: "holiday" | "workday";
  source?: SourceRef;
}
