import type { ColumnModel, FontModel, PageSetupModel, RowStyleModel } from "../workbook/types";

export const PRINT_SHEET_NAME = "打印_考核表";

/** Eight columns that fit A4 portrait at 100 % inside binding margins (82 character widths). */
export const PRINT_COLUMNS: ColumnModel[] = [11, 7, 12, 12, 12, 6, 7, 15].map((width) => ({
  header: "",
  width,
  format: "general" as const,
}));
export const COLUMN_COUNT = PRINT_COLUMNS.length;
/** Width of the merged 内容 cell (columns C:E), for estimating wrapped lines. */
export const CONTENT_WIDTH = 12 * 3;
/** Width of a full-width merged text row (A:H). */
export const FULL_WIDTH = 82;

/**
 * SimSun (宋体) is what Chinese offices print with; where it is missing (LibreOffice on Linux), the
 * renderer falls back per glyph to an installed CJK font such as WenQuanYi Zen Hei (docs/printing.md).
 */
export const PRINT_FONT: FontModel = { name: "SimSun", size: 10 };

const GREY = "FFF2F2F2";
const LABEL_FILL = { 1: GREY, 5: GREY };

export const PRINT_STYLES: Record<string, RowStyleModel> = {
  title: { height: 28, fontSize: 16, bold: true, align: "center", valign: "middle", border: "none" },
  subtitle: { height: 18, fontSize: 9, align: "center", valign: "middle", border: "none" },
  heading: { height: 30, fontSize: 14, bold: true, align: "center", valign: "middle", border: "bottom" },
  field: { height: 20, fontSize: 10, valign: "middle", border: "all", columnFill: LABEL_FILL },
  section: { height: 20, fontSize: 11, bold: true, valign: "middle", border: "all", fill: GREY },
  "table-header": { height: 18, fontSize: 10, bold: true, align: "center", valign: "middle", border: "all" },
  table: {
    height: 17,
    fontSize: 9,
    valign: "middle",
    border: "all",
    wrap: true,
    columnAlign: { 1: "center", 2: "center", 6: "right", 7: "right" },
  },
  indicator: {
    height: 17,
    fontSize: 9,
    valign: "middle",
    border: "all",
    align: "center",
    columnAlign: { 2: "left" },
  },
  subtotal: {
    height: 17,
    fontSize: 9,
    bold: true,
    valign: "middle",
    border: "all",
    columnAlign: { 7: "right" },
  },
  summary: { height: 20, fontSize: 10, valign: "middle", border: "all", columnFill: LABEL_FILL },
  text: { height: 17, fontSize: 9, valign: "middle", border: "all", wrap: true },
  signature: { height: 34, fontSize: 10, valign: "bottom", border: "all" },
  "signature-board": { height: 64, fontSize: 10, valign: "top", border: "all", wrap: true },
};

/** Height in points of one more wrapped line in a `table` or `text` row. */
export const LINE_HEIGHT = 13;

/**
 * Binding margins: wider left (1.0 in) than right (0.5 in). Page height left for form rows below the
 * repeated title rows: A4 842 pt − 2 × 0.8 in − title rows (46 pt) ≈ 680 pt; 640 keeps a safety margin
 * for renderers that pad rows.
 */
export const PAGE_BODY_POINTS = 640;

export function printPageSetup(lastRow: number, rowBreaks: number[], footer: string): PageSetupModel {
  return {
    orientation: "portrait",
    paperSize: "A4",
    margins: { left: 1.0, right: 0.5, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    fitToWidth: true,
    fitToHeight: false,
    rowBreaks,
    printTitleRows: [1, 2],
    printArea: `A1:H${lastRow}`,
    footer,
  };
}
