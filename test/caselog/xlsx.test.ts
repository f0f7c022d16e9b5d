/**
 * Real files: a 办件台账 written with ExcelJS is read back through the xlsx host and parsed; the 办件统计
 * tab is written through the host and read by ExcelJS and, independently, by LibreOffice.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { createCalendar } from "../../src/calendar";
import { caseStatistics, deriveOverdueIncidents } from "../../src/caselog";
import { XlsxHost } from "../../src/hosts/xlsx";
import { parseCaseLog } from "../../src/workbook/parse/caseLogTab";
import { renderCaseStats } from "../../src/workbook/renderCaseStats";

const dir = mkdtempSync(join(tmpdir(), "kaohe-caselog-"));
const cal = createCalendar();

async function writeCaseLogFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("辦件台賬");
  ws.addRow([
    "辦件編號",
    "窗口",
    "承辦人",
    "事項名稱",
    "辦件類型",
    "受理日期",
    "承諾時限",
    "辦結日期",
    "滿意度",
  ]);
  const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  ws.addRow(["GA-1", "公安", "张三", "身份证", "即辦件", utc(2025, 3, 5), null, utc(2025, 3, 5), "滿意"]);
  ws.addRow(["GA-2", "公安", "张三", "户籍", "承諾件", "2025/1/24", 3, "2025年2月7日", "基本滿意"]); // 2 days late
  ws.addRow(["GA-3", "公安", "李四", "出入境", "承諾件", 45741, "５", "2025.3.27", "不滿意"]); // serial 45741 = 03-25
  ws.addRow(["SW-1", "税务", "王五", "发票", "承諾件", utc(2025, 12, 1), 5, null, null]); // open, 17 days late
  ws.addRow([]);
  ws.addRow(["SW-2", "税务", "", "", "即辦件", "2025-02-30", null, null, null]); // impossible date
  const file = join(dir, "cases.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("办件台账 through a real .xlsx", () => {
  it("reads Date cells, serials and text dates, locates the bad row, derives the overdue incidents", async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(await writeCaseLogFile()));
    const [sheet] = await host.readSheets();
    const { cases, issues } = parseCaseLog(sheet, { windows: ["公安", "税务"] });
    expect(issues).toEqual([
      {
        severity: "error",
        code: "impossible-date",
        sheet: "辦件台賬",
        row: 7,
        column: 6,
        params: { header: "受理日期", value: "2025-02-30" },
      },
    ]);
    expect(
      cases.map((c) => [c.caseId, c.type, c.received, c.promisedDays, c.completed, c.satisfaction]),
    ).toEqual([
      ["GA-1", "即办件", "2025-03-05", 0, "2025-03-05", "满意"],
      ["GA-2", "承诺件", "2025-01-24", 3, "2025-02-07", "基本满意"],
      ["GA-3", "承诺件", "2025-03-25", 5, "2025-03-27", "不满意"],
      ["SW-1", "承诺件", "2025-12-01", 5, undefined, undefined],
    ]);
    const incidents = deriveOverdueIncidents(cases, cal, { year: 2025, code: "15.7" });
    expect(incidents.map((i) => [i.caseId, i.date, i.days, i.staff, i.source])).toEqual([
      ["GA-2", "2025-02-06", 2, "张三", { sheet: "辦件台賬", row: 3 }],
      ["SW-1", "2025-12-09", 17, "王五", { sheet: "辦件台賬", row: 5 }],
    ]);
  });

  it("writes 办件统计 that ExcelJS and LibreOffice read back as the same numbers and percentages", async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(await writeCaseLogFile()));
    const [sheet] = await host.readSheets();
    const { cases } = parseCaseLog(sheet);
    const stats = caseStatistics(cases, cal, {
      year: 2025,
      periods: ["2025"],
      windows: ["公安", "税务", "民政"],
    });
    const out = XlsxHost.empty();
    await out.writeOutputs([renderCaseStats(stats)], []);
    const file = join(dir, "stats.xlsx");
    writeFileSync(file, await out.toBuffer());

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("办件统计")!;
    expect(ws.getRow(2).values).toEqual([undefined, "2025", "公安", 3, 3, 1, 1 / 3, 0.5, 0.5, 1, 2 / 3]);
    expect(ws.getRow(2).getCell(6).numFmt).toContain("%");
    expect(ws.getRow(4).getCell(6).value ?? null).toBeNull(); // 民政: no cases, blank rate

    const profile = mkdtempSync(join(tmpdir(), "kaohe-lo-"));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        "--outdir",
        dir,
        file,
      ],
      { stdio: "ignore", timeout: 120000 },
    );
    const csv = readdirSync(dir).find((f) => f.startsWith("stats") && f.endsWith(".csv"));
    const lines = readFileSync(join(dir, csv!), "utf8").trim().split(/\r?\n/);
    expect(lines).toEqual([
      "期间,窗口,收件,办结,即办件,即办件率,按期办结率,提前办结率,超期件,满意率",
      "2025,公安,3,3,1,33.3%,50.0%,50.0%,1,66.7%",
      "2025,税务,1,0,0,,,,1,",
      "2025,民政,0,0,0,,,,0,",
      "2025,合计,4,3,1,33.3%,50.0%,50.0%,2,66.7%",
    ]);
  });
});
