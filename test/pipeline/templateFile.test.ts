/** The template as a real .xlsx: written by the xlsx host, filled in like a user would, read back and scored. */
import ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx/host";
import { buildTemplate, runAssessment } from "../../src/pipeline";
import { getProfile } from "../../src/rules";

it("a filled-in template file scores, and the blank one names the missing unit name", async () => {
  const host = XlsxHost.empty();
  await host.addTemplateTabs(buildTemplate(getProfile("tianyang-2008")!, { year: 2025 }));
  const blank = await host.toBuffer();

  const blankRun = runAssessment(await (await XlsxHost.fromBuffer(blank)).readSheets());
  expect(blankRun.issues.map((i) => `${i.code} ${i.sheet}`)).toEqual(["missing-setting 考核设置"]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(blank as unknown as ArrayBuffer);
  wb.getWorksheet("考核设置")!.getCell("B2").value = "田阳县政务服务中心";
  wb.getWorksheet("窗口名册")!.addRow(["公安", "县公安局"]);
  wb.getWorksheet("人员名册")!.addRow(["张三", "公安", "首席代表", "A"]);
  const incidents = wb.getWorksheet("事项记录")!;
  incidents.addRow([
    new Date(Date.UTC(2025, 2, 5)),
    "公安",
    "张三",
    "14.7 着装不整齐、未按规定着装和佩证上岗",
    1,
    null,
    null,
    null,
    "是",
  ]);
  incidents.addRow(["2025/3/6", "公安", "张三", "25.1 特事特办事例典型(仅个人)", 1, null, 3.5, null, "是"]);
  const filled = new Uint8Array(await wb.xlsx.writeBuffer());

  const outcome = runAssessment(await (await XlsxHost.fromBuffer(filled)).readSheets());
  expect(outcome.issues).toEqual([]);
  expect(outcome.ok).toBe(true);
  expect(outcome.input!.incidents.map((i) => [i.date, i.code, i.points])).toEqual([
    ["2025-03-05", "14.7", undefined],
    ["2025-03-06", "25.1", 35],
  ]);
  const staff = outcome.result!.staff.find((s) => s.period === "2025-03" && s.name === "张三")!;
  // 100 − 0.2 (14.7, 德) + 3.5 (25.1 with 分值 3.5) = 103.3
  expect(staff.score).toBe(1033);
});
