/**
 * The shared kernel: value types every layer speaks. Plain data only, no imports; a folder that needs
 * one of these imports it from here, never from the layer that happens to produce it.
 */

/** Calendar date as `YYYY-MM-DD`; never a JS Date, so no time zone can shift it. */
export type IsoDate = string;
/** `2025-03` (month), `2025-Q1` (quarter) or `2025` (year). */
export type PeriodId = string;

/** Where a value came from: sheet name, 1-based sheet row, optional 1-based column. */
export interface SourceRef {
  sheet: string;
  row: number;
  column?: number;
}

/** The languages of every message and output tab. */
export type Locale = "zh-CN" | "zh-TW" | "en";

/** A mark on an input row that caused a veto or notification. */
export interface InlineFlag {
  sheet: string;
  row: number;
  codes: string[];
  periods: PeriodId[];
  message: string;
}

/** A cell as hosts hand it over. Dates from ExcelJS arrive as Date (UTC midnight); Office.js gives serials. */
export type CellValue = string | number | boolean | Date | null;

/** `rows[r][c]` is the cell at sheet row r+1, column c+1 (hosts pad so that A1 is rows[0][0]). */
export interface RawSheet {
  name: string;
  rows: CellValue[][];
}
