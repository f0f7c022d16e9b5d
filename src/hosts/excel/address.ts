/** A1 addresses for Office.js calls: pure helpers, no Excel objects. */

import { columnLetter, columnNumber as columnNumberOf } from "../../workbook/cells";

/** 1-based column number → letters (1 → A, 27 → AA). */
export const columnLetters = columnLetter;

/** Letters → 1-based column number. */
export const columnNumber = columnNumberOf;

/** `A1` style address of a block, 1-based, e.g. (2, 1, 3, 4) → `A2:D4`. */
export function blockAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const first = `${columnLetters(column)}${row}`;
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${columnLetters(column + columnCount - 1)}${row + rowCount - 1}`;
}

/** Quotes a sheet name for a reference: `'事项 记录'!A1`; quotes inside are doubled. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Top-left cell of an address such as `'事项记录'!B2:K100` → { row: 2, column: 2 }. */
export function addressOrigin(address: string): { row: number; column: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const m = /^\$?([A-Za-z]+)\$?(\d+)/.exec(local);
  if (!m) throw new Error(`Unexpected range address from Excel: ${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}
