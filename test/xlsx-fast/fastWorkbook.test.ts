import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FastWorkbook } from "../../src/hosts/xlsx/fast/fastWorkbook";
import { readZip } from "../../src/hosts/xlsx/fast/zip";
import type { SheetModel } from "../../src/workbook/types";

async function inputWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("考核设置");
  s.addRow(["项目", "值"]);
  s.addRow(["考核年度", 2025]);
  const inc = wb.addWorksheet("事项记录");
  inc.addRow(["日期", "窗口", "条款", "数量", "备注"]);
  inc.addRow([new Date(Date.UTC(2025, 2, 5)), "公安", "14.7", 3, "=SUM(1)"]);
  inc.addRow(["2025/3/6", "税务", "14.4A", 1.5, { richText: [{ text: "富" }, { text: "文本" }] }]);
  inc.getCell("F3").value = { formula: "D3*2", result: 3 };
  inc.getCell("G3").value = true;
  inc.getCell("B5").value = "  前后空格 & <特殊> ";
  const out = wb.addWorksheet("窗口考核结果");
  out.addRow(["旧结果"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const outputs: SheetModel[] = [
  {
    name: "窗口考核结果",
    columns: [
      { header: "窗口", format: "text" },
      { header: "得分", format: "points" },
      { header: "率", format: "percent" },
    ],
    rows: [
      ["公安", 95, 0.494],
      ['=HYPERLINK("x")', 100.5, null],
      ["+86 123", -1.5, 1],
      ["@user", 0, 0],
    ],
  },
  {
    name: "考核明细",
    columns: [{ header: "条款" }, { header: "分值", format: "points" }],
    rows: [["14.7", -0.6]],
  },
];

async function exceljsValues(buf: Buffer): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const map = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => {
        if (v && typeof v === "object" && !(v instanceof Date)) {
          const o = v as { richText?: { text: string }[]; result?: unknown; formula?: string };
          if (o.richText) return o.richText.map((r) => r.text).join("");
          if ("formula" in o) return { formula: o.formula, result: o.result };
        }
        return v;
      });
    });
    map.set(ws.name, rows);
  });
  return map;
}

describe("FastWorkbook", () => {
  it("reads the same values as ExcelJS: shared and rich strings, dates, numbers, booleans, formula results", async () => {
    const fast = FastWorkbook.fromBuffer(await inputWorkbook());
    const sheets = fast.readSheets((n) => n !== "窗口考核结果");
    expect(sheets.map((s) => s.name)).toEqual(["考核设置", "事项记录"]);
    const inc = sheets[1]!.rows;
    expect(inc[0]).toEqual(["日期", "窗口", "条款", "数量", "备注"]);
    expect(inc[1]).toEqual([new Date(Date.UTC(2025, 2, 5)), "公安", "14.7", 3, "=SUM(1)"]);
    expect(inc[2]).toEqual(["2025/3/6", "税务", "14.4A", 1.5, "富文本", 3, true]);
    expect(inc[4]).toEqual([null, "  前后空格 & <特殊> "]);
  });

  it("replaces output tabs, keeps input parts byte-identical and writes text as text", async () => {
    const input = await inputWorkbook();
    const first = FastWorkbook.fromBuffer(input).withOutputs(outputs)!;
    const second = FastWorkbook.fromBuffer(first).withOutputs(outputs)!;
    const inParts = readZip(input);
    const outParts = readZip(second);
    for (const name of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"]) {
      expect(outParts.get(name)?.raw.equals(inParts.get(name)!.raw)).toBe(true);
    }
    const values = await exceljsValues(second);
    expect([...values.keys()]).toEqual(["考核设置", "事项记录", "窗口考核结果", "考核明细"]);
    expect(values.get("事项记录")).toEqual((await exceljsValues(input)).get("事项记录"));
    expect(values.get("窗口考核结果")).toEqual([
      ["窗口", "得分", "率"],
      ["公安", 95, 0.494],
      ['=HYPERLINK("x")', 100.5],
      ["+86 123", -1.5, 1],
      ["@user", 0, 0],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(second as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("窗口考核结果")!;
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B2").numFmt).toBe("0.0");
    expect(ws.getCell("C2").numFmt).toBe("0.0%");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("is read back by LibreOffice with the same numbers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-fast-"));
    const file = join(dir, "out.xlsx");
    writeFileSync(file, FastWorkbook.fromBuffer(await inputWorkbook()).withOutputs(outputs)!);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        "--outdir",
        dir,
        file,
      ],
      { stdio: "ignore", timeout: 120000 },
    );
    const csv = readdirSync(dir).find((f) => f.includes("窗口考核结果"));
    expect(csv).toBeDefined();
    const text = readFileSync(join(dir, csv as string), "utf8");
    expect(text.split("\n").slice(0, 3)).toEqual([
      "窗口,得分,率",
      "公安,95.0,49.4%",
      '"=HYPERLINK(""x"")",100.5,',
    ]);
  });

  it("flags tens of thousands of rows (no argument spreading of big arrays)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("事项记录");
    ws.addRow(["日期", "窗口", "人员", "条款", "数量", "天数", "分值", "办件编号", "核实", "备注"]);
    const n = 30000;
    for (let i = 0; i < n; i++) ws.addRow(["2025-03-05", "公安", "17.2a"]);
    const fast = FastWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const flags = Array.from({ length: n }, (_, i) => ({
      sheet: "事项记录",
      row: i + 2,
      codes: ["N-notify"],
      periods: ["2025"],
      message: "通报",
    }));
    const out = fast.withOutputs([], flags);
    expect(out).toBeDefined();
    const parts = readZip(out!);
    const comments = [...parts.keys()].find((k) => /^xl\/comments\d+\.xml$/.test(k))!;
    const { entryText } = await import("../../src/hosts/xlsx/fast/zip");
    expect(entryText(parts.get(comments)!).split("<comment ").length - 1).toBe(n);
  });
});
