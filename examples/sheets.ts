/** Writes example workbooks with ExcelJS the way an evaluator's file looks: bold header, widths, real dates. */
import ExcelJS from "exceljs";
import JSZip from "jszip";

export type SheetSpecRow = (string | number | Date | null)[];

export interface WorkbookData {
  file: string;
  sheets: { name: string; rows: SheetSpecRow[] }[];
}

const FIXED_DATE = new Date(Date.UTC(2026, 0, 5));

function width(value: string | number | Date | null): number {
  if (value instanceof Date) return 12;
  const text = value === null ? "" : String(value);
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** The workbook's bytes, byte-for-byte reproducible: fixed document dates and zip entry dates. */
export async function workbookBytes(data: WorkbookData): Promise<Buffer> {
  // ExcelJS zips with JSZip, which stamps every entry with the current time unless a default is set.
  (JSZip as unknown as { defaults: { date: Date | null } }).defaults.date = FIXED_DATE;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kaohe examples";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    const widths: number[] = [];
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        widths[c] = Math.max(widths[c] ?? 6, width(value) + 2);
        if (value === null || value === "") return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = "yyyy-mm-dd";
        if (r === 0) cell.font = { bold: true };
      });
    });
    widths.forEach((w, c) => {
      ws.getColumn(c + 1).width = Math.min(w, 40);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
