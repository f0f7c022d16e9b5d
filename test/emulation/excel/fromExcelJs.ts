/** Seeds the emulation from an .xlsx (as Excel would open it): values, date serials, formats, notes. */
import ExcelJS from "exceljs";
import type { EmuCell, SheetSeed } from "./index";

const EPOCH = Date.UTC(1899, 11, 30);

function excelValue(value: ExcelJS.CellValue): EmuCell["v"] | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Math.round((value.getTime() - EPOCH) / 86400000);
  if (typeof value !== "object") return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return String((value as { text?: unknown }).text ?? "");
  if ("formula" in value || "sharedFormula" in value)
    return excelValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("error" in value) return String(value.error);
  return undefined;
}

export async function seedsFromXlsx(bytes: Uint8Array): Promise<SheetSeed[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const seed: SheetSeed = { name: ws.name, cells: [], notes: [] };
    if (ws.state === "hidden") seed.visibility = "Hidden";
    if (ws.state === "veryHidden") seed.visibility = "VeryHidden";
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = excelValue(cell.value);
        const argb = (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
        const emu: EmuCell = { v: v ?? "" };
        if (cell.numFmt) emu.fmt = cell.numFmt;
        if (argb && /^[0-9A-F]{8}$/i.test(argb)) emu.fill = `#${argb.slice(2).toUpperCase()}`;
        if ((v !== undefined && v !== "") || emu.fill) seed.cells.push({ row: r, column: c, cell: emu });
        const note = cell.note;
        if (note)
          seed.notes!.push({
            row: r,
            column: c,
            text: typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join(""),
          });
      });
    });
    return seed;
  });
}
