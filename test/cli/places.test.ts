/**
 * Through `kaohe score` on real files: every place named as a cell (事项记录!A6, 考核设置!B2), two tabs
 * answering to 事项记录 refused naming both, and a quantity beyond what one row can mean refused at its cell.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { countySheets, d } from "../fixtures/county";
import { tempDir, xlsxBytes, type SheetSpec } from "../fixtures/workbook";
import { listFiles, runCli } from "./run";

async function score(sheets: SheetSpec[], extra: string[] = []) {
  const dir = tempDir();
  writeFileSync(path.join(dir, "in.xlsx"), await xlsxBytes(sheets));
  const text = await runCli(["score", "in.xlsx", ...extra], dir);
  const json = await runCli(["score", "in.xlsx", "--json", ...extra], dir);
  const doc = JSON.parse(json.stdout) as { issues: { code: string; sheet?: string; cell?: string }[] };
  return { text, doc, files: listFiles(dir) };
}

const incidents = (sheets: SheetSpec[]) => sheets.find((s) => s.name === "事项记录")!;

it("a blank 单位名称 is named at its value cell 考核设置!B2", async () => {
  const sheets = countySheets();
  sheets[0]!.rows[1] = ["单位名称", null];
  const { text, doc, files } = await score(sheets);
  expect(text.code).toBe(1);
  expect(text.stderr).toContain("考核设置!B2：缺少设置项“单位名称”");
  expect(doc.issues).toEqual([
    expect.objectContaining({ code: "missing-setting", sheet: "考核设置", cell: "B2" }),
  ]);
  expect(files).toEqual(["in.xlsx"]);
});

it("a whole-row warning is named by the row's first cell, in the summary and the JSON alike", async () => {
  const sheets = countySheets();
  const rows = incidents(sheets).rows;
  rows.push([...rows[1]!]); // row 9 repeats row 2
  const { text, doc } = await score(sheets);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/事项记录!A9：/);
  expect(text.stdout).not.toMatch(/事项记录!9/);
  expect(doc.issues).toContainEqual(expect.objectContaining({ code: "duplicate-incident", cell: "A9" }));
});

it("two tabs that are both 事项记录 (one by its English alias): an error naming both, nothing written", async () => {
  const sheets = countySheets();
  sheets.push({ name: "Incidents", rows: incidents(sheets).rows.map((r) => [...r]) });
  const { text, doc, files } = await score(sheets, ["--lang", "en"]);
  expect(text.code).toBe(1);
  expect(text.stderr).toContain(
    'Incidents: two tabs are "事项记录": "事项记录" and "Incidents"; keep one (rename or delete the other)',
  );
  expect(doc.issues).toEqual([expect.objectContaining({ code: "duplicate-tab", sheet: "Incidents" })]);
  expect(files).toEqual(["in.xlsx"]);
});

it("a quantity of 4.5×10¹⁵ is refused at its cell; 9999 on a row is accepted", async () => {
  const sheets = countySheets();
  incidents(sheets).rows.push([
    d("2025-03-03"),
    "公安",
    "王芳",
    "14.7",
    4.5e15,
    null,
    null,
    null,
    "是",
    null,
  ]);
  const { text, doc, files } = await score(sheets);
  expect(text.code).toBe(1);
  expect(text.stderr).toContain("事项记录!E9：数量“4500000000000000”超过单行上限 9999，请核对");
  expect(doc.issues).toEqual([expect.objectContaining({ code: "quantity-too-large", cell: "E9" })]);
  expect(files).toEqual(["in.xlsx"]);

  incidents(sheets).rows[8]![4] = 9999;
  const ok = await score(sheets);
  expect(ok.text.code).toBe(0);
});
