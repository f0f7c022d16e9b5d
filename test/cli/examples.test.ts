/** The committed example workbooks are exactly what `npm run examples` generates, and as rich as promised. */
import { readFileSync } from "fs";
import * as path from "path";
import { COUNTY } from "../../examples/county";
import { workbookBytes } from "../../examples/sheets";
import { TOWNSHIP } from "../../examples/township";

const rowsOf = (name: string) => COUNTY.sheets.find((s) => s.name === name)!.rows.slice(1);

describe("examples", () => {
  it.each([COUNTY, TOWNSHIP])("$file is byte-identical to the generator's output", async (data) => {
    const committed = readFileSync(path.resolve(__dirname, "../../examples", data.file));
    expect(Buffer.compare(await workbookBytes(data), committed)).toBe(0);
  });

  it("the county year has ≥ 6 windows, ≥ 12 staff with heads, ≥ 60 incidents and a case log", () => {
    expect(rowsOf("窗口名册").length).toBeGreaterThanOrEqual(6);
    const staff = rowsOf("人员名册");
    expect(staff.length).toBeGreaterThanOrEqual(12);
    const heads = new Set(staff.filter((r) => r[2] === "首席代表" || r[2] === "负责人").map((r) => r[1]));
    expect(heads.size).toBe(rowsOf("窗口名册").length);
    const incidents = rowsOf("事项记录");
    expect(incidents.length).toBeGreaterThanOrEqual(60);
    const months = new Set(incidents.map((r) => (r[0] as Date).getUTCMonth()));
    expect(months.size).toBe(12);
    expect(incidents.filter((r) => r[8] === "否")).toHaveLength(1);
    expect(rowsOf("办件台账").length).toBeGreaterThanOrEqual(5);
  });

  it("the township workbook has the ten indicators with self and reviewed scores", () => {
    const rows = TOWNSHIP.sheets.find((s) => s.name === "镇街指标")!.rows.slice(1);
    expect(rows.map((r) => r[0])).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10"]);
    expect(rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBe(100);
    expect(rows.every((r) => typeof r[3] === "number")).toBe(true);
  });
});
