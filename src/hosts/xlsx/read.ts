/** ExcelJS worksheets → RawSheet: values only (formula results, rich text and hyperlinks flattened). */
import type { CellValue as ExcelValue, Worksheet } from "exceljs";
import type { CellValue, RawSheet } from "../../core";
import { WorkbookRefusedError } from "./readErrors";

function flattenText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    const runs = (value as { richText: { text: string }[] }).richText;
    return runs.map((r) => r.text).join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

/** One ExcelJS cell value as the core sees it. */
export function flattenValue(value: ExcelValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return flattenText(value);
  if ("hyperlink" in value) return flattenText((value as { text?: unknown }).text);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && !(result instanceof Date) && "error" in result) {
      return String((result as { error: string }).error);
    }
    return flattenValue(result as ExcelValue);
  }
  if ("error" in value) return String((value as { error: string }).error);
  return null;
}

// Excel's grid. ExcelJS keeps any row number it is given; a reference beyond the grid is refused here.
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

/**
 * rows[r][c] = sheet row r+1, column c+1; trailing empty rows dropped; merged cells only at their master.
 * Rows are not padded to the widest row (a cell at XFD1 beside one at A1048576 would need 17 billion
 * slots): gaps are empty rows, as the large-file reader hands them over.
 * @throws WorkbookRefusedError when a cell lies outside Excel's grid.
 */
export function readWorksheet(ws: Worksheet, file = ""): RawSheet {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = flattenValue(cell.value);
      if (v === null || v === "") return;
      if (rowNumber > MAX_ROWS || col > MAX_COLUMNS) {
        const params = { file, sheet: ws.name, row: rowNumber, column: col };
        throw new WorkbookRefusedError({ severity: "error", code: "file-cell-out-of-grid", params });
      }
      values[col - 1] = v;
    });
    if (values.length === 0) return;
    for (let c = 0; c < values.length; c++) values[c] ??= null;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = values;
  });
  return { name: ws.name, rows };
}
