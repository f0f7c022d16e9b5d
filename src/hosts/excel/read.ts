/** Reading: every sheet's used values in two syncs, whatever the row count. */
import type { CellValue, RawSheet } from "../../workbook/types";
import { addressOrigin } from "./address";
import { FLAG_SHEET } from "./flagRecord";
import type { ExcelRuntime } from "./runtime";

/** Excel gives "" for empty cells and serial numbers for dates; the core takes null and serials. */
export function toRawSheet(name: string, values: unknown[][] | null, address: string | null): RawSheet {
  if (!values || !address) return { name, rows: [] };
  const origin = addressOrigin(address);
  const rows: CellValue[][] = Array.from({ length: origin.row - 1 }, () => []);
  const lead: CellValue[] = Array<CellValue>(origin.column - 1).fill(null);
  for (const row of values) {
    rows.push([...lead, ...row.map((v) => (v === "" || v === undefined ? null : (v as CellValue)))]);
  }
  return { name, rows };
}

/** Every sheet's values, and the flag record (kept by the host for the next write or clear). */
export async function readAllSheets(
  runtime: ExcelRuntime,
): Promise<{ sheets: RawSheet[]; record: unknown[][] }> {
  return runtime.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const used = sheets.items.map((ws) => ({
      name: ws.name,
      range: ws.getUsedRangeOrNullObject(true).load("values,address"),
    }));
    await context.sync();
    const record = used.find((u) => u.name === FLAG_SHEET && !u.range.isNullObject)?.range.values ?? [];
    const raw = used
      .filter((u) => u.name !== FLAG_SHEET)
      .map(({ name, range }) =>
        range.isNullObject ? toRawSheet(name, null, null) : toRawSheet(name, range.values, range.address),
      );
    return { sheets: raw, record };
  });
}
