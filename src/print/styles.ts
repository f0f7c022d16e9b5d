import type { ColumnModel, FontModel, PageSetupModel, RowStyleModel } from "../workbook/types";

export const PRINT_SHEET_NAME = "打印_考核表";

/**
 * Seven columns that fit A4 portrait at 100 % inside binding margins (80 character widths):
 * 日期/序号 | 条款 | 内容 | 数量 | 分值 | 来源 (two columns) — the township table uses the last four for
 * 分值 | 自评分 | 复核分 | 计分. Form rows group cells into boxes instead of merging them (see `groups`).
 */
export const PRINT_COLUMNS: ColumnModel[] = [11, 7, 32, 6, 8, 8, 8].map((width) => ({
  header: "",
  width,
  format: "general" as const,
}));
export const COLUMN_COUNT = PRINT_COLUMNS.length;
/** Width of the 内容 column (C), for estimating wrapped lines. */
export const CONTENT_WIDTH = 32;
/** Width of a full-width row (A:G). */
export const FULL_WIDTH = 80;
/** Width of the label box (A) of form fields, opinions and signatures. */
export const LABEL_WIDTH = 11;
/** Widths of the two value boxes of a field row: B:C and F:G. */
export const PAIR_VALUE_WIDTHS: [number, number] = [39, 16];

/**
 * SimSun (宋体) is what Chinese offices print with; where it is missing (LibreOffice on Linux), the
 * renderer falls back per glyph to an installed CJK font such as WenQuanYi Zen Hei (docs/printing.md).
 */
export const PRINT_FONT: FontModel = { name: "SimSun", size: 10 };

const GREY = "FFF2F2F2";
const WHOLE: [number, number][] = [[1, 7]];
/** label (A) | the rest of the row (B:G) */
const LABEL_REST: [number, number][] = [
  [1, 1],
  [2, 6],
];
/** label | value (B:C) | label (D:E) | value (F:G) */
const PAIRS: [number, number][] = [
  [1, 1],
  [2, 2],
  [4, 2],
  [6, 2],
];
const CELLS: [number, number][] = [
  [1, 1],
  [2, 1],
  [3, 1],
  [4, 1],
  [5, 1],
  [6, 2],
];
const INDICATOR_CELLS: [number, number][] = [
  [1, 1],
  [2, 2],
  [4, 1],
  [5, 1],
  [6, 1],
  [7, 1],
];
const LABEL_FILL = { 1: GREY, 4: GREY, 5: GREY };

