/** Host-neutral views of sheets for comparing hosts: Date → serial, no trailing blanks. */
import type { CellValue, RawSheet } from "../../src/core";

const EPOCH = Date.UTC(1899, 11, 30);

export function neutralCell(v: CellValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) return Math.round((v.getTime() - EPOCH) / 86400000);
  // Excel keeps no negative zero (Office.js sends JSON, where -0 is 0); ExcelJS can round-trip "-0".
  if (v === 0) return 0;
  return v;
}

export function neutralRows(rows: CellValue[][]): (string | number | boolean | null)[][] {
  const out = rows.map((row) => {
    const r = (row ?? []).map(neutralCell);
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

export function neutralSheets(sheets: RawSheet[]): { name: string; rows: ReturnType<typeof neutralRows> }[] {
  return sheets.map((s) => ({ name: s.name, rows: neutralRows(s.rows) }));
}
