/**
 * Reads a worksheet part's cell values into a RawSheet grid, as the contract expects them. The part is
 * tokenized by XML's rules (./xmlScan: prefixes, quoting, optional `r`, comments, CDATA, references) from
 * its UTF-8 bytes a piece at a time, and every cell string is an owned copy (interned), so no cell keeps
 * a sheet-sized string alive: a county-year's 135 MB case log would otherwise stay in memory as a 250 MB
 * two-byte string behind its 3 million cells.
 */
import type { CellValue } from "../../../core";
import { CHUNK_BYTES } from "./rowChunks";
import { END, INCOMPLETE, OPEN, TEXT, XmlScanner, XmlSyntaxError } from "./xmlScan";
import { ownedString, unescapeOoxml } from "./xml";

export { CHUNK_BYTES } from "./rowChunks";

// Excel's grid: a reference beyond it must not make any reader allocate or loop without end.
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export type CellProblem = "out-of-grid" | "bad-number" | "bad-date" | "formula-no-value";

/**
 * Cells and rows one read may hand over, checked while streaming: far above a county-year (3.4 million
 * cells, 370,000 rows), far below what would exhaust memory (an honest 900 MB sheet is refused early).
 */
export const READ_BOUNDS = { maxCells: 8_000_000, maxRows: 4_000_000 };

/** The read went past READ_BOUNDS: the file is refused, naming the bound. */
export class ReadBoundError extends Error {
  constructor(
    readonly what: "cells" | "rows",
    readonly max: number,
  ) {
    super(`more than ${max} ${what}`);
    this.name = "ReadBoundError";
  }
}

/** A cell whose value cannot be known: named by sheet and cell, never read as blank. */
export class CellReadError extends Error {
  constructor(
    readonly reason: CellProblem,
    readonly row: number,
    readonly column: number,
    readonly sheet = "",
  ) {
    super(`${reason} at row ${row}, column ${column}`);
    this.name = "CellReadError";
  }
}

export interface SheetReadContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  /** Equal cell strings share one owned copy (shared across the sheets of one read). */
  intern?: Map<string, string>;
  /** Cells and rows read so far (shared across the sheets of one read), bounded by READ_BOUNDS. */
  counts?: { cells: number; rows: number };
}

/** How a part was written, for the flag patcher (which edits only the plain encoding ExcelJS writes). */
export interface SheetShape {
  /** Rows seen in ascending order. */
  ascending: boolean;
  /** No prefixes, `r` on every row and cell, no comments or CDATA inside `<sheetData>`. */
  plain: boolean;
  /** Formula cells without a cached value (1-based row, column), left blank in the grid. */
  uncached: [number, number][];
}

/** Column index (0-based) of a cell reference such as `AB12`; -1 when it does not start with letters. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > MAX_COLUMNS) return MAX_COLUMNS;
  }
  return n - 1;
}

export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

const ISO_DATE = /^(-?\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?)?(Z|[+-]\d\d:?\d\d)?$/;
const ISO_TIME = /^T?(\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?$/;

/** A `t="d"` cell (ISO 8601, no time zone in a spreadsheet): the wall-clock date and time, as UTC. */
export function isoToDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (m) {
    const [y, mo, d, h, mi, s, frac] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
    const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, Math.round((frac ?? 0) * 1000)));
    if (y! < 100) date.setUTCFullYear(y!);
    return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d! ? date : undefined;
  }
  const t = ISO_TIME.exec(text.trim());
  if (!t) return undefined;
  // A time without a date is a time of Excel's day 0 (1899-12-30).
  const [h, mi, s, frac] = t.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  return new Date(Date.UTC(1899, 11, 30, h!, mi!, s!, Math.round((frac ?? 0) * 1000)));
}

/** One owned copy per distinct string: a slice of the piece never escapes the reader. */
function interned(s: string, intern: Map<string, string>): string {
  let v = intern.get(s);
  if (v === undefined) {
    v = ownedString(s);
    intern.set(v, v);
  }
  return v;
}

// The cell types as constants: a county's 3 million `t="…"` are compared in place, not copied.
const CELL_TYPES = ["str", "s", "n", "b", "e", "d", "inlineStr"];

function cellType(scan: XmlScanner, t: number): string {
  for (const type of CELL_TYPES) if (scan.attrIs(t, type)) return type;
  return scan.attrValue(t);
}

const NONE = 0;
const V = 1;
const T = 2;

class SheetState implements SheetShape {
  rows: CellValue[][] = [];
  ascending = true;
  plain = true;
  uncached: [number, number][] = [];
  depth = 0;
  rootSeen = false;
  dataLevel = 0;
  sawData = false;
  nextRow = 1;
  rowNo = 0;
  inRow = false;
  scratch: CellValue[] = [];
  nextCol = 0;
  // The open cell.
  inCell = false;
  col = 0;
  type = "";
  style = -1;
  v = "";
  hasV = false;
  hasF = false;
  t = "";
  inIs = false;
  rph = 0;
  capture = NONE;

  private readonly counts: { cells: number; rows: number };

