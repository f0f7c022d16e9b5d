import type { AssessmentInput, AssessmentResult, AuditLine, Reason } from "../engine/types";
import type { Locale, PeriodId } from "../core";
import { auditNoteText, derivedSourceText } from "../workbook/messages/notes";
import type { CellValue } from "../workbook/types";
import { displayWidth, formatPeriod, formatPoints, formatSource, formatSources } from "./format";
import type { PrintLabels } from "./labels";
import type { PrintSheetBuilder } from "./sheetBuilder";
import { COLUMN_COUNT, CONTENT_WIDTH, FULL_WIDTH } from "./styles";

/** What every form part needs. */
export interface FormContext {
  b: PrintSheetBuilder;
  L: PrintLabels;
  result: AssessmentResult;
  input: AssessmentInput;
  period: PeriodId;
  locale: Locale;
}

export type Pair = [label: string, value: CellValue];

/** Two label/value pairs in boxes A | B:C | D:E | F:G; texts overflow within their box. */
export function pairRow(ctx: FormContext, left: Pair, right: Pair, style = "field"): void {
  ctx.b.add([left[0], left[1], null, right[0], null, right[1], null], style);
}

export function heading(ctx: FormContext, text: string): void {
  ctx.b.add([text], "heading", [[1, COLUMN_COUNT]]);
}

/** The form's heading; a page break later in the form repeats it, marked （续）. */
export function formHeading(ctx: FormContext, title: string): void {
  heading(ctx, title);
  ctx.b.setContinuation(() => heading(ctx, `${title}${ctx.L.continued}`));
}

export function section(ctx: FormContext, text: string): void {
  ctx.b.add([text], "section");
}

export function auditHeader(ctx: FormContext): void {
  const { L } = ctx;
  ctx.b.add([L.date, L.code, L.content, L.quantity, L.points, L.source], "table-header");
}

export function auditRow(ctx: FormContext, line: AuditLine): void {
  const content = line.note ? `${line.text}（${auditNoteText(line.note, ctx.locale)}）` : line.text;
  const source = formatSource(line.source) || (line.caseId ?? "") || derivedSourceText(line.note, ctx.locale);
  ctx.b.add(
    [line.date ?? "", line.code, content, line.quantity, formatPoints(line.points, true), source],
    "table",
    [],
    { text: content, width: CONTENT_WIDTH },
  );
}

/** A subtotal line: label in the A:D box, points in E (under 分值). */
export function subtotalRow(ctx: FormContext, label: string, points: number): void {
  ctx.b.add([label, null, null, null, formatPoints(points, true)], "subtotal");
}

/** A full-width text line; only a text too long for one line is merged across the row and wrapped. */
export function textRow(ctx: FormContext, text: string): void {
  if (displayWidth(text) <= FULL_WIDTH - 4) ctx.b.add([text], "text");
  else ctx.b.add([text], "text-wrap", [[1, COLUMN_COUNT]], { text, width: FULL_WIDTH });
}

/**
 * The entity's table of effects: heading and header are repeated when the table runs onto a new page.
 * `body` adds the rows; afterwards only the heading is repeated.
 */
export function auditTable(ctx: FormContext, title: string, body: () => void): void {
  section(ctx, ctx.L.details);
  auditHeader(ctx);
  ctx.b.setContinuation(() => {
    heading(ctx, `${title}${ctx.L.continued}`);
    auditHeader(ctx);
  });
  body();
  ctx.b.setContinuation(() => heading(ctx, `${title}${ctx.L.continued}`));
}

/** Audit lines of one entity in the period, by date then code (undated lines such as derived bonuses last). */
export function auditLinesOf(
  ctx: FormContext,
  entityType: AuditLine["entityType"],
  entity: string,
): AuditLine[] {
  return ctx.result.audit
    .filter((a) => a.entityType === entityType && a.entity === entity && a.periods.includes(ctx.period))
    .sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.code.localeCompare(b.code));
}

export function gradeText(ctx: FormContext, grade: string, tiePending: boolean): string {
  if (!tiePending) return grade;
  return grade ? `${grade}（${ctx.L.tiePending}）` : ctx.L.tiePending;
}

export function rankText(rank: number, of: number): string {
  return `${rank} / ${of}`;
}

export function periodText(ctx: FormContext): string {
  return formatPeriod(ctx.period, ctx.locale);
}

/** Vetoes, conditions and titles with their codes and the rows that caused them. */
export function reasonsBlock(ctx: FormContext, reasons: Reason[]): void {
  section(ctx, ctx.L.reasons);
  if (reasons.length === 0) textRow(ctx, ctx.L.none);
  for (const r of reasons) {
    const where = r.sources.length > 0 ? `（${formatSources(r.sources)}）` : "";
    const when = r.period !== ctx.period ? ` [${formatPeriod(r.period, ctx.locale)}]` : "";
    textRow(ctx, `${r.code} ${r.text}${where}${when}`);
  }
}

export function notesBlock(ctx: FormContext, notes: string[]): void {
  section(ctx, ctx.L.notes);
  if (notes.length === 0) textRow(ctx, ctx.L.none);
  for (const n of notes) textRow(ctx, n);
}

/** The four signature lines, kept together on one page. */
export function signatureBlock(ctx: FormContext): void {
  const { b, L } = ctx;
  const lines = [L.signAssessee, L.signHead, L.signAssessor];
  b.keepTogether(
    b.styleHeight("section") + 3 * b.styleHeight("signature") + b.styleHeight("signature-board"),
  );
  section(ctx, L.signatures);
  for (const label of lines) {
    b.add([`${label}：`, null, null, L.signDate], "signature");
  }
  b.add([`${L.signBoard}：`, null, null, L.signDate], "signature-board");
}
