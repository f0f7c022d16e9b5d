/** Reads a worksheet part's cell values into a RawSheet grid, as the ExcelJS host would hand them over. */
import { columnNumber } from "../../../workbook/cells";
import type { CellValue } from "../../../workbook/types";
import { attr, decodeXml, expectAt, textOf } from "./xml";

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
}

/** Column index (0-based) of a cell reference such as `AB12`. */
export const columnIndex = (ref: string): number => columnNumber(ref) - 1;

export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

function cellValue(tag: string, body: string, ctx: SheetReadContext): CellValue {
  const t = attr(tag, "t");
  if (t === "inlineStr") return textOf(body);
  const vs = body.indexOf("<v>");
  const raw = vs < 0 ? undefined : body.slice(vs + 3, body.indexOf("</v>", vs));
  if (raw === undefined) return null;
  switch (t) {
    case "s":
      return ctx.strings[Number(raw)] ?? "";
    case "str":
    case "e":
      return decodeXml(raw);
    case "b":
      return raw === "1";
    default: {
      const n = Number(raw);
      const s = attr(tag, "s");
      return s !== undefined && ctx.dateStyles[Number(s)] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

/** `rows[r][c]` = sheet row r+1, column c+1; trailing empty rows are dropped. */
export function readSheetXml(xml: string, ctx: SheetReadContext): CellValue[][] {
  const rows: CellValue[][] = [];
  const dataStart = xml.indexOf("<sheetData");
  if (dataStart < 0) return rows;
  const dataEnd = xml.indexOf("</sheetData>", dataStart);
  let i = dataStart;
  let nextRow = 1;
  for (;;) {
    const rs = xml.indexOf("<row", i);
    if (rs < 0 || (dataEnd >= 0 && rs > dataEnd)) break;
    const rOpenEnd = expectAt(xml.indexOf(">", rs));
    const rowTag = xml.slice(rs, rOpenEnd + 1);
    const rowNo = inGrid(Number(attr(rowTag, "r") ?? nextRow) - 1, MAX_ROWS) + 1;
    nextRow = rowNo + 1;
    if (xml.charCodeAt(rOpenEnd - 1) === 47) {
      i = rOpenEnd + 1;
      continue;
    }
    const re = expectAt(xml.indexOf("</row>", rOpenEnd));
    const row: CellValue[] = [];
    let j = rOpenEnd + 1;
    let nextCol = 0;
    while (j < re) {
      const cs = xml.indexOf("<c", j);
      if (cs < 0 || cs >= re) break;
      const cOpenEnd = expectAt(xml.indexOf(">", cs));
      const tag = xml.slice(cs, cOpenEnd + 1);
      const ref = attr(tag, "r");
      const col = inGrid(ref === undefined ? nextCol : columnIndex(ref), MAX_COLUMNS);
      nextCol = col + 1;
      let body = "";
      if (xml.charCodeAt(cOpenEnd - 1) === 47) {
        j = cOpenEnd + 1;
      } else {
        const ce = expectAt(xml.indexOf("</c>", cOpenEnd));
        body = xml.slice(cOpenEnd + 1, ce);
        j = ce + 4;
      }
      const value = cellValue(tag, body, ctx);
      if (value === null || value === "") continue;
      while (row.length < col) row.push(null);
      row[col] = value;
    }
    while (rows.length < rowNo - 1) rows.push([]);
    rows[rowNo - 1] = row;
    i = re + 6;
  }
  return rows;
}
