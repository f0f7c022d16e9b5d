/**
 * Date arithmetic on `YYYY-MM-DD` strings and UTC day numbers (days since 1970-01-01).
 * Only Date.UTC and getUTC* are used, so the machine's time zone can never shift a date.
 */
import type { IsoDate } from "../core";

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid `YYYY-MM-DD`, or undefined when the text is not a real calendar date. */
export function tryDayNumber(iso: string): number | undefined {
  const m = ISO_RE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

/** Day number of a `YYYY-MM-DD`; throws on anything else (programmer misuse: parsers validate first). */
export function dayNumber(iso: IsoDate): number {
  const n = tryDayNumber(iso);
  if (n === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return n;
}

export function isoFromDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Day number of 1 January of `year`. */
export function yearStartDay(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Calendar year of a day number. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
