import type { AssessmentInput, AssessmentResult, AuditLine, Reason } from "../engine/types";
import type { CellValue, Locale, PeriodId } from "../core";
import { auditNoteText, derivedSourceText } from "../workbook/messages/notes";
import { reasonText } from "../workbook/messages/reasons";
import { displayWidth, formatPeriod, formatPoints, formatSource, formatSources } from "./format";
import type { PrintLabels } from "./labels";
import type { PrintSheetBuilder, Wrap } from "./sheetBuilder";
import { COLUMN_COUNT, CONTENT_WIDTH, FULL_WIDTH, LABEL_WIDTH, PAIR_VALUE_WIDTHS } from "./styles";

/** What every form part needs. */
export interface FormContext {
  b: PrintSheetBuilder;
  L: PrintLabels;
  result: AssessmentResult;
  input: AssessmentInput;
  period: PeriodId;
  locale: Locale;
  /** The profile's grade for a tie waiting for a 人工裁定 (shown once, in the form's words). */
  tieGrade?: string;
}

export type Pair = [label: string, value: CellValue];

/** Rows of the closing part kept with it: the last rows of the table (or of the details) above it. */
const CLOSING_TAIL_ROWS = 2;

const text = (v: CellValue): string => (v === null ? "" : v instanceof Date ? "" : String(v));

/**
 * Two label/value pairs in boxes A | B:C | D:E | F:G. A value too long for its box is merged across the
 * box and wrapped (the row grows), so a long 派驻单位 is never cut off.
 */
export function pairRow(ctx: FormContext, left: Pair, right: Pair, style = "field"): void {
  const [leftWidth, rightWidth] = PAIR_VALUE_WIDTHS;
  const long = displayWidth(text(left[1])) > leftWidth - 1 || displayWidth(text(right[1])) > rightWidth - 1;
  const cells = [left[0], left[1], null, right[0], null, right[1], null];
  if (!long) {
    ctx.b.add(cells, style);
    return;
  }
  const wraps: Wrap[] = [
    { text: text(left[1]), width: leftWidth },
    { text: text(right[1]), width: rightWidth },
  ];
  ctx.b.add(
    cells,
    `${style}-wrap`,
    [
      [2, 2],
      [4, 2],
      [6, 2],
    ],
    wraps,
  );
}

/** A label and a value across the rest of the row (B:G), wrapped when long. */
export function wideRow(ctx: FormContext, label: string, value: string): void {
  const width = FULL_WIDTH - LABEL_WIDTH;
  if (displayWidth(value) <= width - 1) ctx.b.add([label, value], "field-wide");
  else ctx.b.add([label, value], "field-wide-wrap", [[2, COLUMN_COUNT - 1]], [{ text: value, width }]);
}

export function heading(ctx: FormContext, text: string): void {
  ctx.b.add([text], "heading", [[1, COLUMN_COUNT]]);
}

/**
 * Starts a form: each of its pages opens with the heading (（续） after the first) and a line with the
 * page number within the form (and 填表日期 on the first page).
 */
export function startForm(ctx: FormContext, title: string): void {
  const { L } = ctx;
  ctx.b.startEntity({
    heading: (continued) => heading(ctx, continued ? `${title}${L.continued}` : title),
    pageLine: (page, pages) => [
      page === 1 ? L.fillDate : null,
      null,
      null,
      null,
      null,
      null,
      L.pageOf(page, pages),
    ],
  });
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
    [
      line.date ?? "",
      ctx.L.codeWords[line.code] ?? line.code,
      content,
      line.quantity,
      formatPoints(line.points, true),
      source,
    ],
    "table",
    [],
    [{ text: content, width: CONTENT_WIDTH }],
  );
}

/** A subtotal line: label in the A:D box, points in E (under 分值). */
export function subtotalRow(ctx: FormContext, label: string, points: number): void {
  ctx.b.add([label, null, null, null, formatPoints(points, true)], "subtotal");
}

/** A full-width text line; only a text too long for one line is merged across the row and wrapped. */
export function textRow(ctx: FormContext, text: string): void {
  if (displayWidth(text) <= FULL_WIDTH - 4) ctx.b.add([text], "text");
  else ctx.b.add([text], "text-wrap", [[1, COLUMN_COUNT]], [{ text, width: FULL_WIDTH }]);
}

/** The entity's table of effects: a page break inside it repeats the table header under the heading. */
export function auditTable(ctx: FormContext, body: () => void): void {
  section(ctx, ctx.L.details);
  auditHeader(ctx);
  ctx.b.setContinuation(() => auditHeader(ctx));
  body();
  ctx.b.setContinuation(undefined);
}

/** The closing part starts: it stays on one page with the last rows above it. */
export function beginClosing(ctx: FormContext): void {
  ctx.b.beginClosing(CLOSING_TAIL_ROWS);
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
  return grade && grade !== ctx.tieGrade ? `${grade}（${ctx.L.tiePending}）` : ctx.L.tiePending;
}

/** `2 / 8`; empty when the entity is ranked among nobody else (a rank of one says nothing). */
export function rankText(rank: number, of: number): string {
  return of > 1 ? `${rank} / ${of}` : "";
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
    const when = r.period !== ctx.period ? ctx.L.inPeriod(formatPeriod(r.period, ctx.locale)) : "";
    textRow(ctx, `${r.code} ${reasonText(r, ctx.locale)}${where}${when}`);
  }
}

export function notesBlock(ctx: FormContext, notes: string[]): void {
  section(ctx, ctx.L.notes);
  if (notes.length === 0) textRow(ctx, ctx.L.none);
  for (const n of notes) textRow(ctx, n);
}

/** A box to write in (评语 / 个人小结): the label on the left, blank space across the row. */
export function writingBox(ctx: FormContext, label: string): void {
  ctx.b.add([label], "writing", [], [{ text: label, width: LABEL_WIDTH }]);
}

/**
 * Opinions and signatures, kept together on one page: each a label on the left (wrapped) and the
 * signature and date at the bottom right of its box. `opinion` rows are taller (room to write), `sign`
 * rows are for a signature only; `choice` adds words after the label (本人意见: □ 同意 □ 不同意).
 */
export interface SignLine {
  label: string;
  kind: "opinion" | "sign";
  choice?: string;
}

export function signatureBlock(ctx: FormContext, lines: SignLine[]): void {
  const { b, L } = ctx;
  for (const line of lines) {
    const sign =
      line.kind === "opinion"
        ? `${L.signature}\u3000\u3000\u3000\u3000\u3000\u3000${L.signDate}`
        : L.signDate;
    b.add(
      [line.label, line.choice ?? null, null, null, null, null, sign],
      line.kind,
      [],
      [{ text: line.label, width: LABEL_WIDTH }],
    );
  }
}
