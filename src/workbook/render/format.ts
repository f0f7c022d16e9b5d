/** Cell formatting for output tabs: points, periods, reasons with their source cells. */
import type { EntityType, Reason } from "../../engine/types";
import type { Locale, PeriodId, SourceRef } from "../../core";
import type { Points } from "../../rules/types";
import { cellAddress, cellRef } from "../cells";
import { auditNoteText } from "../messages/notes";
import { reasonText } from "../messages/reasons";

/** Tenths → the number written in a cell (one decimal via the `points` format). Exact: p/10 round-trips. */
export function pointsCell(points: Points): number {
  // `+ 0` turns -0 (from negating a zero deduction) into 0, which Excel would otherwise show as "-0.0".
  return points / 10 + 0;
}

export function yesNo(value: boolean): string {
  return value ? "是" : "否";
}

export const ENTITY_LABELS: Record<EntityType, string> = { window: "窗口", staff: "人员", township: "镇街" };

/** `事项记录!A12, A15` (the sheet named once per run of rows on it; column A names the row). */
export function formatSources(sources: readonly SourceRef[]): string {
  const parts: string[] = [];
  let lastSheet: string | undefined;
  for (const s of sources) {
    parts.push(s.sheet === lastSheet ? cellRef(s.row, 1) : cellAddress(s.sheet, s.row, 1));
    lastSheet = s.sheet;
  }
  return parts.join(", ");
}

/** `20B.1 20个工作日内2次投诉属实 (事项记录!A12, A15)`: always starts with the code. */
export function formatReason(
  reason: Pick<Reason, "code" | "text" | "words" | "sources">,
  locale: Locale = "zh-CN",
): string {
  const words = reasonText(reason, locale);
  const text = words && words !== reason.code ? `${reason.code} ${words}` : reason.code;
  return reason.sources.length ? `${text} (${formatSources(reason.sources)})` : text;
}

export const TIE_PENDING = "并列待裁定";

/** Reasons joined with `；`, with 并列待裁定 added when the entity is tied but no reason says so. */
export function reasonsCell(reasons: readonly Reason[], tiePending: boolean): string {
  const texts = reasons.map((r) => formatReason(r));
  if (tiePending && !reasons.some((r) => r.code === TIE_PENDING)) texts.push(TIE_PENDING);
  return texts.join("；");
}

/** Sort key of a period within a year: months, then quarters, then the year (as the engine lists them). */
export function periodOrder(periods: readonly PeriodId[]): (p: PeriodId) => number {
  const index = new Map(periods.map((p, i) => [p, i]));
  return (p) => index.get(p) ?? periods.length;
}

/** The engine's audit notes in Chinese (free text such as a 人工裁定 reason passes through). */
export function noteText(note: string): string {
  return auditNoteText(note);
}
