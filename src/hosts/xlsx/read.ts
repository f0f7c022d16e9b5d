/** ExcelJS worksheets → RawSheet: values only (formula results, rich text and hyperlinks flattened). */
import type { CellValue as ExcelValue, Worksheet } from "exceljs";
import type { CellValue, RawSheet } from "../../workbook/types";

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

/** rows[r][c] = sheet row r+1, column c+1; trailing empty rows dropped; merged cells only at their master. */
export function readWorksheet(ws: Worksheet): RawSheet {
  const rows: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = flattenValue(cell.value);
      if (v === null || v === "") return;
      values[col - 1] = v;
    });
    if (values.length === 0) return;
    width = Math.max(width, values.length);
    rows[rowNumber - 1] = values;
  });
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const padded: CellValue[] = new Array<CellValue>(width).fill(null);
    row.forEach((v, c) => {
      padded[c] = v ?? null;
    });
    rows[r] = padded;
  }
  return { name: ws.name, rows };
}
