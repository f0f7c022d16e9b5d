import type { IsoDate } from "../core";

/** Today on this machine's calendar (open cases are overdue up to the day of the run). */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
