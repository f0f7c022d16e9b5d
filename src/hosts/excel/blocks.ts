/**
 * SheetModel → 2-D blocks of values and number formats, cut so each sync stays under a payload budget.
 * Every string cell is formatted `@` (text) before its value is written, so Excel never turns
 * `=SUM(1)`, `+86…`, `2025-03` or `007` into a formula, a date or a number.
 */
import type { CellValue } from "../../core";
import type { ColumnFormat, SheetModel } from "../../workbook/types";

export const SYNC_BUDGET = 4 * 1024 * 1024;
/** Bytes Office.js adds around each queued operation (an estimate, on the safe side). */
export const OP_OVERHEAD = 128;
/** Bytes of one action (a navigation such as getItem/getRange/format, a load or a property set). */
export const ACTION = 64;

const FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  points: "0.0",
  delta: "+0.0;-0.0;0.0",
  integer: "0",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  general: "General",
};

export type ExcelCell = string | number | boolean;

export interface Block {
  /** 1-based first sheet row. */
  row: number;
  columnCount: number;
  values: ExcelCell[][];
  formats: string[][];
  bytes: number;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Dates become serials (UTC calendar day), so no time zone shifts them. */
export function excelValue(v: CellValue): ExcelCell {
  if (v === null) return "";
  if (v instanceof Date) return Math.round((v.getTime() - EXCEL_EPOCH) / 86400000);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
}

export function cellFormat(v: CellValue, column: ColumnFormat | undefined): string {
  if (typeof v === "string") return "@";
  if (v instanceof Date) return FORMATS.date;
  return FORMATS[column ?? "general"];
}

export function modelWidth(model: SheetModel): number {
  // A loop, not Math.max(...rows): spreading 100k rows overflows the stack.
  let width = Math.max(model.columns.length, 1);
  for (const row of model.rows) if (row.length > width) width = row.length;
  return width;
}

/** Header (unless headerless) plus data rows as rows of cells. */
export function modelRows(model: SheetModel): { values: ExcelCell[]; formats: string[] }[] {
  const width = modelWidth(model);
  const out: { values: ExcelCell[]; formats: string[] }[] = [];
  if (!model.headerless) {
    const headers = Array.from({ length: width }, (_, c) => model.columns[c]?.header ?? "");
    out.push({ values: headers, formats: headers.map(() => "@") });
  }
  for (const row of model.rows) {
    const values: ExcelCell[] = [];
    const formats: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      values.push(excelValue(v));
      formats.push(cellFormat(v, model.columns[c]?.format));
    }
    out.push({ values, formats });
  }
  return out;
}

const rowBytes = (values: ExcelCell[], formats: string[]): number =>
  new TextEncoder().encode(JSON.stringify(values)).length +
  new TextEncoder().encode(JSON.stringify(formats)).length +
  2;

export interface SheetBlock extends Block {
  /** Index of the model the block belongs to. */
  sheet: number;
}

/**
 * Packs the rows of all models into syncs of at most `budget` estimated bytes (the first sync has
 * `firstRoom` less, for the operations that share it). Blocks are cut where a sync fills up.
 */
export function planSyncs(models: SheetModel[], budget = SYNC_BUDGET, firstRoom = 0): SheetBlock[][] {
  const syncs: SheetBlock[][] = [[]];
  let room = budget - firstRoom;
  models.forEach((model, sheet) => {
    const width = modelWidth(model);
    let block: SheetBlock | undefined;
    modelRows(model).forEach(({ values, formats }, i) => {
      const bytes = rowBytes(values, formats);
      const need = bytes + (block ? 0 : 2 * OP_OVERHEAD);
      if (need > room && syncs[syncs.length - 1]!.length > 0) {
        syncs.push([]);
        room = budget;
        block = undefined;
      }
      if (!block) {
        block = { sheet, row: i + 1, columnCount: width, values: [], formats: [], bytes: 2 * OP_OVERHEAD };
        syncs[syncs.length - 1]!.push(block);
        room -= block.bytes;
      }
      block.values.push(values);
      block.formats.push(formats);
      block.bytes += bytes;
      room -= bytes;
    });
  });
  return syncs;
}

/** Column width in points from a width in characters (Calibri 11: about 7 px = 5.25 pt a character). */
export function widthPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}
