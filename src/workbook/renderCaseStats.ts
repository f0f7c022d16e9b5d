/** CaseStats → the `办件统计` output tab (docs workbook.md): counts as integers, rates as percentages. */
import type { CaseStats } from "../engine/types";
import type { CellValue, PeriodId } from "../core";
import { withTabLayout } from "./render/tabLayout";
import type { ColumnFormat, ColumnModel, SheetModel } from "./types";

export const CASE_STATS_TAB = "办件统计";

const c = (header: string, width: number, format: ColumnFormat): ColumnModel => ({ header, width, format });

export const CASE_STATS_COLUMNS: ColumnModel[] = [
  c("期间", 10, "text"),
  c("窗口", 14, "text"),
  c("收件", 9, "integer"),
  c("办结", 9, "integer"),
  c("即办件", 9, "integer"),
  c("即办件率", 10, "percent"),
  c("按期办结率", 11, "percent"),
  c("提前办结率", 11, "percent"),
  c("超期件", 8, "integer"),
  c("满意率", 9, "percent"),
];

/** A ratio for a `0.0%` cell; blank (null) when undefined, i.e. the denominator was 0. */
function rateCell(rate: number | undefined): CellValue {
  return rate === undefined ? null : rate;
}

/** The 办件统计 tab; only `period`'s rows when given, else every row in the order given. */
export function renderCaseStats(stats: readonly CaseStats[], period?: PeriodId): SheetModel {
  const rows = (period === undefined ? stats : stats.filter((s) => s.period === period)).map(
    (s): CellValue[] => [
      s.period,
      s.window,
      s.received,
      s.completed,
      s.instant,
      rateCell(s.instantRate),
      rateCell(s.onTimeRate),
      rateCell(s.earlyRate),
      s.overdue,
      rateCell(s.satisfactionRate),
    ],
  );
  return withTabLayout({ name: CASE_STATS_TAB, columns: CASE_STATS_COLUMNS, rows, freezeRows: 1 });
}
