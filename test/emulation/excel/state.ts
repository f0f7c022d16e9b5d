/**
 * The "server side" of the Excel emulation: sheets of cells with values, formulas, number formats,
 * fills and notes, and Excel's own coercion of values written through the API.
 */
import { blockAddress, columnLetters } from "../../../src/hosts/excel/address";

export type Primitive = string | number | boolean;

export interface EmuCell {
  v: Primitive;
  /** Set when Excel took the written string as a formula (General cell, leading =, +, - or @). */
  f?: string;
  fmt?: string;
  fill?: string;
  bold?: boolean;
  hyperlink?: string;
}

export class EmuError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export class SheetState {
  cells = new Map<number, EmuCell>();
  notes = new Map<number, string>();
  columnWidths = new Map<number, number>();
  /** Cell formats autofit reads (by `SheetState.key`): wrap and font size; and rows' heights in points. */
  wraps = new Map<number, boolean>();
  fontSizes = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** Merged areas (row, column, rowCount, columnCount); autofit ignores their cells as Excel does. */
  merges: [number, number, number, number][] = [];
  /** Fill applied to whole rows (`12:12`); a cell's own fill wins. */
  rowFills = new Map<number, string>();
  validations: { address: string; rule: unknown }[] = [];
  visibility = "Visible";
  frozenRows = 0;
  deleted = false;
  constructor(public name: string) {}

  static key(row: number, column: number): number {
    return row * 20000 + column;
  }
  cell(row: number, column: number): EmuCell | undefined {
    return this.cells.get(SheetState.key(row, column));
  }
  ensure(row: number, column: number): EmuCell {
    const k = SheetState.key(row, column);
    let c = this.cells.get(k);
    if (!c) {
      c = { v: "" };
      this.put(row, column, c);
    }
    return c;
  }
  /** Rightmost column that ever held a cell, so a row's cells are found without scanning the sheet. */
  maxColumn = 0;
  put(row: number, column: number, cell: EmuCell): void {
    this.cells.set(SheetState.key(row, column), cell);
    if (column > this.maxColumn) this.maxColumn = column;
  }
  rowCells(row: number): EmuCell[] {
    const out: EmuCell[] = [];
    for (let c = 1; c <= this.maxColumn; c++) {
      const cell = this.cell(row, c);
      if (cell) out.push(cell);
    }
    return out;
  }
  /**
   * Used range as Excel computes it, of the sheet or `within` a range of it; `valuesOnly` ignores cells
   * that only carry formatting.
   */
  usedRange(valuesOnly: boolean, within?: RangeTarget): RangeTarget | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = 0;
    let c1 = 0;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.v === "" && !cell.f) continue;
      const r = Math.floor(k / 20000);
      const c = k % 20000;
      if (within && (r < within.row || r >= within.row + within.rowCount)) continue;
      if (within && (c < within.column || c >= within.column + within.columnCount)) continue;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    if (r1 === 0) return null;
    return { sheet: this, row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
  }
}

export interface RangeTarget {
  sheet: SheetState;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** `12:12` style: formats go to the row, not to 16384 cells. */
  wholeRows?: boolean;
}

export class BookState {
  sheets: SheetState[] = [];
  selection?: { sheet: string; address: string };
  live(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }
  find(name: string): SheetState | undefined {
    return this.live().find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  add(name: string): SheetState {
    if (this.find(name)) throw new EmuError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    if (name.length > 31 || /[[\]:*?/\\]/.test(name))
      throw new EmuError("InvalidArgument", `Bad sheet name ${name}`);
    const s = new SheetState(name);
    this.sheets.push(s);
    return s;
  }
}

export function rangeAddress(t: RangeTarget): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.sheet.name)
    ? t.sheet.name
    : `'${t.sheet.name.replace(/'/g, "''")}'`;
  return `${name}!${blockAddress(t.row, t.column, t.rowCount, t.columnCount)}`;
}

/** Parses `B2`, `B2:D9`, `A:A` style local addresses (the part after `!`). */
export function parseLocal(sheet: SheetState, address: string): RangeTarget {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const whole = /^(\d+):(\d+)$/.exec(local);
  if (whole) {
    const [r0, r1] = [Number(whole[1]), Number(whole[2])];
    return { sheet, row: r0, column: 1, rowCount: r1 - r0 + 1, columnCount: 16384, wholeRows: true };
  }
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(local);
  if (!m) throw new EmuError("InvalidArgument", `The address ${address} is not valid.`);
  const c0 = letters(m[1]!);
  const r0 = Number(m[2]);
  const c1 = m[3] ? letters(m[3]) : c0;
  const r1 = m[4] ? Number(m[4]) : r0;
  if (r0 < 1 || c0 < 1 || r1 < r0 || c1 < c0 || r1 > 1048576 || c1 > 16384)
    throw new EmuError("InvalidArgument", `The address ${address} is not valid.`);
  return { sheet, row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

function letters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/;

/** Excel serial of a calendar date (1900 system). */
export function serialOf(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What Excel stores when the API writes `value` into a cell formatted `fmt` (General unless set). */
export function coerce(cell: EmuCell, value: Primitive): void {
  delete cell.f;
  const text = (cell.fmt ?? "General") === "@";
  if (typeof value !== "string" || text) {
    // Office.js sends JSON, so -0 arrives as 0.
    cell.v = value === 0 ? 0 : value;
    return;
  }
  if (NUMBER.test(value)) {
    cell.v = Number(value);
    return;
  }
  if (/^[=+\-@]/.test(value) && value.length > 1) {
    // Excel parses it as a formula; the emulation does not evaluate it.
    cell.f = value.startsWith("=") ? value : `=${value}`;
    cell.v = "#NAME?";
    return;
  }
  const date = ISO_DATE.exec(value);
  if (date && Number(date[2]) >= 1 && Number(date[2]) <= 12) {
    cell.v = serialOf(Number(date[1]), Number(date[2]), Number(date[3] ?? 1));
    if (!cell.fmt || cell.fmt === "General") cell.fmt = date[3] ? "yyyy-mm-dd" : "mmm-yy";
    return;
  }
  if (/^(true|false)$/i.test(value)) {
    cell.v = value.toLowerCase() === "true";
    return;
  }
  cell.v = value;
}