export const PRINT_STYLES: Record<string, RowStyleModel> = {
  title: { height: 28, fontSize: 16, bold: true, align: "center", valign: "middle", border: "none" },
  subtitle: { height: 18, fontSize: 9, align: "center", valign: "middle", border: "none" },
  heading: { height: 30, fontSize: 14, bold: true, align: "center", valign: "middle", border: "bottom" },
  field: { height: 20, fontSize: 10, valign: "middle", border: "all", groups: PAIRS, columnFill: LABEL_FILL },
  section: {
    height: 20,
    fontSize: 11,
    bold: true,
    valign: "middle",
    border: "all",
    groups: WHOLE,
    fill: GREY,
  },
  "table-header": {
    height: 18,
    fontSize: 10,
    bold: true,
    align: "center",
    valign: "middle",
    border: "all",
    groups: CELLS,
  },
  table: {
    height: 17,
    fontSize: 9,
    valign: "middle",
    border: "all",
    wrapColumns: [3],
    groups: CELLS,
    columnAlign: { 1: "center", 2: "center", 3: "left", 4: "right", 5: "right", 6: "left" },
  },
  "indicator-header": {
    height: 18,
    fontSize: 10,
    bold: true,
    align: "center",
    valign: "middle",
    border: "all",
    groups: INDICATOR_CELLS,
  },
  indicator: {
    height: 17,
    fontSize: 9,
    valign: "middle",
    border: "all",
    align: "center",
    groups: INDICATOR_CELLS,
    columnAlign: { 2: "left" },
  },
  "indicator-total": {
    height: 17,
    fontSize: 9,
    bold: true,
    valign: "middle",
    border: "all",
    align: "center",
    groups: [[1, 3], ...INDICATOR_CELLS.slice(2)],
    columnAlign: { 1: "left" },
  },
  subtotal: {
    height: 17,
    fontSize: 9,
    bold: true,
    valign: "middle",
    border: "all",
    groups: [
      [1, 4],
      [5, 1],
      [6, 2],
    ],
    columnAlign: { 5: "right" },
  },
  summary: {
    height: 20,
    fontSize: 10,
    valign: "middle",
    border: "all",
    groups: PAIRS,
    columnFill: LABEL_FILL,
  },
  "field-wrap": {
    height: 20,
    fontSize: 10,
    valign: "middle",
    border: "all",
    wrap: true,
    groups: PAIRS,
    columnFill: LABEL_FILL,
  },
  "summary-wrap": {
    height: 20,
    fontSize: 10,
    valign: "middle",
    border: "all",
    wrap: true,
    groups: PAIRS,
    columnFill: LABEL_FILL,
  },
  /** A label and a value across B:G (考核办法). */
  "field-wide": {
    height: 20,
    fontSize: 10,
    valign: "middle",
    border: "all",
    groups: LABEL_REST,
    columnFill: { 1: GREY },
  },
  "field-wide-wrap": {
    height: 20,
    fontSize: 10,
    valign: "middle",
    border: "all",
    wrap: true,
    groups: LABEL_REST,
    columnFill: { 1: GREY },
  },
  /** Under the heading: 填表日期 (first page) and the page within the form, right-aligned. */
  "page-line": { height: 16, fontSize: 9, valign: "bottom", border: "none", columnAlign: { 7: "right" } },
  /** A box to write in: label on the left, blank space across. */
  writing: {
    height: 44,
    fontSize: 10,
    valign: "top",
    border: "all",
    wrapColumns: [1],
    groups: LABEL_REST,
    columnFill: { 1: GREY },
  },
  /** An opinion with room to write: label (wrapped) on the left, 签字 and 日期 at the bottom right. */
  opinion: {
    height: 44,
    fontSize: 10,
    valign: "bottom",
    border: "all",
    wrapColumns: [1],
    groups: LABEL_REST,
    columnAlign: { 7: "right" },
    columnValign: { 1: "middle", 2: "top" },
    columnFill: { 1: GREY },
  },
  /** A signature line: label on the left, the date at the bottom right. */
  sign: {
    height: 30,
    fontSize: 10,
    valign: "bottom",
    border: "all",
    wrapColumns: [1],
    groups: LABEL_REST,
    columnAlign: { 7: "right" },
    columnValign: { 1: "middle" },
    columnFill: { 1: GREY },
  },
  /** One line of text overflowing across the row (no merge). */
  text: { height: 17, fontSize: 9, valign: "middle", border: "all", groups: WHOLE },
  /** A long text: merged across the row and wrapped. */
  "text-wrap": { height: 17, fontSize: 9, valign: "middle", border: "all", groups: WHOLE, wrap: true },
};

/** Height in points of one more wrapped line in a `table` or `text` row. */
export const LINE_HEIGHT = 13;

/**
 * Binding margins: wider left (1.0 in) than right (0.5 in). Page height left for form rows below the
 * repeated title rows: A4 842 pt − 2 × 0.8 in − title rows (46 pt) ≈ 680 pt. Excel prints
 * custom row heights exactly at 100 %; LibreOffice scales the sheet to ~85 % to fit the width, so it has
 * more room than planned. 672 keeps a little margin.
 */
export const PAGE_BODY_POINTS = 672;

export function printPageSetup(lastRow: number, rowBreaks: number[], footer?: string): PageSetupModel {
  return {
    orientation: "portrait",
    paperSize: "A4",
    margins: { left: 1.0, right: 0.5, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    fitToWidth: true,
    fitToHeight: false,
    rowBreaks,
    printTitleRows: [1, 2],
    printArea: `A1:G${lastRow}`,
    ...(footer ? { footer } : {}),
  };
}
