import type { Locale, PeriodId, SourceRef } from "../core";
import type { Points } from "../rules/types";
import { columnLetter } from "../workbook/cells";
import { displayWidth } from "../workbook/text";

/** Tenths as one-decimal text, exactly (no floating point): -35 → "-3.5". */
export function formatPoints(p: Points, signed = false): string {
  const abs = Math.abs(p);
  const text = `${Math.floor(abs / 10)}.${abs % 10}`;
  if (p < 0) return `-${text}`;
  return signed && p > 0 ? `+${text}` : text;
}

const QUARTERS_ZH = ["一", "二", "三", "四"];

/** `2025-Q1` → `2025年第一季度`, `2025-03` → `2025年3月`, `2025` → `2025年度` (English: `2025 Q1`, `2025-03`). */
export function formatPeriod(period: PeriodId, locale: Locale = "zh-CN"): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (locale === "en") return quarter ? `${quarter[1]} Q${quarter[2]}` : period;
  if (quarter) return `${quarter[1]}年第${QUARTERS_ZH[Number(quarter[2]) - 1]}季度`;
  if (month) return `${month[1]}年${Number(month[2])}月`;
  if (/^\d{4}$/.test(period)) return `${period}年度`;
  return period;
}

/** Column number → letters (1 → A, 27 → AA). */
export const columnLetters = columnLetter;

/** `事项记录!A12` (column A when the rule gives none: the row is what matters). */
export function formatSource(ref: SourceRef | undefined): string {
  if (!ref) return "";
  return `${ref.sheet}!${columnLetters(ref.column ?? 1)}${ref.row}`;
}

/** Several rows of one sheet compactly: `事项记录!A12, A15`. */
export function formatSources(refs: SourceRef[]): string {
  const parts: string[] = [];
  let lastSheet: string | undefined;
  for (const ref of refs) {
    const cell = `${columnLetters(ref.column ?? 1)}${ref.row}`;
    parts.push(ref.sheet === lastSheet ? cell : `${ref.sheet}!${cell}`);
    lastSheet = ref.sheet;
  }
  return parts.join(", ");
}

export { displayWidth };
