/** Period ids: month `2025-03`, quarter `2025-Q1`, year `2025` (rulebook §1). The one place they are computed. */
import type { IsoDate, PeriodId } from "./types";

export type PeriodKind = "month" | "quarter" | "year";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `date` is a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export const monthOf = (date: IsoDate): PeriodId => date.slice(0, 7);
export const yearOf = (date: IsoDate): PeriodId => date.slice(0, 4);

export function quarterOfMonth(month: PeriodId): PeriodId {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export const quarterOf = (date: IsoDate): PeriodId => quarterOfMonth(monthOf(date));

/** Month, quarter and year containing the date. */
export function periodsOfDate(date: IsoDate): [PeriodId, PeriodId, PeriodId] {
  return [monthOf(date), quarterOf(date), yearOf(date)];
}

export function monthsOfYear(year: number): PeriodId[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
}

export function quartersOfYear(year: number): PeriodId[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** Every period of the year in output order: months, quarters, the year. */
export function periodsOfYear(year: number): PeriodId[] {
  return [...monthsOfYear(year), ...quartersOfYear(year), String(year)];
}

export function periodKind(period: PeriodId): PeriodKind {
  if (/^\d{4}$/.test(period)) return "year";
  return period.includes("Q") ? "quarter" : "month";
}

/** Months (0–11) covered by a period of `year`, or undefined when it is not a period of that year. */
export function monthsOfPeriod(period: PeriodId, year: number): number[] | undefined {
  if (period === String(year)) return Array.from({ length: 12 }, (_, m) => m);
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q && Number(q[1]) === year) return [0, 1, 2].map((i) => (Number(q[2]) - 1) * 3 + i);
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m && Number(m[1]) === year) return [Number(m[2]) - 1];
  return undefined;
}

/**
 * Month (0–11) of each day of the year, indexed by UTC day number (days since 1970-01-01) minus the
 * year's first day, and the day number of each month's first day.
 */
export function monthTable(year: number): { start: number; month: Int8Array; monthStart: number[] } {
  const start = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const end = Date.UTC(year + 1, 0, 1) / MS_PER_DAY;
  const month = new Int8Array(end - start);
  const monthStart: number[] = [];
  for (let m = 0; m < 12; m++) {
    const from = Date.UTC(year, m, 1) / MS_PER_DAY - start;
    const to = Date.UTC(year, m + 1, 1) / MS_PER_DAY - start;
    month.fill(m, from, to);
    monthStart.push(start + from);
  }
  return { start, month, monthStart };
}
