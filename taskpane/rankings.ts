/** Pure views of a result for the ranking tables and the trend picture. */
import type { AssessmentResult } from "../src/engine/types";
import type { PeriodId } from "../src/core";
import { matchKey } from "../src/workbook/text";
import { standingOf, type EntityRef, type Standing } from "./explain";

export interface RankRow extends Standing {
  key: string;
  kind: "window" | "staff";
  name: string;
  /** The person's window, or the window's 派驻单位. */
  window: string;
}

/** Windows' or staff's rows for one period, in rank order (then name). */
export function rankRows(
  result: AssessmentResult,
  kind: "window" | "staff",
  period: PeriodId | undefined,
): RankRow[] {
  const rows: RankRow[] =
    kind === "window"
      ? result.windows
          .filter((w) => w.period === period)
          .map((w) => ({
            key: `window:${w.window}`,
            kind,
            name: w.window,
            window: w.department,
            ...standingOf(w),
          }))
      : result.staff
          .filter((s) => s.period === period)
          .map((s) => ({
            key: `staff:${s.name}`,
            kind,
            name: s.name,
            window: s.window,
            ...standingOf(s),
          }));
  return rows.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface RankFilter {
  window: string;
  grade: string;
  search: string;
}

/** "" means any; the search matches the name or window ignoring case, width and spaces. */
export function filterRows(rows: RankRow[], f: RankFilter): RankRow[] {
  const q = matchKey(f.search);
  return rows.filter(
    (r) =>
      (f.window === "" || r.window === f.window) &&
      (f.grade === "" || r.grade === f.grade) &&
      (q === "" || matchKey(r.name).includes(q) || matchKey(r.window).includes(q)),
  );
}

export function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

export interface TrendPoint {
  period: PeriodId;
  score: number;
  grade: string;
  rank: number;
}

/** One entity's scores by month and by quarter, in period order (periods not scored are absent). */
export function trend(
  result: AssessmentResult,
  ref: EntityRef,
): { months: TrendPoint[]; quarters: TrendPoint[] } {
  const rows: TrendPoint[] = (
    ref.kind === "window"
      ? result.windows.filter((w) => w.window === ref.name)
      : result.staff.filter((s) => s.name === ref.name)
  ).map((r) => ({ period: r.period, score: r.score, grade: r.grade, rank: r.rank }));
  const sorted = rows.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return {
    months: sorted.filter((p) => /^\d{4}-\d{2}$/.test(p.period)),
    quarters: sorted.filter((p) => /^\d{4}-Q\d$/.test(p.period)),
  };
}

/**
 * The palette position (0 best … 4 worst) of each of the rulebook's grades, given best first: the best is
 * always green and the worst red, whatever their number and names. Other grades (并列待裁定) have none.
 */
export function gradeColours(grades: readonly string[]): Map<string, number> {
  const last = Math.max(1, grades.length - 1);
  return new Map(grades.map((g, i) => [g, Math.round((i * 4) / last)]));
}

/** Every grade the points show, the rulebook's in their order first, then any other. */
export function legendGrades(grades: readonly string[], points: readonly TrendPoint[]): string[] {
  const shown = new Set(points.map((p) => p.grade));
  return [...grades.filter((g) => shown.has(g)), ...[...shown].filter((g) => !grades.includes(g))];
}
