/** Period ids: month `2025-03`, quarter `2025-Q1`, year `2025` (rulebook §1). */
import type { IsoDate, PeriodId } from "./types";

export type PeriodKind = "month" | "quarter" | "year";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
