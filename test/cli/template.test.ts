/** `kaohe template`: the blank workbook, its drop-downs, no overwrite, and that a filled template scores. */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { loadXlsx, sha256, tempDir } from "../fixtures/workbook";
import { listFiles, runCli } from "./run";

const INPUT_TABS = [
  "考核设置",
  "窗口名册",
  "人员名册",
  "事项记录",
  "镇街指标",
  "办件台账",
  "工作日历",
  "人工裁定",
];

describe("kaohe template", () => {
  it("writes every input tab with headers, drop-downs, the ten indicators and a hidden list sheet", async () => {
    const dir = tempDir();
    const run = await runCli(["template", "blank.xlsx", "--year", "2025"], dir);
    expect(run.code).toBe(0);
    expect(listFiles(dir)).toEqual(["blank.xlsx"]);
    const wb = await loadXlsx(path.join(dir, "blank.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([...INPUT_TABS, "列表"]));
    expect(wb.getWorksheet("列表")!.state).toBe("hidden");
    const incidents = wb.getWorksheet("事项记录")!;
    expect(incidents.getCell("D1").value).toBe("条款");
    expect(incidents.getCell("D2").dataValidation).toMatchObject({
      type: "list",
      formulae: [expect.stringContaining("列表")],
    });
    expect(incidents.getCell("I300").dataValidation).toMatchObject({ formulae: ['"是,否"'] });
    expect(incidents.getCell("B2").dataValidation.formulae?.[0]).toContain("窗口名册");
    expect(incidents.getCell("C2").dataValidation.formulae?.[0]).toContain("人员名册");
    const list = wb.getWorksheet("列表")!;
    expect(String(list.getCell("A2").value)).toMatch(/^\d+\.\d+[a-z]? \S+/);
    const indicators = wb.getWorksheet("镇街指标")!;
    expect(indicators.getColumn(1).values.slice(2)).toEqual([
      "T1",
      "T2",
      "T3",
      "T4",
      "T5",
      "T6",
      "T7",
      "T8",
      "T9",
      "T10",
    ]);
    expect(indicators.getCell("C7").value).toBe(15);
    const settings = wb.getWorksheet("考核设置")!.getSheetValues();
    expect(settings).toEqual(expect.arrayContaining([[undefined, "考核年度", 2025]]));
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const dir = tempDir();
    const file = path.join(dir, "mine.xlsx");
    writeFileSync(file, "my precious data");
    const run = await runCli(["template", "mine.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("my precious data");
    expect(listFiles(dir)).toEqual(["mine.xlsx"]);
    expect((await runCli(["template", "mine.xlsx", "--force"], dir)).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  it.each([
    ["no file", ["template"]],
    ["not .xlsx", ["template", "a.xls"]],
    ["unknown option", ["template", "a.xlsx", "--fancy"]],
    ["unknown profile", ["template", "a.xlsx", "--profile", "nowhere"]],
    ["bad year", ["template", "a.xlsx", "--year", "25"]],
  ])("usage error: %s (exit 2, nothing written)", async (_n, args) => {
    const dir = tempDir();
    expect((await runCli(args, dir)).code).toBe(2);
    expect(listFiles(dir)).toEqual([]);
  });

  it("a blank template is rejected with located messages; once filled in, it scores", async () => {
    const dir = tempDir();
    await runCli(["template", "t.xlsx"], dir);
    const hash = sha256(path.join(dir, "t.xlsx"));
    const blank = await runCli(["score", "t.xlsx"], dir);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain("考核设置");
    expect(sha256(path.join(dir, "t.xlsx"))).toBe(hash);

    const wb = await loadXlsx(path.join(dir, "t.xlsx"));
    const settings = wb.getWorksheet("考核设置")!;
    settings.eachRow((row) => {
      const item = row.getCell(1).value;
      if (item === "单位名称") row.getCell(2).value = "模板县政务服务中心";
      if (item === "考核年度") row.getCell(2).value = 2025;
    });
    wb.getWorksheet("窗口名册")!.getRow(2).values = ["公安", "县公安局"];
    wb.getWorksheet("人员名册")!.getRow(2).values = ["张三", "公安", "首席代表", "A"];
    const incidents = wb.getWorksheet("事项记录")!;
    incidents.getRow(2).values = [
      new Date(Date.UTC(2025, 2, 3)),
      "公安",
      "张三",
      "14.7 着装不整齐、未按规定着装和佩证上岗",
      1,
    ];
    writeFileSync(path.join(dir, "filled.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    const scored = await runCli(["score", "filled.xlsx", "--json", "--period", "2025"], dir);
    expect(scored.stderr).toBe("");
    expect(scored.code).toBe(0);
    const doc = JSON.parse(scored.stdout) as { windows: { window: string; score: number }[] };
    // The drop-down text "14.7 着装…" reads as 14.7: 100 − 0.2, then +2 (19.9) for each of four quarterly 优秀.
    expect(doc.windows).toEqual([
      expect.objectContaining({ window: "公安", score: 107.8, deductions: -0.2 }),
    ]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(readFileSync(path.join(dir, "filled.scored.xlsx")) as unknown as ArrayBuffer);
    expect(out.getWorksheet("事项记录")!.getCell("D500").dataValidation).toMatchObject({ type: "list" });
  });
});
