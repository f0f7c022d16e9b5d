/**
 * Reads a worksheet part's cell values into a RawSheet grid, as the ExcelJS host would hand them over.
 * The part is decoded from its UTF-8 bytes a chunk of whole rows at a time and every cell string is an
 * owned copy (interned), so no cell keeps a sheet-sized string alive: a county-year's 135 MB case log
 * would otherwise stay in memory as a 250 MB two-byte string behind its 3 million cells.
 */
import { columnNumber } from "../../../workbook/cells";
import type { CellValue } from "../../../workbook/types";
import { CHUNK_BYTES, rowChunks } from "./rowChunks";
import { attr, decodeXml, expectAt, ownedString, textOf } from "./xml";

export { CHUNK_BYTES } from "./rowChunks";

// Excel's grid: a damaged reference beyond it must not make the reader allocate or loop without end.
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

function inGrid(n: number, max: number): number {
  if (!Number.isInteger(n) || n < 0 || n >= max)
    throw new Error(`malformed XML: cell reference out of the grid`);
  return n;
}

export interface SheetReadContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  /** Equal cell strings share one owned copy (shared across the sheets of one read). */
  intern?: Map<string, string>;
}

/** Column index (0-based) of a cell reference such as `AB12`. */
export const columnIndex = (ref: string): number => columnNumber(ref) - 1;

export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

/** One owned copy per distinct string: a slice of the chunk never escapes the reader. */
function interned(s: string, intern: Map<string, string>): string {
  let v = intern.get(s);
  if (v === undefined) {
    v = ownedString(s);
    intern.set(v, v);
  }
  return v;
}

/**
 * Bounds of attribute `key` (` t="`) inside the tag [from, to) of `xml`, as `attr` would read it from the
 * tag's text; -1 when absent. The end goes to `attrEnd` (no substring is made for the lookup).
 */
let attrEnd = 0;
function attrAt(xml: string, from: number, to: number, key: string): number {
  const i = find(xml, key, from, to);
  if (i < 0) return -1;
  const start = i + key.length;
  const q = find(xml, '"', start, to);
  attrEnd = q < 0 ? to - 1 : q;
  return start;
}

/** First `key` lying wholly within [from, to), or -1: a search that never runs past a cell. */
function find(xml: string, key: string, from: number, to: number): number {
  const last = to - key.length;
  const first = key.charCodeAt(0);
  for (let i = from; i <= last; i++) if (xml.charCodeAt(i) === first && xml.startsWith(key, i)) return i;
  return -1;
}

/** Column index (0-based) of the reference at [start, end), as `columnIndex` reads it. */
function columnAt(xml: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The value of the cell whose start tag is [cs, open] and body [open + 1, close) in `xml`. */
function cellValue(
  xml: string,
  cs: number,
  open: number,
  close: number,
  ctx: SheetReadContext,
  intern: Map<string, string>,
): CellValue {
  const ts = attrAt(xml, cs, open + 1, ' t="');
  const t = ts < 0 ? undefined : xml.slice(ts, attrEnd);
  if (t === "inlineStr") return interned(textOf(xml.slice(open + 1, close)), intern);
  const vs = find(xml, "<v>", open + 1, close);
  if (vs < 0) return null;
  const ve = find(xml, "</v>", vs, close);
  const raw = xml.slice(vs + 3, ve < 0 ? close - 1 : ve);
  switch (t) {
    case "s":
      return ctx.strings[Number(raw)] ?? "";
    case "str":
    case "e":
      return interned(decodeXml(raw), intern);
    case "b":
      return raw === "1";
    default: {
      const n = Number(raw);
      const ss = attrAt(xml, cs, open + 1, ' s="');
      return ss >= 0 && ctx.dateStyles[Number(xml.slice(ss, attrEnd))] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

interface ReadState {
  rows: CellValue[][];
  nextRow: number;
  /** Every row element so far came after the previous one. */
  ascending: boolean;
  scratch: CellValue[];
  intern: Map<string, string>;
}

/** Parses the rows in `xml` (a run of whole `<row>` elements, or the text of a whole part). */
function readRows(xml: string, ctx: SheetReadContext, state: ReadState): void {
  const rows = state.rows;
  let i = 0;
  for (;;) {
    const rs = xml.indexOf("<row", i);
    if (rs < 0) break;
    const rOpenEnd = expectAt(xml.indexOf(">", rs));
    const rowTag = xml.slice(rs, rOpenEnd + 1);
    const rowNo = inGrid(Number(attr(rowTag, "r") ?? state.nextRow) - 1, MAX_ROWS) + 1;
    if (rowNo < state.nextRow) state.ascending = false;
    state.nextRow = rowNo + 1;
    if (xml.charCodeAt(rOpenEnd - 1) === 47) {
      i = rOpenEnd + 1;
      continue;
    }
    const re = expectAt(xml.indexOf("</row>", rOpenEnd));
    // Built in a scratch array, then copied at its exact length (a grown array keeps ~2× the slots).
    const row = state.scratch;
    row.length = 0;
    let j = rOpenEnd + 1;
    let nextCol = 0;
    while (j < re) {
      const cs = xml.indexOf("<c", j);
      if (cs < 0 || cs >= re) break;
      const cOpenEnd = expectAt(xml.indexOf(">", cs));
      const rs = attrAt(xml, cs, cOpenEnd + 1, ' r="');
      const col = inGrid(rs < 0 ? nextCol : columnAt(xml, rs, attrEnd), MAX_COLUMNS);
      nextCol = col + 1;
      let close = cOpenEnd + 1;
      if (xml.charCodeAt(cOpenEnd - 1) === 47) {
        j = cOpenEnd + 1;
      } else {
        close = expectAt(xml.indexOf("</c>", cOpenEnd));
        j = close + 4;
      }
      const value = cellValue(xml, cs, cOpenEnd, close, ctx, state.intern);
      if (value === null || value === "") continue;
      while (row.length < col) row.push(null);
      row[col] = value;
    }
    while (rows.length < rowNo - 1) rows.push([]);
    rows[rowNo - 1] = row.slice();
    i = re + 6;
  }
}

/**
 * `rows[r][c]` = sheet row r+1, column c+1; trailing empty rows are dropped. Reads `<sheetData>` from the
 * part's bytes in chunks of about `chunkBytes`, each ending after a `</row>` (ASCII, so never inside a
 * multi-byte character).
 */
export function readSheetBytes(
  xml: Buffer,
  ctx: SheetReadContext,
  chunkBytes: number = CHUNK_BYTES,
  order?: { ascending: boolean },
): CellValue[][] {
  const state: ReadState = {
    rows: [],
    nextRow: 1,
    ascending: true,
    scratch: [],
    intern: ctx.intern ?? new Map(),
  };
  const dataStart = xml.indexOf("<sheetData");
  if (dataStart < 0) return state.rows;
  const closed = xml.indexOf("</sheetData>", dataStart);
  const dataEnd = closed < 0 ? xml.length : closed;
  for (const [from, end] of rowChunks(xml, dataStart, dataEnd, chunkBytes)) {
    readRows(xml.toString("utf8", from, end), ctx, state);
  }
  if (order) order.ascending = state.ascending;
  return state.rows;
}
