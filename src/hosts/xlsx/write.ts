/** SheetModel → ExcelJS worksheet: header, typed cells, number formats, widths, frozen rows, drop-downs. */
import type { Cell, Workbook, Worksheet } from "exceljs";
import type { CellValue } from "../../core";
import type { ColumnFormat, SheetModel, ValidationModel } from "../../workbook/types";
import { applyPrintLayout, applyTabLayout } from "./printLayout";
import { addRangeValidation } from "./validations";
import { displayWidth } from "../../workbook/text";

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: "@",
  points: "0.0",
  delta: "+0.0;-0.0;0.0",
  integer: "0",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  general: undefined,
};

const HEADER_FILL = "FFDDEBF7";
const WIDTH_SAMPLE_ROWS = 300;

function shownText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return "2025-01-01";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return String(value);
}

function autoWidth(model: SheetModel, column: number): number {
  const header = model.headerless ? "" : (model.columns[column]?.header ?? "");
  let max = displayWidth(header);
  const n = Math.min(model.rows.length, WIDTH_SAMPLE_ROWS);
  for (let r = 0; r < n; r++) max = Math.max(max, displayWidth(shownText(model.rows[r]?.[column] ?? null)));
  return Math.min(60, Math.max(6, max + 2));
}

/**
 * Sets a value so that text is always text: ExcelJS writes JS strings as string cells (never formulas),
 * so `=SUM(1)` from a note stays the characters `=SUM(1)`.
 */
export function setCellValue(cell: Cell, value: CellValue): void {
  if (value === null) return;
  if (typeof value === "number" && !Number.isFinite(value)) {
    cell.value = String(value);
    return;
  }
  cell.value = value;
  if (typeof value === "string" && /^[=+\-@]/.test(value)) cell.numFmt = "@";
}

function applyValidation(ws: Worksheet, v: ValidationModel): void {
  const formulae = v.listRange ? [v.listRange] : [`"${(v.list ?? []).join(",")}"`];
  const col = ws.getColumn(v.column).letter;
  const range = v.firstRow === v.lastRow ? `${col}${v.firstRow}` : `${col}${v.firstRow}:${col}${v.lastRow}`;
  addRangeValidation(ws, range, {
    type: "list",
    allowBlank: true,
    formulae,
    showErrorMessage: true,
    errorStyle: "warning",
  });
}

/** Adds a worksheet for the model at the end of the workbook. */
export function writeSheetModel(wb: Workbook, model: SheetModel): Worksheet {
  const freeze = model.headerless ? (model.freezeRows ?? 0) : (model.freezeRows ?? 1);
  const ws = wb.addWorksheet(model.name, {
    views: freeze > 0 ? [{ state: "frozen", ySplit: freeze, xSplit: 0 }] : [],
    state: model.hidden ? "hidden" : "visible",
  });
  model.columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.width = col.width ?? autoWidth(model, i);
    const fmt = NUMBER_FORMATS[col.format ?? "general"];
    if (fmt) column.numFmt = fmt;
    if (col.align) column.alignment = { horizontal: col.align };
  });
  let first = 1;
  if (!model.headerless) {
    const header = ws.getRow(1);
    model.columns.forEach((col, i) => {
      const cell = header.getCell(i + 1);
      cell.value = col.header;
      cell.style = {
        ...cell.style,
        numFmt: "@",
        font: { bold: true },
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } },
        alignment: { vertical: "middle", horizontal: "center" },
      };
    });
    first = 2;
  }
  model.rows.forEach((values, r) => {
    const row = ws.getRow(first + r);
    values.forEach((value, c) => setCellValue(row.getCell(c + 1), value));
  });
  for (const v of model.validations ?? []) applyValidation(ws, v);
  if (!model.headerless) applyTabLayout(ws, model);
  if (model.headerless && (model.pageSetup || model.merges || model.rowStyles)) applyPrintLayout(ws, model);
  return ws;
}
