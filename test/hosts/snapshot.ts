/** What each host left in its workbook, in one neutral shape: values, flagged rows and notes per sheet. */
import ExcelJS from "exceljs";
import type { XlsxHost } from "../../src/hosts/xlsx";
import { FLAG_COLOR } from "../../src/hosts/excel/flagRecord";
import { type CellValue, FLAG_SHEET } from "../../src/core";
import type { ExcelEmulation } from "../emulation/excel";
import { neutralCell, neutralRows } from "./normalize";

export interface SheetSnapshot {
  name: string;
  rows: (string | number | boolean | null)[][];
  flaggedRows: number[];
  notes: Record<string, string>;
}

function value(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== "object") return v;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v) return `FORMULA:${v.formula}`;
  return JSON.stringify(v);
}

/** The xlsx host's workbook, written to bytes and re-read with a fresh ExcelJS. */
export async function xlsxSnapshot(host: XlsxHost): Promise<SheetSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  return wb.worksheets
    .filter((ws) => ws.name !== FLAG_SHEET)
    .map((ws) => {
      const rows: CellValue[][] = [];
      const flagged = new Set<number>();
      const notes: Record<string, string> = {};
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const out: CellValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          out[c - 1] = value(cell.value);
          const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
          if (fill?.fgColor?.argb === `FF${FLAG_COLOR.slice(1)}`) flagged.add(r);
          const note = cell.note;
          if (note)
            notes[`${r},${c}`] =
              typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
        });
        rows[r - 1] = Array.from(out, (v) => v ?? null);
      });
      return {
        name: ws.name,
        rows: neutralRows(Array.from(rows, (r) => r ?? [])),
        flaggedRows: [...flagged].sort((a, b) => a - b),
        notes,
      };
    });
}

/** The emulated Excel workbook as it stands. */
export function excelSnapshot(emu: ExcelEmulation): SheetSnapshot[] {
  return emu.book
    .live()
    .filter((s) => s.name !== FLAG_SHEET)
    .map((sheet) => {
      const rows: CellValue[][] = [];
      const flagged = new Set<number>();
      for (const [k, cell] of sheet.cells) {
        const r = Math.floor(k / 20000);
        const c = k % 20000;
        (rows[r - 1] ??= [])[c - 1] = cell.f ? `FORMULA:${cell.f.slice(1)}` : neutralCell(cell.v);
        if (cell.fill === FLAG_COLOR) flagged.add(r);
      }
      for (const [r, color] of sheet.rowFills) if (color === FLAG_COLOR) flagged.add(r);
      const notes: Record<string, string> = {};
      for (const [k, text] of sheet.notes) notes[`${Math.floor(k / 20000)},${k % 20000}`] = text;
      const dense = Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null));
      return {
        name: sheet.name,
        rows: neutralRows(dense),
        flaggedRows: [...flagged].sort((a, b) => a - b),
        notes,
      };
    });
}
