/** Optional tabs: 工作日历 (calendar overrides) and 人工裁定 (manual decisions). */
import type { CalendarOverride } from "../../calendar/types";
import type { OverrideRow } from "../../engine/types";
import { parseDate } from "../dates";
import { dataRows, readHeader } from "../headers";
import { CALENDAR_TAB, OVERRIDES_TAB } from "../schema";
import { cleanText, matchKey } from "../text";
import type { RawSheet } from "../../core";
import { rowIssue, type ParseContext } from "./context";

const DAY_TYPES: Record<string, CalendarOverride["type"]> = {
  节假日: "holiday",
  休息日: "holiday",
  假日: "holiday",
  holiday: "holiday",
  工作日: "workday",
  调休: "workday",
  workday: "workday",
};

export function parseCalendar(sheet: RawSheet, ctx: ParseContext): CalendarOverride[] | undefined {
  const header = readHeader(sheet, CALENDAR_TAB, ctx.issues);
  if (!header) return undefined;
  const out: CalendarOverride[] = [];
  for (const row of dataRows(sheet, header)) {
    const d = parseDate(row.value("date"));
    const type = DAY_TYPES[matchKey(row.text("type"))];
    if ("error" in d) {
      const code = row.text("date") ? d.error : "missing-value";
      ctx.issues.push(rowIssue(row, "date", code, { value: row.text("date"), header: "日期" }));
    }
    if (!type) ctx.issues.push(rowIssue(row, "type", "bad-day-type", { value: row.text("type") }));
    if ("date" in d && type) out.push({ date: d.date, type, source: { sheet: row.sheet, row: row.row } });
  }
  return out;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** `2025`, `2025-03`, `2025-3`, `2025-q1`, `2025年3月` → canonical period id, else undefined. */
export function normalizePeriod(text: string): string | undefined {
  const t = cleanText(text)
    .toUpperCase()
    .replace(/年第?([1-4])季度?$/, "-Q$1")
    .replace(/年(\d{1,2})月$/, "-$1")
    .replace(/年$/, "")
    .replace(/^(\d{4})[-/.](\d)$/, "$1-0$2");
  return PERIOD.test(t) ? t : undefined;
}

export function parseOverrides(sheet: RawSheet, ctx: ParseContext): OverrideRow[] | undefined {
  const header = readHeader(sheet, OVERRIDES_TAB, ctx.issues);
  if (!header) return undefined;
  const out: OverrideRow[] = [];
  for (const row of dataRows(sheet, header)) {
    const before = ctx.issues.length;
    for (const [key, title] of [
      ["entity", "对象"],
      ["field", "项目"],
      ["value", "值"],
    ] as const) {
      if (!row.text(key)) ctx.issues.push(rowIssue(row, key, "missing-value", { header: title }));
    }
    const period = normalizePeriod(row.text("period"));
    if (!period) ctx.issues.push(rowIssue(row, "period", "bad-period", { value: row.text("period") }));
    if (ctx.issues.length > before || !period) continue;
    out.push({
      entity: row.text("entity"),
      period,
      field: row.text("field"),
      value: row.text("value"),
      reason: row.text("reason"),
      by: row.text("by"),
      source: { sheet: row.sheet, row: row.row },
    });
  }
  return out;
}
