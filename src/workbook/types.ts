/** Host-neutral sheet shapes: what hosts write (SheetModel); what they read (RawSheet) is in ../core. */
import type { CellValue, InlineFlag, RawSheet } from "../core";

/** `delta`: signed points (`+2.0`, `-0.5`, `0.0`) for deductions and bonuses; `points` for scores. */
export type ColumnFormat = "text" | "points" | "delta" | "integer" | "percent" | "date" | "general";

export interface ColumnModel {
  header: string;
  /** Width in characters. */
  width?: number;
  format?: ColumnFormat;
  /** Horizontal alignment of the column's cells (default: the format's, numbers right, text left). */
  align?: "center";
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
  /** Page header text (Excel header codes such as `&P`), optional. */
  header?: string;
  /** Fit the page height too (default false: fit one page wide only, so manual breaks hold). */
  fitToHeight?: boolean;
}

/** How a named row style looks in print (fonts, borders, heights); hosts apply it to every cell of the row. */
export interface RowStyleModel {
  /** Row height in points. */
  height?: number;
  fontSize?: number;
  bold?: boolean;
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
  /** Thin borders around every cell of the row (within the sheet's columns), or a bottom rule only. */
  border?: "all" | "bottom" | "none";
  /** Fill colour as ARGB hex, e.g. `FFF2F2F2`. */
  fill?: string;
  wrap?: boolean;
  /** Only these 1-based columns wrap (others overflow into empty neighbours); overrides `wrap`. */
  wrapColumns?: number[];
  /** 1-based columns aligned differently from the row, e.g. numbers right-aligned. */
  columnAlign?: Record<number, "left" | "center" | "right">;
  /** 1-based columns aligned vertically differently from the row (a label centred beside a signature). */
  columnValign?: Record<number, "top" | "middle" | "bottom">;
  /**
   * Cells drawn as one box (first column, count): borders go around each group, not between its cells,
   * so a label or value can overflow across the group without a merge (merges are slow to load at scale).
   */
  groups?: [number, number][];
  /** 1-based columns with their own fill (e.g. label cells of a form), ARGB hex. */
  columnFill?: Record<number, string>;
}

/** Sheet-wide font for print forms: the first name, with fallbacks documented in docs/printing.md. */
export interface FontModel {
  name: string;
  size: number;
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
  /** A filter on the header row over all data rows (tabular tabs). */
  autoFilter?: boolean;
  /** Cells of one 1-based column filled by their value (grades), ARGB. */
  valueFills?: { column: number; fills: Record<string, string> };
  /** Print forms have no header row; rows are laid out freely with merges and styles. */
  headerless?: boolean;
  merges?: MergeModel[];
  /** Per-row style hints for print forms: `title`, `section`, `table-header`, `signature`. */
  rowStyles?: Record<number, string>;
  /** Definitions of the style names used in `rowStyles` (print forms). */
  rowStyleDefs?: Record<string, RowStyleModel>;
  /** Row heights in points for rows that differ from their style (e.g. wrapped text), by 1-based row. */
  rowHeights?: Record<number, number>;
  /** Sheet-wide font (print forms). */
  font?: FontModel;
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
  /**
   * Replace output tabs as a whole and set inline flags (replacing the previous run's); all or nothing.
   * Without `flags` (consolidation, print tabs) the workbook's flags are left exactly as they are.
   */
  writeOutputs(sheets: SheetModel[], flags?: InlineFlag[]): Promise<void>;
  /** Remove exactly the inline flags a previous run set. */
  clearFlags(): Promise<number>;
  /** Add missing input tabs from the template; never overwrites an existing tab. Returns tabs added. */
  addTemplateTabs(sheets: SheetModel[]): Promise<string[]>;
  /** Select a cell or row for 定位 (no-op for file hosts). */
  select?(sheet: string, row: number, column?: number): Promise<void>;
}
