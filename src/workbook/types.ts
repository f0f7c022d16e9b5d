/** Host-neutral sheet shapes: what hosts read (RawSheet) and write (SheetModel). */
import type { InlineFlag, Issue } from "../engine/types";

/** A cell as hosts hand it over. Dates from ExcelJS arrive as Date (UTC midnight); Office.js gives serials. */
export type CellValue = string | number | boolean | Date | null;

/** `rows[r][c]` is the cell at sheet row r+1, column c+1 (hosts pad so that A1 is rows[0][0]). */
export interface RawSheet {
  name: string;
  rows: CellValue[][];
}

export type ColumnFormat = "text" | "points" | "integer" | "percent" | "date" | "general";

export interface ColumnModel {
  header: string;
  /** Width in characters. */
  width?: number;
  format?: ColumnFormat;
}

export interface PageSetupModel {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  /** Inches, Excel convention. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  fitToWidth: boolean;
  /** 1-based sheet rows after which a page break falls. */
  rowBreaks: number[];
  /** 1-based rows repeated at the top of each page, e.g. [1, 2]. */
  printTitleRows?: [number, number];
  /** e.g. `A1:H152`. */
  printArea?: string;
  footer?: string;
}

export interface MergeModel {
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
}

export interface SheetModel {
  name: string;
  columns: ColumnModel[];
  /** Data rows (header row excluded unless `headerless`). Text is always written as text, never a formula. */
  rows: CellValue[][];
  freezeRows?: number;
  /** Print forms have no header row; rows are laid out freely with merges and styles. */
  headerless?: boolean;
  merges?: MergeModel[];
  /** Per-row style hints for print forms: `title`, `section`, `table-header`, `signature`. */
  rowStyles?: Record<number, string>;
  pageSetup?: PageSetupModel;
  /** Drop-down lists (template): a range on a list sheet such as `'列表'!$A$2:$A$130`, or inline values. */
  validations?: ValidationModel[];
  /** Hidden helper sheets (drop-down sources). */
  hidden?: boolean;
}

export interface ValidationModel {
  /** 1-based column. */
  column: number;
  firstRow: number;
  lastRow: number;
  listRange?: string;
  list?: string[];
}

/** Everything a host must do. Implemented by the xlsx host (ExcelJS) and the Excel host (Office.js). */
export interface WorkbookHost {
  /** Every sheet's used values; input tabs only matter but hosts may return all. */
  readSheets(): Promise<RawSheet[]>;
  /** Replace output tabs as a whole and set inline flags; all or nothing. */
  writeOutputs(sheets: SheetModel[], flags: InlineFlag[]): Promise<void>;
  /** Remove exactly the inline flags a previous run set. */
  clearFlags(): Promise<number>;
  /** Add missing input tabs from the template; never overwrites an existing tab. Returns tabs added. */
  addTemplateTabs(sheets: SheetModel[]): Promise<string[]>;
  /** Select a cell or row for 定位 (no-op for file hosts). */
  select?(sheet: string, row: number, column?: number): Promise<void>;
}

export interface ParseOutcome<T> {
  value?: T;
  issues: Issue[];
}
