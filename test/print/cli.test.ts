/** `kaohe print` end to end on the real example workbooks: xlsx + PDF, selections, errors that write nothing. */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { parsePrintArgs } from "../../src/cli/print";
import { XlsxHost } from "../../src/hosts/xlsx";
import { runAssessment } from "../../src/pipeline";
import { formatPoints } from "../../src/print";
import { ARTIFACTS, pageText, pdfInfo, renderPage, tempDir } from "./support";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const SIGNATURES = ["本人意见", "派驻单位意见（盖章）", "中心考核领导小组意见（盖章）"];

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd };
  const code = await main(["print", ...args], io);
  return { code, stdout, stderr };
}

function copyExample(name: string, dir: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(path.join(EXAMPLES, name), file);
  return file;
}

const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const squeeze = (t: string): string => t.replace(/\s+/g, "");

async function expectedResult(file: string) {
  const host = await XlsxHost.fromBuffer(fs.readFileSync(file));
  const outcome = runAssessment(await host.readSheets(), { period: "2025-Q1" });
  expect(outcome.ok).toBe(true);
  return outcome;
}

describe("kaohe print", () => {
  it("prints every staff member of the example county workbook: workbook with input tabs + print tab, and a PDF", async () => {
    const dir = tempDir();
    const input = copyExample("county-2025.xlsx", dir);
    const before = sha(input);
    const res = await run(
      [
        "county-2025.xlsx",
        "--period",
        "2025-q1",
        "--who",
        "staff",
        "--out",
        "out/p.xlsx",
        "--pdf",
        "out/p.pdf",
      ],
      dir,
    );
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(sha(input)).toBe(before);

    const { result, input: parsed } = await expectedResult(input);
    const staff = result!.staff.filter((s) => s.period === "2025-Q1");
    expect(staff.length).toBeGreaterThan(3);
    expect(res.stdout).toContain(`已生成 ${staff.length} 份考核表`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out/p.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    for (const tab of ["考核设置", "窗口名册", "人员名册", "事项记录"]) expect(names).toContain(tab);
    expect(names).toContain("打印_考核表");

    const pdf = path.join(dir, "out/p.pdf");
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(staff.length);
    expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+$/);
    staff.forEach((s, i) => {
      const text = squeeze(pageText(pdf, i + 1));
      expect(text).toContain(`窗口工作人员考核登记表：${s.name}`);
      expect(text).toContain(`得分${formatPoints(s.score)}`);
      if (s.grade) expect(text).toContain(`等次${s.grade}`);
      for (const label of SIGNATURES) expect(text).toContain(label);
    });
    expect(parsed!.staff.length).toBeGreaterThanOrEqual(staff.length);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The member with the most effects makes the most telling sample page.
    const lines = (name: string) =>
      result!.audit.filter((a) => a.entity === name && a.periods.includes("2025-Q1")).length;
    const richest = staff.reduce((best, s, i) => (lines(s.name) > lines(staff[best]!.name) ? i : best), 0);
    renderPage(pdf, richest + 1, path.join(ARTIFACTS, "example-staff"));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints chosen windows by name, and the township form from the township example", async () => {
    const dir = tempDir();
    copyExample("county-2025.xlsx", dir);
    copyExample("township-2025.xlsx", dir);
    const county = await expectedResult(path.join(dir, "county-2025.xlsx"));
    const chosen = county.result!.windows.filter((w) => w.period === "2025-Q1").slice(0, 2);
    const who = chosen.map((w) => w.window).join("，");
    const res = await run(["county-2025.xlsx", "--period", "2025-Q1", "--who", who], dir);
    expect(res.code).toBe(0);
    // Without --out or --pdf the workbook goes beside the input.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "county-2025.print.xlsx"));
    const values = wb.getWorksheet("打印_考核表")!.getColumn(1).values.map(String);
    for (const w of chosen) expect(values).toContain(`部门窗口考核登记表：${w.window}`);
    expect(values.filter((v) => v.startsWith("部门窗口考核登记表："))).toHaveLength(2);
    const pdf = await run(["county-2025.xlsx", "--period", "2025-Q1", "--who", who, "--pdf", "w.pdf"], dir);
    expect(pdf.code).toBe(0);
    expect(pdfInfo(path.join(dir, "w.pdf")).pages).toBe(2);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    renderPage(path.join(dir, "w.pdf"), 1, path.join(ARTIFACTS, "example-window"));

    const town = await run(
      ["township-2025.xlsx", "--period", "2025", "--who", "township", "--pdf", "t.pdf"],
      dir,
    );
    expect(town.stderr).toBe("");
    expect(town.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "township-2025.print.xlsx"))).toBe(false);
    expect(pdfInfo(path.join(dir, "t.pdf")).pages).toBe(1);
    const text = squeeze(pageText(path.join(dir, "t.pdf"), 1));
    expect(text).toContain("镇（街道）便民服务中心考核登记表");
    expect(text).toContain("自评分");
    expect(text).toContain("复核分");
    renderPage(path.join(dir, "t.pdf"), 1, path.join(ARTIFACTS, "example-township"));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reports unknown names, bad periods and a missing LibreOffice with exit 1 and writes nothing", async () => {
    const dir = tempDir();
    copyExample("county-2025.xlsx", dir);
    const files = () => fs.readdirSync(dir).sort();
    const unknown = await run(
      ["county-2025.xlsx", "--period", "2025-Q1", "--who", "查无此人", "--pdf", "x.pdf"],
      dir,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("找不到对象“查无此人”");
    const otherYear = await run(["county-2025.xlsx", "--period", "2024-Q1", "--lang", "en"], dir);
    expect(otherYear.code).toBe(1);
    expect(otherYear.stderr).toMatch(/2024/);
    const saved = process.env.KAOHE_SOFFICE;
    process.env.KAOHE_SOFFICE = path.join(dir, "no-such-soffice");
    try {
      const missing = await run(
        ["county-2025.xlsx", "--period", "2025-Q1", "--out", "o.xlsx", "--pdf", "o.pdf"],
        dir,
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("未找到 LibreOffice（soffice）");
    } finally {
      if (saved === undefined) delete process.env.KAOHE_SOFFICE;
      else process.env.KAOHE_SOFFICE = saved;
    }
    const absent = await run(["absent.xlsx", "--period", "2025-Q1"], dir);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain("absent.xlsx");
    expect(files()).toEqual(["county-2025.xlsx"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("rejects bad usage with exit 2", async () => {
    const dir = tempDir();
    expect((await run([], dir)).code).toBe(2);
    expect((await run(["in.xlsx"], dir)).stderr).toContain("--period is required");
    expect((await run(["in.xlsx", "--period", "2025-Q5"], dir)).code).toBe(2);
    expect((await run(["in.xlsx", "--period", "2025", "--lang", "fr"], dir)).code).toBe(2);
    expect((await run(["in.xlsx", "--period", "2025", "--who", " , "], dir)).code).toBe(2);
    expect((await run(["in.xlsx", "--period", "2025", "--color"], dir)).code).toBe(2);
    expect((await run(["--help"], dir)).code).toBe(0);
    expect(parsePrintArgs(["a.xlsx", "--period=2025-q2", "--who=张三、李四"])).toEqual({
      input: "a.xlsx",
      period: "2025-Q2",
      who: ["张三", "李四"],
      lang: "zh-CN",
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
