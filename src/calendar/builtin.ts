/**
 * Built-in statutory holidays and 调休 working days, read from chinese-days' raw data table
 * (keys are `YYYY-MM-DD` strings) instead of its Date-based API, which shifts by a day west of UTC.
 */
import data from "chinese-days/dist/chinese-days.json";

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const table = data as unknown as ChineseDaysData;

/** Dates that are statutory rest days (whatever their weekday). */
export const BUILTIN_HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(table.holidays));
/** Weekend dates that are working days (调休). */
export const BUILTIN_WORKDAYS: ReadonlySet<string> = new Set(Object.keys(table.workdays));

/** Years for which the package holds holiday data, ascending. */
export const BUILTIN_YEARS: readonly number[] = [
  ...new Set([...BUILTIN_HOLIDAYS, ...BUILTIN_WORKDAYS].map((d) => Number(d.slice(0, 4)))),
].sort((a, b) => a - b);

/** Name of the holiday on a date, e.g. `春节`, or the festival a 调休 working day belongs to. */
export function builtinDayName(iso: string): string | undefined {
  const raw = table.holidays[iso] ?? table.workdays[iso];
  return raw?.split(",")[1];
}
