/** What a person sees in a scored workbook, as ExcelJS reads it: cell values, flag fills and notes. */
import ExcelJS from "exceljs";
import { flattenValue } from "../../src/hosts/xlsx/read";

export const INPUT_TABS = [
  "考核设置",
  "窗口名册",
  "人员名册",
  "事项记录",
  "办件台账",
  "工作日历",
  "人工裁定",
];

export interface Snapshot {
  values: Record<string, unknown[][]>;
  filled: string[];
  notes: Record<string, string>;
}

const noteText = (note: unknown): string =>
  typeof note === "string"
    ? note
    : ((note as { texts?: { text: string }[] } | undefined)?.texts ?? []).map((t) => t.text).join("");

/** Cell values (formulas as their results), the flag fills on input tabs and every note; `skip` tabs left out. */
export async function snapshot(file: string, skip: readonly string[] = []): Promise<Snapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const snap: Snapshot = { values: {}, filled: [], notes: {} };
  wb.eachSheet((ws) => {
    if (skip.includes(ws.name)) return;
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => {
        const flat = flattenValue(v);
        return flat === "" ? null : flat;
      });
      while (values.length > 0 && values[values.length - 1] === null) values.pop();
      if (values.length > 0) rows[n - 1] = values;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.style.fill as { fgColor?: { argb?: string } } | undefined;
        if (INPUT_TABS.includes(ws.name) && fill?.fgColor?.argb?.endsWith("FFC7CE"))
          snap.filled.push(`${ws.name}!${cell.address}`);
        const note = noteText(cell.note);
        if (note) snap.notes[`${ws.name}!${cell.address}`] = note;
      });
    });
    snap.values[ws.name] = Array.from(rows, (r) => r ?? []);
  });
  snap.filled.sort();
  return snap;
}
