/** `kaohe score` on real .xlsx files, in-process: outputs re-read with ExcelJS, JSON mode, warnings, usage. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { countySheets, d } from "../fixtures/county";
import { loadXlsx, sha256, tempDir, xlsxBytes, type SheetSpec } from "../fixtures/workbook";
import { listFiles, runCli } from "./run";

interface JsonDoc {
  unit: string;
  year: number;
  profile: string;
  windows: Record<string, unknown>[];
  staff: Record<string, unknown>[];
  issues: { severity: string; code: string; sheet?: string; cell?: string; message: string }[];
  output?: string;
}

async function inputFile(sheets: SheetSpec[] = countySheets()): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, "county.xlsx");
  writeFileSync(file, await xlsxBytes(sheets));
  return { dir, file };
}

function withWarnings(): SheetSpec[] {
  const sheets = countySheets();
  const rows = sheets.find((s) => s.name === "事项记录")!.rows;
  rows.push([d("2024-12-30"), "公安", "王芳", "14.7", 1, null, null, null, "是", null]); // row 9
  rows.push([d("2025-08-01"), "税务", "王芳", "14.7", 1, null, null, null, "是", null]); // row 10
  rows.push([d("2025-08-05"), "人社", "刘洋", "14.7", 1, null, null, null, "否", null]); // row 11
  rows.push([...rows[1]!]); // row 12 duplicates row 2
  return sheets;
}

describe("kaohe score: success", () => {
  it("writes <name>.scored.xlsx beside the input with the output tabs, leaving the input untouched", async () => {
    const { dir, file } = await inputFile();
    const hash = sha256(file);
    const run = await runCli(["score", "county.xlsx"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("测试县政务服务中心 2025 年度考核");
    expect(run.stdout).toContain("已写入: county.scored.xlsx");
    // Q2: 公安 102, 人社 100, 税务 98 are 优秀 (quota 3); 民政 has 20B.3. Q4: all four at 100 tie across the quota.
    expect(run.stdout).toMatch(/2025-Q2 \| 优秀 3 · 合格 1 \|/);
    expect(run.stdout).toMatch(/2025-Q4 \| 并列待裁定 4 +\|/);
    expect(run.stdout).toContain("民政: 20B.3");
    expect(sha256(file)).toBe(hash);
    expect(listFiles(dir)).toEqual(["county.scored.xlsx", "county.xlsx"]);

    const wb = await loadXlsx(path.join(dir, "county.scored.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 4)).toEqual(["考核设置", "窗口名册", "人员名册", "事项记录"]);
    expect(names).toEqual(expect.arrayContaining(["窗口考核结果", "人员考核结果", "考核明细"]));
    const results = wb.getWorksheet("窗口考核结果")!;
    expect(results.getRow(1).values).toEqual([
      undefined,
      ...["期间", "窗口", "派驻单位", "扣分", "加分", "得分", "排名", "等次", "评优资格", "原因", "期间类型"],
    ]);
    expect(results.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(results.getColumn(6).numFmt).toBe("0.0");
    // 民政 in 2025-04: 21.5 is staff-only, 20B.3 makes the window 不合格 that month.
    const row = results
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[1] === "2025-04" && r[2] === "民政") as ExcelJS.CellValue[];
    expect(row[6]).toBe(100);
    expect(row[8]).toBe("不合格");
    expect(String(row[10])).toMatch(/^20B\.3 /);
  });

  it("keeps formula-looking text as text in the output (no formula after re-reading)", async () => {
    const { dir } = await inputFile();
    expect((await runCli(["score", "county.xlsx", "--out", "o.xlsx"], dir)).code).toBe(0);
    const ws = (await loadXlsx(path.join(dir, "o.xlsx"))).getWorksheet("事项记录")!;
    for (const [addr, text] of [
      ["J2", "=SUM(1)"],
      ["J3", "+86 电话"],
      ["J4", "-表扬"],
      ["J5", "@廉洁"],
    ]) {
      const cell = ws.getCell(addr!);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
    }
  });

  it("flags the incident rows behind vetoes and notifications, and clears them on a re-run", async () => {
    const { dir } = await inputFile();
    expect((await runCli(["score", "county.xlsx", "--out", "a.xlsx"], dir)).code).toBe(0);
    const ws = (await loadXlsx(path.join(dir, "a.xlsx"))).getWorksheet("事项记录")!;
    const note = ws.getCell("A5").note;
    expect(typeof note === "string" ? note : JSON.stringify(note)).toMatch(/【考核标记】.*20B\.3.*2025-04/);
    expect(ws.getCell("J5").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("A2").note).toBeUndefined();

    // Scoring the scored file again: same results, flags not doubled, input tabs unchanged.
    expect((await runCli(["score", "a.xlsx", "--out", "b.xlsx", "--json"], dir)).code).toBe(0);
    const again = await loadXlsx(path.join(dir, "b.xlsx"));
    const note2 = again.getWorksheet("事项记录")!.getCell("A5").note;
    const text2 = typeof note2 === "string" ? note2 : JSON.stringify(note2);
    expect(text2.match(/【考核标记】/g)).toHaveLength(1);
    expect(again.worksheets.filter((w) => w.name === "窗口考核结果")).toHaveLength(1);
    const first = await runCli(["score", "county.xlsx", "--json"], dir);
    const second = await runCli(["score", "a.xlsx", "--json"], dir);
    expect(JSON.parse(second.stdout).windows).toEqual(JSON.parse(first.stdout).windows);
  });
});

describe("kaohe score --json", () => {
  it("prints exactly one JSON document whose numbers match the written cells", async () => {
    const { dir } = await inputFile();
    const run = await runCli(["score", "county.xlsx", "--json"], dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as JsonDoc;
    expect(doc).toMatchObject({ unit: "测试县政务服务中心", year: 2025, profile: "tianyang-2008" });
    expect(doc.output).toBe("county.scored.xlsx");
    const periods = new Set(doc.windows.map((w) => w.period));
    expect(periods).toEqual(
      new Set([
        ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`),
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
        "2025-Q4",
        "2025",
      ]),
    );
    const ws = (await loadXlsx(path.join(dir, "county.scored.xlsx"))).getWorksheet("窗口考核结果")!;
    const cells = new Map<string, number>();
    ws.eachRow((r, n) => {
      if (n > 1)
        cells.set(`${String(r.getCell(1).value)}|${String(r.getCell(2).value)}`, Number(r.getCell(6).value));
    });
    for (const w of doc.windows) expect(cells.get(`${String(w.period)}|${String(w.window)}`)).toBe(w.score);
    // 公安 year: 100 − 0.2 (14.7) + 2 (19.4, window fixed at +2) + 3 × 2 (19.9, 优秀 in Q1–Q3) = 107.8
    expect(doc.windows.find((w) => w.period === "2025" && w.window === "公安")).toMatchObject({
      score: 107.8,
      bonuses: 8,
    });
  });

  it("--period restricts the output tabs and the JSON to one quarter", async () => {
    const { dir } = await inputFile();
    const run = await runCli(
      ["score", "county.xlsx", "--json", "--period", "2025-q2", "--out", "q2.xlsx"],
      dir,
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as JsonDoc;
    expect(new Set(doc.windows.map((w) => w.period))).toEqual(new Set(["2025-Q2"]));
    expect(new Set(doc.staff.map((s) => s.period))).toEqual(new Set(["2025-Q2"]));
    const ws = (await loadXlsx(path.join(dir, "q2.xlsx"))).getWorksheet("窗口考核结果")!;
    expect(ws.rowCount).toBe(1 + 4);
  });

  it("reports warnings with their cells and goes on (exit 0)", async () => {
    const { dir } = await inputFile(withWarnings());
    const run = await runCli(["score", "county.xlsx", "--json", "--lang", "en"], dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as JsonDoc;
    const where = doc.issues.map((i) => [i.severity, i.code, `${i.sheet}!${i.cell}`]);
    expect(where).toEqual(
      expect.arrayContaining([
        ["warning", "date-outside-year", "事项记录!A9"],
        ["warning", "staff-window-mismatch", "事项记录!C10"],
        ["warning", "unverified-row", "事项记录!I11"],
        ["warning", "duplicate-incident", "事项记录!A12"],
      ]),
    );
    expect(doc.issues.every((i) => i.severity === "warning")).toBe(true);
    expect(existsSync(path.join(dir, "county.scored.xlsx"))).toBe(true);
    const human = await runCli(["score", "county.xlsx", "--out", "h.xlsx"], dir);
    expect(human.stdout).toContain("警告 4 条");
    expect(human.stdout).toContain("事项记录!I11");
  });
});

describe("kaohe score: many warnings", () => {
  it("the terminal lists the first 30 with their cells, the JSON document all of them", async () => {
    const sheets = countySheets();
    const rows = sheets.find((s) => s.name === "事项记录")!.rows;
    for (let i = 0; i < 40; i++)
      rows.push([
        new Date(Date.UTC(2025, 8, 1 + i)),
        "公安",
        "王芳",
        "14.7",
        1,
        null,
        null,
        null,
        "否",
        null,
      ]);
    const { dir } = await inputFile(sheets);
    const human = await runCli(["score", "county.xlsx", "--lang", "en"], dir);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("40 warning(s):");
    expect(human.stdout).toContain("事项记录!I9: row not verified");
    expect(human.stdout).toContain("… 10 more not shown (--json lists all)");
    const json = JSON.parse((await runCli(["score", "county.xlsx", "--json"], dir)).stdout) as JsonDoc;
    expect(json.issues.filter((i) => i.code === "unverified-row")).toHaveLength(40);
  });
});

describe("kaohe score: a workbook with a chart", () => {
  it("scores it; the scored copy keeps the chart part or a warning says it does not", async () => {
    const zip = await JSZip.loadAsync(await xlsxBytes(countySheets()));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    const dir = tempDir();
    const file = path.join(dir, "chart.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const hash = sha256(file);
    const run = await runCli(["score", "chart.xlsx", "--json"], dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as JsonDoc;
    const out = await JSZip.loadAsync(readFileSync(path.join(dir, "chart.scored.xlsx")));
    const kept = out.file("xl/charts/chart1.xml") !== null;
    const warned = doc.issues.some((i) => i.code === "file-features-lost" && i.message.includes("图表"));
    expect(kept !== warned).toBe(true);
    expect(sha256(file)).toBe(hash);
  });
});

describe("kaohe score: a failed write leaves nothing behind", () => {
  it("exit 1 with a message naming the output when it cannot be written; no temp file remains", async () => {
    const { dir, file } = await inputFile();
    mkdirSync(path.join(dir, "taken.xlsx"));
    const hash = sha256(file);
    const run = await runCli(["score", "county.xlsx", "--out", "taken.xlsx", "--lang", "en"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/taken\.xlsx: cannot be written \(EISDIR\)/);
    expect(listFiles(dir)).toEqual(["county.xlsx", "taken.xlsx"]);
    expect(listFiles(path.join(dir, "taken.xlsx"))).toEqual([]);
    expect(sha256(file)).toBe(hash);
  });
});

describe("kaohe score: usage errors (exit 2, nothing written)", () => {
  const cases: [string, string[]][] = [
    ["no input", ["score"]],
    ["unknown option", ["score", "county.xlsx", "--fast"]],
    ["bad period", ["score", "county.xlsx", "--period", "2025-13"]],
    ["bad language", ["score", "county.xlsx", "--lang", "fr"]],
    ["two inputs", ["score", "county.xlsx", "other.xlsx"]],
    ["--out without value", ["score", "county.xlsx", "--out"]],
    ["--out is the input", ["score", "county.xlsx", "--out", "./county.xlsx"]],
  ];
  it.each(cases)("%s", async (_name, args) => {
    const { dir, file } = await inputFile();
    const hash = sha256(file);
    const run = await runCli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("usage");
    const json = await runCli([...args, "--json"], dir);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).issues[0]).toMatchObject({ severity: "error", code: "usage" });
    expect(listFiles(dir)).toEqual(["county.xlsx"]);
    expect(sha256(file)).toBe(hash);
  });

  it("an unknown command prints the usage and exits 2", async () => {
    const run = await runCli(["scroe"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("kaohe score <in.xlsx>");
  });
});

describe("kaohe --help", () => {
  it("prints every command's usage on stdout and exits 0", async () => {
    const run = await runCli(["--help"], tempDir());
    expect(run.code).toBe(0);
    for (const command of ["template", "score", "consolidate", "print"])
      expect(run.stdout).toContain(`kaohe ${command} `);
  });
});
