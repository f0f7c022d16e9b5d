/**
 * The spreadsheet a user would otherwise build: the case log on one sheet, and a summary sheet with, per
 * window, 60 COUNTIFS/SUMIFS columns (12 months × received, completed, 即办件, overdue cases, overdue days).
 * Helper columns (months, overdue working days) are values, so LibreOffice only aggregates; working-day
 * deadlines with holidays would need NETWORKDAYS per row on top. Cached results are written as -1, so a
 * CSV without recalculation shows -1 and one with it shows the true counts.
 */
import ExcelJS from "exceljs";
import type { CaseRow } from "../../src/engine/types";

export const DATA_SHEET = "办件";
export const SUMMARY_SHEET = "统计";
const MEASURES = ["受理", "办结", "即办件", "超期件", "超期天数"] as const;
export const FORMULA_COLUMNS = 12 * MEASURES.length;

const month = (iso: string | undefined): number | null => (iso ? Number(iso.slice(5, 7)) : null);
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Expected summary values per window: `[received, completed, instant, overdue, overdueDays]` per month. */
export type Expected = Map<string, number[]>;

export async function writeFormulaTemplate(
  file: string,
  cases: readonly CaseRow[],
  overdueDays: Int32Array,
  windows: readonly string[],
): Promise<{ expected: Expected; formulas: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const data = wb.addWorksheet(DATA_SHEET);
  data.columns = [
    { header: "办件编号", width: 18 },
    { header: "窗口", width: 10 },
    { header: "承办人", width: 10 },
    { header: "办件类型", width: 8 },
    { header: "受理日期", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "承诺时限", width: 8 },
    { header: "办结日期", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "满意度", width: 8 },
    { header: "受理月", width: 6 },
    { header: "办结月", width: 6 },
    { header: "超期天数", width: 8 },
  ];
  const expected: Expected = new Map(windows.map((w) => [w, new Array<number>(FORMULA_COLUMNS).fill(0)]));
  cases.forEach((c, i) => {
    const done = month(c.completed);
    const late = overdueDays[i] ?? 0;
    data
      .addRow([
        c.caseId,
        c.window,
        c.handler ?? null,
        c.type,
        utc(c.received),
        c.promisedDays,
        c.completed ? utc(c.completed) : null,
        c.satisfaction ?? null,
        month(c.received),
        done,
        late,
      ])
      .commit();
    const e = expected.get(c.window);
    if (!e) return;
    e[((month(c.received) as number) - 1) * MEASURES.length] += 1;
    if (done === null) return;
    const at = (done - 1) * MEASURES.length;
    e[at + 1] += 1;
    if (c.type === "即办件") e[at + 2] += 1;
    if (late > 0) e[at + 3] += 1;
    e[at + 4] += late;
  });
  await data.commit();

  const last = cases.length + 1;
  const col = (letter: string) => `${DATA_SHEET}!$${letter}$2:$${letter}$${last}`;
  const summary = wb.addWorksheet(SUMMARY_SHEET);
  const header = ["窗口"];
  for (let mo = 1; mo <= 12; mo++) for (const what of MEASURES) header.push(`${mo}月${what}`);
  summary.addRow(header).commit();
  let formulas = 0;
  windows.forEach((w, i) => {
    const r = i + 2;
    const cells: ExcelJS.CellValue[] = [w];
    for (let mo = 1; mo <= 12; mo++) {
      const byDone = `${col("B")},$A${r},${col("J")},${mo}`;
      for (const f of [
        `COUNTIFS(${col("B")},$A${r},${col("I")},${mo})`,
        `COUNTIFS(${byDone})`,
        `COUNTIFS(${byDone},${col("D")},"即办件")`,
        `COUNTIFS(${byDone},${col("K")},">0")`,
        `SUMIFS(${col("K")},${byDone})`,
      ])
        cells.push({ formula: f, result: -1 } as ExcelJS.CellFormulaValue);
      formulas += MEASURES.length;
    }
    summary.addRow(cells).commit();
  });
  await summary.commit();
  await wb.commit();
  return { expected, formulas };
}
