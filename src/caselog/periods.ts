/** Period ids (`2025-03`, `2025-Q1`, `2025`) and which periods a day of the year falls in. */
import { yearStartDay } from "../calendar/days";
import type { PeriodId } from "../engine/types";

/** Every month, then every quarter, then the year. */
export function periodsOfYear(year: number): PeriodId[] {
  const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`);
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return [...months, ...quarters, String(year)];
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

/** Month (0–11) of each day of the year, indexed by day number − 1 January; first day of each month. */
export function monthTable(year: number): { start: number; month: Int8Array; monthStart: number[] } {
  const start = yearStartDay(year);
  const end = yearStartDay(year + 1);
  const month = new Int8Array(end - start);
  const monthStart: number[] = [];
  for (let m = 0; m < 12; m++) {
    const from = Date.UTC(year, m, 1) / 86_400_000 - start;
    const to = Date.UTC(year, m + 1, 1) / 86_400_000 - start;
    month.fill(m, from, to);
    monthStart.push(start + from);
  }
  return { start, month, monthStart };
}
