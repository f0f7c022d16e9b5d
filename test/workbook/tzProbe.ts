/** Run in a child process with TZ set (see xlsxDates.test.ts): writes and re-reads a real .xlsx, prints the dates. */
import ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx/host";
import { runAssessment } from "../../src/pipeline";
import {
  INCIDENTS_HEADER,
  SETTINGS_HEADER,
  STAFF,
  STAFF_HEADER,
  WINDOWS,
  WINDOWS_HEADER,
  settingsRows,
} from "./factory";

async function countyFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: unknown[][]) => wb.addWorksheet(name).addRows(rows);
  add("考核设置", [SETTINGS_HEADER, ...settingsRows()]);
  add("窗口名册", [WINDOWS_HEADER, ...WINDOWS]);
  add("人员名册", [STAFF_HEADER, ...STAFF]);
  add("事项记录", [
    INCIDENTS_HEADER,
    [new Date(Date.UTC(2025, 8, 29)), "公安", "张三", "14.7"],
    [45929, "公安", "张三", "14.7"], // the serial of 2025-09-29
    ["2025年9月28日", "公安", "张三", "14.7"],
    ["２０２５/１０/８", "公安", "张三", "14.7"],
  ]);
  wb.getWorksheet("事项记录")!.getCell("A2").numFmt = "yyyy-mm-dd";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function main() {
  const host = await XlsxHost.fromBuffer(await countyFile());
  const outcome = runAssessment(await host.readSheets());
  const out = {
    offset: new Date(2025, 0, 1).getTimezoneOffset(),
    errors: outcome.issues.filter((i) => i.severity === "error").map((i) => i.code),
    dates: outcome.input?.incidents.map((i) => i.date),
  };
  process.stdout.write(JSON.stringify(out));
}

void main();
