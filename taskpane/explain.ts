/** Pure views of a result for the pane: grade counts, vetoes and one entity's explanation. */
import type { AssessmentResult, AuditLine, Reason, StaffResult, WindowResult } from "../src/engine/types";
import type { Locale, PeriodId, SourceRef } from "../src/core";
import { cellAddress } from "../src/workbook/cells";
import { auditNoteText, derivedSourceText } from "../src/workbook/messages/notes";
import { STRINGS, type Strings } from "./i18n";

const GRADE_ORDER = ["优秀", "良好", "合格", "基本合格", "不合格"];

export interface GradeCount {
  grade: string;
  count: number;
}

export function gradeCounts(grades: string[]): GradeCount[] {
  const counts = new Map<string, number>();
  for (const g of grades) counts.set(g, (counts.get(g) ?? 0) + 1);
  const rank = (g: string): number => (GRADE_ORDER.includes(g) ? GRADE_ORDER.indexOf(g) : GRADE_ORDER.length);
  return [...counts]
    .map(([grade, count]) => ({ grade, count }))
    .sort((a, b) => rank(a.grade) - rank(b.grade));
}

export interface VetoItem {
  entity: string;
  kind: "window" | "staff";
  reason: Reason;
}

/** Reasons that cost an entity its 评优资格, in the given period. */
export function vetoes(result: AssessmentResult, period: PeriodId | undefined): VetoItem[] {
  const inPeriod = (p: PeriodId): boolean => period === undefined || p === period;
  return [
    ...result.windows
      .filter((w) => !w.eligible && inPeriod(w.period))
      .flatMap((w) => w.reasons.map((reason) => ({ entity: w.window, kind: "window" as const, reason }))),
    ...result.staff
      .filter((s) => !s.eligible && inPeriod(s.period))
      .flatMap((s) => s.flags.map((reason) => ({ entity: s.name, kind: "staff" as const, reason }))),
  ];
}

export interface EntityRef {
  key: string;
  kind: "window" | "staff";
  name: string;
}

export function entities(result: AssessmentResult): EntityRef[] {
  const windows = [...new Set(result.windows.map((w) => w.window))].map((name) => ({
    key: `window:${name}`,
    kind: "window" as const,
    name,
  }));
  const staff = [...new Set(result.staff.map((s) => s.name))].map((name) => ({
    key: `staff:${name}`,
    kind: "staff" as const,
    name,
  }));
  return [...windows, ...staff];
}

/** What a ranking row and an explanation both show of a window's or a person's result for a period. */
export interface Standing {
  score: number;
  rank: number;
  grade: string;
  eligible: boolean;
  tiePending: boolean;
  reasons: Reason[];
}

export function standingOf(row: WindowResult | StaffResult): Standing {
  const { score, rank, grade, eligible, tiePending } = row;
  return { score, rank, grade, eligible, tiePending, reasons: "reasons" in row ? row.reasons : row.flags };
}

export interface Explanation extends Standing {
  lines: AuditLine[];
}

export function explain(result: AssessmentResult, ref: EntityRef, period: PeriodId): Explanation | undefined {
  const row =
    ref.kind === "window"
      ? result.windows.find((w) => w.window === ref.name && w.period === period)
      : result.staff.find((s) => s.name === ref.name && s.period === period);
  if (!row) return undefined;
  const type = ref.kind === "window" ? "window" : "staff";
  return {
    ...standingOf(row),
    lines: result.audit.filter(
      (l) => l.entityType === type && l.entity === ref.name && l.periods.includes(period),
    ),
  };
}

/** Points are integer tenths: shown with one decimal. */
export function points(tenths: number): string {
  return (tenths / 10).toFixed(1);
}

export function sourceText(s: SourceRef | undefined): string {
  return s ? cellAddress(s.sheet, s.row, s.column) : "";
}

const localeOf = (t: Strings): Locale =>
  (Object.keys(STRINGS) as Locale[]).find((l) => STRINGS[l] === t) ?? "zh-CN";

/** An audit line's note in the pane's language (never the engine's code words). */
export function noteLabel(note: string, t: Strings): string {
  return auditNoteText(note, localeOf(t));
}

/** The source of a line without a source row (a derived year bonus: the quarterly grades), else blank. */
export function derivedSourceLabel(note: string | undefined, t: Strings): string {
  return derivedSourceText(note, localeOf(t));
}
