/** Cell addressing and cell-to-text helpers shared by every parser. */
import type { CellValue, RawSheet } from "../core";
import { cleanText } from "./text";

/** 1-based column number → letters (1 → A, 27 → AA). */
/** Leading column letters of a reference → 1-based number (`AB12` → 28, `c` → 3); 0 without letters. */
export function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper-case ASCII letters
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

export function columnLetter(column: number): string {
  let n = Math.floor(column);
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * `D3` for row 3, column 4. A place is always named as a cell: a row without a known column is named by
 * its first cell (`A3`), so the pane, the page, the CLI, the result tabs and the JSON all say the same.
 */
export function cellRef(row: number, column?: number): string {
  return `${columnLetter(column ?? 1)}${row}`;
}

/** `事项记录!D3` (`事项记录!A3` for a whole row); without a row, just the sheet name. */
export function cellAddress(sheet: string, row?: number, column?: number): string {
  return row === undefined ? sheet : `${sheet}!${cellRef(row, column)}`;
}

/** The cell at 1-based row and column, or null. */
export function cellAt(sheet: RawSheet, row: number, column: number): CellValue {
  return sheet.rows[row - 1]?.[column - 1] ?? null;
}

/** Cleaned text of a cell ("" for empty); numbers in their shortest decimal form. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return cleanText(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const y = value.getUTCFullYear();
    return y < 0 || y > 9999
      ? value.toISOString().slice(0, 10)
      : isoDate(y, value.getUTCMonth() + 1, value.getUTCDate());
  }
  return "";
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** True when the cell holds nothing but white space. */
export function isBlank(value: CellValue): boolean {
  return cellText(value) === "";
}

/** True when every cell of the row is blank. */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isBlank);
}
