/**
 * A staff member who moves on 2025-07-01, end to end on a real .xlsx: 王芳 serves 公安 until 06-30 and 税务
 * from 07-01 (two 人员名册 rows); one 14.7 before the move, one after with a blank 窗口 (the window served that
 * day). Hand-computed: 公安 and 税务 each −0.2 in their own quarter; 王芳 −0.4 in the year, one person.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { countySheets, d } from "../fixtures/county";
import { tempDir, xlsxBytes, type SheetSpec } from "../fixtures/workbook";
import { runCli } from "./run";

function moved(): SheetSpec[] {
  return countySheets().map((s) => {
    if (s.name === "人员名册") {
      const rows = s.rows.map((r) => (r[0] === "王芳" ? [...r.slice(0, 5), d("2025-06-30")] : r));
      return { ...s, rows: [...rows, ["王芳", "税务", "工作人员", "A", d("2025-07-01"), null]] };
    }
    if (s.name === "事项记录") {
      const header = s.rows[0]!;
      return {
        ...s,
        rows: [
          header,
          [d("2025-03-05"), "公安", "王芳", "14.7", 1, null, null, null, "是", null],
          [d("2025-09-10"), null, "王芳", "14.7", 1, null, null, null, "是", null],
        ],
      };
    }
    return s;
  });
}

interface Row {
  period: string;
  name?: string;
  window: string;
  score: number;
}

describe("kaohe score: a person who moved between windows", () => {
  it("charges each window for its own days and keeps one result for the person", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "moved.xlsx"), await xlsxBytes(moved()));
    const run = await runCli(["score", "moved.xlsx", "--json"], dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { windows: Row[]; staff: Row[] };
    const win = (w: string, p: string) => doc.windows.find((r) => r.window === w && r.period === p)!.score;
    const fang = doc.staff.filter((s) => s.name === "王芳");
    // period | 公安 | 税务 | 王芳 (score, window shown)
    expect(
      ["2025-Q1", "2025-Q3"].map((p) => [
        p,
        win("公安", p),
        win("税务", p),
        fang.find((s) => s.period === p),
      ]),
    ).toEqual([
      ["2025-Q1", 99.8, 100, expect.objectContaining({ score: 99.8, window: "公安" })],
      ["2025-Q3", 100, 99.8, expect.objectContaining({ score: 99.8, window: "税务" })],
    ]);
    expect(fang.filter((s) => s.period === "2025")).toEqual([
      expect.objectContaining({ score: 99.6, window: "公安、税务" }),
    ]);
  });
});
