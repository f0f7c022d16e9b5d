/**
 * Nothing stale: output tabs record the input fingerprint; after an incident changes, re-scoring makes
 * the print tab again from the new results, and `kaohe print` re-scores first. On the file host (CLI)
 * and on the Excel host (over the emulation).
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { XlsxHost } from "../../src/hosts/xlsx";
import { runAssessment } from "../../src/pipeline";
import { inputFingerprint, readStamps, STAMP_TAB, staleness } from "../../src/pipeline/fingerprint";
import { buildPrintSheet, PRINT_SHEET_NAME } from "../../src/print";
import type { RawSheet } from "../../src/core";
import { layoutLog } from "../emulation/excel/client";
import { seedsFromXlsx } from "../emulation/excel/fromExcelJs";
import { emulatedHost } from "../emulation/excel/host";
import { sheetValues } from "../emulation/excel";
import { tempDir } from "./support";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "county-2025.xlsx");

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

async function sheetsOf(file: string): Promise<RawSheet[]> {
  return (await XlsxHost.fromBuffer(fs.readFileSync(file))).readSheets();
}

/** 公安's 2025-Q1 score as 窗口考核结果 has it, and as the print tab's 得分 line has it. */
function scores(raw: RawSheet[]): { tab: string; printed: string } {
  const tab = raw.find((s) => s.name === "窗口考核结果")!;
  const row = tab.rows.find((r) => r[0] === "2025-Q1" && r[1] === "公安")!;
  const print = raw.find((s) => s.name === PRINT_SHEET_NAME)!;
  const line = print.rows.find((r) => r.includes("得分"))!;
  return { tab: Number(row[5]).toFixed(1), printed: String(line[line.indexOf("得分") + 2]) };
}

/** Row 2 of 事项记录 (公安 黄丽萍 14.7, 2025-01-06): quantity 1 → 5, i.e. 0.8 more deducted in Q1. */
async function changeIncident(from: string, to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  wb.getWorksheet("事项记录")!.getCell("E2").value = 5;
  await wb.xlsx.writeFile(to);
}

describe("stale results and print tabs", () => {
  it("fingerprints input values only: flags, output tabs and trailing blanks do not count", () => {
    const base: RawSheet[] = [
      {
        name: "事项记录",
        rows: [
          ["日期", "窗口"],
          [new Date(Date.UTC(2025, 0, 6)), "公安"],
        ],
      },
      { name: "窗口考核结果", rows: [["期间"], ["2025"]] },
    ];
    const same: RawSheet[] = [
      { name: "事项记录", rows: [["日期", "窗口", null], [45663, "公安", ""], []] },
      { name: "窗口考核结果", rows: [["期间"], ["2025-Q1"]] },
    ];
    expect(inputFingerprint(same)).toBe(inputFingerprint(base));
    const changed: RawSheet[] = [
      {
        name: "事项记录",
        rows: [
          ["日期", "窗口"],
          [45663, "税务"],
        ],
      },
    ];
    expect(inputFingerprint(changed)).not.toBe(inputFingerprint(base));
  });

  it("file host: re-scoring remakes the print tab with the new numbers; kaohe print re-scores first", async () => {
    const dir = tempDir();
    fs.copyFileSync(EXAMPLE, path.join(dir, "in.xlsx"));
    expect((await cli(["score", "in.xlsx", "--out", "scored.xlsx"], dir)).code).toBe(0);
    const printed = await cli(
      ["print", "scored.xlsx", "--period", "2025-Q1", "--who", "公安", "--out", "printed.xlsx"],
      dir,
    );
    expect(printed.code).toBe(0);
    const first = await sheetsOf(path.join(dir, "printed.xlsx"));
    expect(staleness(first).stale).toBe(false);
    const stamps = readStamps(first);
    expect(stamps.map((s) => s.tab)).toEqual(expect.arrayContaining(["窗口考核结果", PRINT_SHEET_NAME]));
    expect(stamps.find((s) => s.tab === PRINT_SHEET_NAME)).toMatchObject({ period: "2025-Q1", who: "公安" });
    const before = scores(first);
    expect(before.printed).toBe(before.tab);

    await changeIncident(path.join(dir, "printed.xlsx"), path.join(dir, "changed.xlsx"));
    const changed = await sheetsOf(path.join(dir, "changed.xlsx"));
    expect(staleness(changed)).toMatchObject({ stale: true });
    expect(staleness(changed).tabs).toEqual(expect.arrayContaining(["窗口考核结果", PRINT_SHEET_NAME]));

    // Re-scoring replaces the print tab (same period and forms) with the new numbers.
    expect((await cli(["score", "changed.xlsx", "--out", "rescored.xlsx"], dir)).code).toBe(0);
    const after = scores(await sheetsOf(path.join(dir, "rescored.xlsx")));
    expect(Number(after.tab)).toBeCloseTo(Number(before.tab) - 0.8, 5);
    expect(after.printed).toBe(after.tab);
    expect(staleness(await sheetsOf(path.join(dir, "rescored.xlsx"))).stale).toBe(false);

    // Printing from the changed workbook scores it again first.
    const again = await cli(["print", "changed.xlsx", "--period", "2025-Q1", "--out", "p2.xlsx"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("已先重新考核");
    const p2 = await sheetsOf(path.join(dir, "p2.xlsx"));
    expect(scores(p2)).toEqual(after);
    expect(staleness(p2).stale).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("Excel host: the same over the emulation, with filter and page layout on the result tabs", async () => {
    const src = fs.readFileSync(EXAMPLE);
    const { emu, host } = emulatedHost({ apiVersion: "1.18", sheets: await seedsFromXlsx(src) });
    const score = async () => {
      const outcome = runAssessment(await host.readSheets(), { producedAt: "2026-01-05 09:00" });
      expect(outcome.ok).toBe(true);
      await host.writeOutputs(outcome.sheets, outcome.flags);
      return outcome;
    };
    const outcome = await score();
    const print = buildPrintSheet(outcome.result!, outcome.input!, { period: "2025-Q1", who: ["公安"] });
    // As the pane does: the print tab and its stamp.
    const stamps = readStamps(await host.readSheets());
    await host.writeOutputs([
      print,
      {
        name: STAMP_TAB,
        columns: ["输出表", "生成时间", "输入校验码", "期间", "打印对象", "语言"].map((header) => ({
          header,
        })),
        rows: [
          ...stamps.map((s) => [s.tab, s.at, s.fingerprint, s.period, s.who, s.locale]),
          [PRINT_SHEET_NAME, "", outcome.fingerprint!, "2025-Q1", "公安", "zh-CN"],
        ],
        hidden: true,
      },
    ]);
    const before = scores(await host.readSheets());
    expect(before.printed).toBe(before.tab);
    const results = emu.book.find("窗口考核结果")!;
    expect(layoutLog.get(results)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^autoFilter=/),
        'PageLayout.orientation="Landscape"',
        "PageLayout.printTitleRows=$1:$1",
      ]),
    );

    // 事项记录!E2 changes in Excel; the results say they are stale until scored again.
    await emu.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("事项记录").getRange("E2").values = [[5]];
      await context.sync();
    });
    expect(staleness(await host.readSheets()).stale).toBe(true);
    await score();
    const raw = await host.readSheets();
    expect(staleness(raw).stale).toBe(false);
    const after = scores(raw);
    expect(Number(after.tab)).toBeCloseTo(Number(before.tab) - 0.8, 5);
    expect(after.printed).toBe(after.tab);
    expect(sheetValues(emu.book, PRINT_SHEET_NAME).flat()).toContain("部门窗口考核登记表：公安");
  });
});