  constructor(
    readonly ctx: SheetReadContext,
    readonly intern: Map<string, string>,
  ) {
    this.counts = ctx.counts ?? { cells: 0, rows: 0 };
  }

  /** `r` written ` r="…"`, the only form the flag patcher finds. */
  private plainR(scan: XmlScanner, r: number): void {
    if (
      r < 0 ||
      scan.s.charCodeAt(scan.attrStart(r) - 1) !== 34 ||
      scan.s.charCodeAt(scan.attrStart(r) - 4) !== 32
    )
      this.plain = false;
  }

  openRow(scan: XmlScanner): void {
    const r = scan.attrIndex("r");
    this.plainR(scan, r);
    const n = r < 0 ? this.nextRow : scan.attrInteger(r);
    if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) throw new CellReadError("out-of-grid", n || 0, 0);
    if (n < this.nextRow) this.ascending = false;
    if (++this.counts.rows > READ_BOUNDS.maxRows) throw new ReadBoundError("rows", READ_BOUNDS.maxRows);
    this.rowNo = n;
    this.nextRow = n + 1;
    this.nextCol = 0;
    this.scratch.length = 0;
    this.inRow = true;
  }

  closeRow(): void {
    const rows = this.rows;
    if (this.scratch.length > 0) {
      while (rows.length < this.rowNo - 1) rows.push([]);
      // Copied at its exact length (a grown array keeps ~2× the slots).
      rows[this.rowNo - 1] = this.scratch.slice();
    }
    this.inRow = false;
  }

  openCell(scan: XmlScanner): void {
    const r = scan.attrIndex("r");
    let col = this.nextCol;
    this.plainR(scan, r);
    if (r >= 0) {
      const s = scan.s;
      let n = 0;
      for (let i = scan.attrStart(r); i < scan.attrEnd(r); i++) {
        const c = s.charCodeAt(i) & ~32;
        if (c < 65 || c > 90) break;
        n = n * 26 + (c - 64);
        if (n > MAX_COLUMNS) break;
      }
      col = n - 1;
    }
    if (col < 0 || col >= MAX_COLUMNS) throw new CellReadError("out-of-grid", this.rowNo, col + 1);
    if (++this.counts.cells > READ_BOUNDS.maxCells) throw new ReadBoundError("cells", READ_BOUNDS.maxCells);
    this.col = col;
    this.nextCol = col + 1;
    const t = scan.attrIndex("t");
    this.type = t < 0 ? "" : cellType(scan, t);
    const st = scan.attrIndex("s");
    this.style = st < 0 ? -1 : scan.attrInteger(st);
    this.v = "";
    this.t = "";
    this.hasV = false;
    this.hasF = false;
    this.inCell = true;
  }

  closeCell(): void {
    this.inCell = false;
    const value = this.value();
    if (value === null || value === "") return;
    const row = this.scratch;
    while (row.length < this.col) row.push(null);
    row[this.col] = value;
  }

  private fail(reason: CellProblem): never {
    throw new CellReadError(reason, this.rowNo, this.col + 1);
  }

  private value(): CellValue {
    const ctx = this.ctx;
    if (this.type === "inlineStr") return interned(unescapeOoxml(this.t), this.intern);
    if (!this.hasV) {
      if (this.hasF) this.uncached.push([this.rowNo, this.col + 1]);
      return null;
    }
    const raw = this.v;
    switch (this.type) {
      case "s": {
        const s = ctx.strings[Number(raw)];
        if (s === undefined) this.fail("bad-number");
        return s;
      }
      case "str":
        return interned(unescapeOoxml(raw), this.intern);
      case "e":
        return interned(raw.trim(), this.intern);
      case "b":
        return raw.trim() === "1" || raw.trim() === "true";
      case "d": {
        if (raw.trim() === "") return null;
        return isoToDate(raw) ?? this.fail("bad-date");
      }
      default: {
        const text = raw.trim();
        if (text === "") return null;
        const n = Number(text);
        if (!Number.isFinite(n)) this.fail("bad-number");
        return this.style >= 0 && ctx.dateStyles[this.style] ? serialToDate(n, ctx.date1904) : n;
      }
    }
  }

  /** Consumes tokens of one piece; returns where an unfinished token starts (to carry over), or -1. */
  feed(scan: XmlScanner): number {
    for (;;) {
      const tok = scan.next();
      if (tok === END) return -1;
      if (tok === INCOMPLETE) return scan.pos;
      if (tok === TEXT) {
        if (this.capture === V) this.v += scan.text();
        else if (this.capture === T) this.t += scan.text();
        else if (this.dataLevel > 0 && scan.cdata) this.plain = false;
        continue;
      }
      if (scan.prefix !== "") this.plain = false;
      const local = scan.local;
      if (tok === OPEN) {
        if (!this.rootSeen) {
          if (local !== "worksheet") throw new XmlSyntaxError(`root element <${local}> is not a worksheet`);
          this.rootSeen = true;
        } else if (this.depth === 0) throw new XmlSyntaxError("content after the root element");
        const level = ++this.depth;
        if (this.dataLevel === 0) {
          if (level === 2 && local === "sheetData") {
            this.dataLevel = 2;
            this.sawData = true;
          }
        } else if (level === 3) {
          if (local === "row") this.openRow(scan);
        } else if (level === 4) {
          if (local === "c" && this.inRow) this.openCell(scan);
        } else if (this.inCell) {
          if (level === 5) {
            if (local === "v") {
              this.hasV = true;
              this.capture = V;
            } else if (local === "f") this.hasF = true;
            else if (local === "is") this.inIs = true;
          } else if (this.inIs) {
            if (local === "rPh") this.rph = level;
            else if (local === "t" && this.rph === 0) this.capture = T;
          }
        }
        if (scan.selfClosing) this.close(local);
      } else this.close(local);
    }
  }

  private close(local: string): void {
    const level = this.depth--;
    if (level <= 0) throw new XmlSyntaxError(`unexpected </${local}>`);
    this.capture = NONE;
    if (this.dataLevel === 0) return;
    if (level === 2) this.dataLevel = 0;
    else if (level === 3 && this.inRow) this.closeRow();
    else if (level === 4 && this.inCell) this.closeCell();
    else if (level === 5) this.inIs = false;
    else if (level === this.rph) this.rph = 0;
  }
}

