/** AssessmentResult → the output tabs of docs workbook.md, with exactly its columns. */
import type { AssessmentInput, AssessmentResult } from "../../engine/types";
import type { CellValue, Locale, PeriodId } from "../../core";
import { STAFF_CATEGORIES } from "../../rules/types";
import type { ColumnFormat, ColumnModel, SheetModel } from "../types";
import { derivedSourceText } from "../messages/notes";
import { townshipNoteText } from "../messages/reasons";
import {
  ENTITY_LABELS,
  formatReason,
  formatSources,
  noteText,
  periodOrder,
  pointsCell,
  reasonsCell,
  yesNo,
} from "./format";
import { withTabLayout } from "./tabLayout";

export const OUTPUT_TABS = {
  windows: "窗口考核结果",
  staff: "人员考核结果",
  townships: "镇街考核结果",
  audit: "考核明细",
} as const;

export const TOWNSHIP_INDICATORS = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10"];

export interface RenderOptions {
  /** Only this period's rows (`2025-03`, `2025-Q1`, `2025`); every period when absent. */
  period?: PeriodId;
  /** Reserved: headers and values are the contract's (Chinese) in every locale. */
  locale?: Locale;
}

const c = (header: string, width: number, format: ColumnFormat, align?: "center"): ColumnModel =>
  align ? { header, width, format, align } : { header, width, format };

/** `月度`, `季度` or `年度`: a column of its own so that a filter picks one kind of period cleanly. */
export const PERIOD_KIND_HEADER = "期间类型";
export function periodKind(period: PeriodId): string {
  if (/-Q\d$/.test(period)) return "季度";
  if (/-\d{2}$/.test(period)) return "月度";
  return "年度";
}

export const WINDOW_COLUMNS: ColumnModel[] = [
  c("期间", 10, "text"),
  c("窗口", 14, "text"),
  c("派驻单位", 24, "text"),
  c("扣分", 8, "delta"),
  c("加分", 8, "delta"),
  c("得分", 8, "points"),
  c("排名", 6, "integer", "center"),
  c("等次", 10, "text", "center"),
  c("评优资格", 9, "text", "center"),
  c("原因", 60, "text"),
  c(PERIOD_KIND_HEADER, 9, "text", "center"),
];

export const STAFF_COLUMNS: ColumnModel[] = [
  c("期间", 10, "text"),
  c("姓名", 10, "text"),
  c("窗口", 14, "text"),
  c("德", 7, "delta"),
  c("能", 7, "delta"),
  c("勤", 7, "delta"),
  c("绩", 7, "delta"),
  c("加分", 8, "delta"),
  c("得分", 8, "points"),
  c("排名", 6, "integer", "center"),
  c("等次", 10, "text", "center"),
  c("评优资格", 9, "text", "center"),
  c("标记", 60, "text"),
  c(PERIOD_KIND_HEADER, 9, "text", "center"),
];

export const TOWNSHIP_COLUMNS: ColumnModel[] = [
  c("单位", 16, "text"),
  ...TOWNSHIP_INDICATORS.map((id) => c(id, 6, "points")),
  c("总分", 8, "points"),
  c("排名", 6, "integer", "center"),
  c("等次", 8, "text", "center"),
  c("备注", 40, "text"),
];

export const AUDIT_COLUMNS: ColumnModel[] = [
  c("期间", 10, "text"),
  c("日期", 12, "text"),
  c("对象类型", 9, "text"),
  c("对象", 14, "text"),
  c("条款", 9, "text"),
  c("内容", 40, "text"),
  c("数量", 6, "integer"),
  c("分值", 8, "delta"),
  c("来源", 16, "text"),
  c(PERIOD_KIND_HEADER, 9, "text", "center"),
];

function sheet(name: string, columns: ColumnModel[], rows: SheetModel["rows"], grade?: string): SheetModel {
  return withTabLayout({ name, columns, rows, freezeRows: 1 }, grade);
}

function inPeriod(period: PeriodId | undefined) {
  return (p: PeriodId) => period === undefined || p === period;
}

/**
 * The output tabs: 窗口考核结果, 人员考核结果, 镇街考核结果 (only with townships) and 考核明细.
 * Points are numbers in points (tenths / 10) for the one-decimal `points` format.
 */
export function renderResults(
  result: AssessmentResult,
  input?: AssessmentInput,
  options: RenderOptions = {},
): SheetModel[] {
  const keep = inPeriod(options.period);
  const order = periodOrder(result.periods);
  const byPeriod = <T extends { period: PeriodId; rank: number }>(a: T, b: T) =>
    order(a.period) - order(b.period) || a.rank - b.rank;
  const departments = new Map((input?.windows ?? []).map((w) => [w.name, w.department]));

  const windows = result.windows
    .filter((w) => keep(w.period))
    .sort(byPeriod)
    .map((w) => [
      w.period,
      w.window,
      w.department || departments.get(w.window) || "",
      pointsCell(w.deductions),
      pointsCell(w.bonuses),
      pointsCell(w.score),
      w.rank,
      w.grade,
      yesNo(w.eligible),
      reasonsCell(w.reasons, w.tiePending),
      periodKind(w.period),
    ]);

  const staff = result.staff
    .filter((s) => keep(s.period))
    .sort(byPeriod)
    .map((s) => [
      s.period,
      s.name,
      s.window,
      ...STAFF_CATEGORIES.map((k) => pointsCell(s.categories[k] ?? 0)),
      pointsCell(s.bonuses),
      pointsCell(s.score),
      s.rank,
      s.grade,
      yesNo(s.eligible),
      reasonsCell(s.flags, s.tiePending),
      periodKind(s.period),
    ]);

  // One row per audit line and period it counts in, in the engine's order (month, quarter, year).
  const audit: CellValue[][] = [];
  for (const a of result.audit) {
    let content: CellValue[] | undefined;
    for (const period of a.periods) {
      if (!keep(period)) continue;
      content ??= [
        a.date ?? "",
        ENTITY_LABELS[a.entityType],
        a.entity,
        a.code,
        a.note ? `${a.text}（${noteText(a.note)}）` : a.text,
        a.quantity,
        pointsCell(a.points),
        a.source ? formatSources([a.source]) : derivedSourceText(a.note),
      ];
      audit.push([period, ...content, periodKind(period)]);
    }
  }

  const out = [
    sheet(OUTPUT_TABS.windows, WINDOW_COLUMNS, windows, "等次"),
    sheet(OUTPUT_TABS.staff, STAFF_COLUMNS, staff, "等次"),
  ];
  if (result.townships.length > 0) {
    const townships = [...result.townships]
      .sort((a, b) => a.rank - b.rank)
      .map((t) => [
        t.unit,
        ...TOWNSHIP_INDICATORS.map((id) =>
          t.indicators[id] === undefined ? null : pointsCell(t.indicators[id]),
        ),
        pointsCell(t.total),
        t.rank,
        t.grade,
        t.notes.map((n) => townshipNoteText(n)).join("；"),
      ]);
    out.push(sheet(OUTPUT_TABS.townships, TOWNSHIP_COLUMNS, townships, "等次"));
  }
  out.push(sheet(OUTPUT_TABS.audit, AUDIT_COLUMNS, audit));
  return out;
}

export { formatReason };