/** Start of the next piece: after the last `>` at or before `limit` (ASCII, so never inside a character). */
function pieceEnd(xml: Buffer, from: number, chunkBytes: number): number {
  const limit = from + chunkBytes;
  if (limit >= xml.length) return xml.length;
  const before = xml.lastIndexOf(62, limit - 1);
  if (before >= from) return before + 1;
  const after = xml.indexOf(62, limit);
  return after < 0 ? xml.length : after + 1;
}

/**
 * Reads one worksheet part fed as text pieces (`text`) or as bytes that may end anywhere, mid-tag or
 * mid-character (`push`, for a part inflated a piece at a time). Bytes are decoded up to their last `>`
 * (ASCII, so never inside a character); a token cut by a piece's end is carried over to the next one.
 */
export class SheetPartReader {
  private readonly state: SheetState;
  private readonly scan = new XmlScanner("", true);
  private carry = "";
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    ctx: SheetReadContext,
    private readonly chunkBytes: number = CHUNK_BYTES,
  ) {
    this.state = new SheetState(ctx, ctx.intern ?? new Map());
  }

  /** The next bytes of the part. */
  push(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= this.chunkBytes) this.decode(false);
  }

  /** The next characters of the part; `more` when more follow. */
  text(piece: string, more: boolean): void {
    const scan = this.scan;
    scan.reset(this.carry === "" ? piece : this.carry + piece, more);
    const left = this.state.feed(scan);
    this.carry = left < 0 ? "" : scan.s.slice(left);
  }

  /**
   * `rows[r][c]` = sheet row r+1, column c+1; trailing empty rows are dropped.
   * @throws XmlSyntaxError, XmlDoctypeError, CellReadError (the caller names the part and sheet).
   */
  finish(shape?: Partial<SheetShape>): CellValue[][] {
    if (this.pendingBytes > 0 || this.carry !== "") this.decode(true);
    const state = this.state;
    if (this.carry !== "") throw new XmlSyntaxError("unexpected end of the part");
    if (!state.rootSeen || state.depth !== 0)
      throw new XmlSyntaxError("unclosed elements at the end of the part");
    if (!state.sawData) throw new XmlSyntaxError("a worksheet without <sheetData>");
    if (this.scan.skipped > 0) state.plain = false;
    if (shape) {
      shape.ascending = state.ascending;
      shape.plain = state.plain;
      shape.uncached = state.uncached;
    }
    return state.rows;
  }

  private decode(final: boolean): void {
    const pending = this.pending;
    const buf = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, this.pendingBytes);
    const cut = final ? buf.length : buf.lastIndexOf(62) + 1;
    // No `>` in a whole chunk (a long text): wait for more.
    if (cut === 0 && !final) {
      this.pending = [buf];
      return;
    }
    this.text(buf.toString("utf8", 0, cut), !final);
    // The few bytes after the last `>` are copied: the piece they came from can go.
    this.pending = cut < buf.length ? [Buffer.from(buf.subarray(cut))] : [];
    this.pendingBytes = buf.length - cut;
  }
}

/**
 * `rows[r][c]` = sheet row r+1, column c+1; trailing empty rows are dropped. Reads the part's bytes in
 * pieces of about `chunkBytes`, each ending after a `>`, decoded in place (no copy of the part).
 * @throws XmlSyntaxError, XmlDoctypeError, CellReadError (the caller names the part and sheet).
 */
export function readSheetBytes(
  xml: Buffer,
  ctx: SheetReadContext,
  chunkBytes: number = CHUNK_BYTES,
  shape?: Partial<SheetShape>,
): CellValue[][] {
  const reader = new SheetPartReader(ctx, chunkBytes);
  let from = 0;
  while (from < xml.length) {
    const end = pieceEnd(xml, from, chunkBytes);
    reader.text(xml.toString("utf8", from, end), end < xml.length);
    from = end;
  }
  return reader.finish(shape);
}
