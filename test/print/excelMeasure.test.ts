import { layoutLog } from "../emulation/excel/client";
import { emulatedHost, gridSeed } from "../emulation/excel/host";
import { printForms } from "../../taskpane/print/printForms";
import { buildPrintSheetWithIndex, measureRequests, PRINT_SHEET_NAME } from "../../src/print";
import { PRINT_STYLES } from "../../src/print/styles";
import type { CellValue } from "../../src/core";
import type { SheetModel } from "../../src/workbook/types";
import { audit, PERIOD, sampleCase } from "./factory";

const LONG_UNIT = "国家税务总局田阳县税务局第一税务分局（派驻县政务服务中心税务综合服务窗口）";
const LONG_TEXT =
  "着装不整齐、未按规定着装和佩证上岗，且在大厅内多次被提醒后仍未改正，影响窗口形象，经中心督查组复核属实";

/** 张三 with a long 派驻单位 and 30 effects, some with long 内容: a form of two pages. */
function longCase() {
  const c = sampleCase();
  c.input.windows = c.input.windows.map((w) =>
    w.name === "民政局窗口" ? { ...w, department: LONG_UNIT } : w,
  );
  c.result.audit = Array.from({ length: 30 }, (_, k) =>
    audit({
      entityType: "staff",
      entity: "张三",
      code: "14.7",
      points: -1,
      category: "de",
      date: `2025-02-${String(10 + (k % 18)).padStart(2, "0")}`,
      text: k % 3 === 0 ? LONG_TEXT : "着装不整齐",
    }),
  );
  return c;
}

const options = { period: PERIOD, who: ["张三", "李四"], locale: "zh-CN" as const };
const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v));

/** The rows (1-based) of each form's last page, from the sheet's breaks and the forms' titles. */
function lastPages(sheet: SheetModel): number[][] {
  const breaks = sheet.pageSetup!.rowBreaks;
  const starts = sheet.rows.flatMap((r, i) =>
    sheet.rowStyles?.[i + 1] === "heading" && !text(r[0]).includes("（续）") ? [i + 1] : [],
  );
  return starts.map((start, f) => {
    const end = starts[f + 1] ? starts[f + 1]! - 1 : sheet.rows.length;
    const from = Math.max(start, ...breaks.filter((b) => b >= start && b < end).map((b) => b + 1));
    return Array.from({ length: end - from + 1 }, (_, i) => from + i);
  });
}

describe("print forms in Excel: page breaks from Excel's own row heights", () => {
  it("measures the wrapped rows once on a scratch sheet, makes the 派驻单位 row taller and moves a break", async () => {
    const { input, result } = longCase();
    const { emu, host } = emulatedHost({ apiVersion: "1.9", sheets: [gridSeed("Sheet1", [["x"]])] });
    const outcome = { result, input } as Parameters<typeof printForms>[1];
    const printed = await printForms(host, outcome, options);
    expect(printed.stale).toBe(false);
    if (printed.stale) return;
    const sheet = printed.sheet;
    const estimate = buildPrintSheetWithIndex(result, input, options).sheet;

    // The scratch sheet is gone; the print tab is there.
    expect(emu.book.live().map((s) => s.name)).toContain(PRINT_SHEET_NAME);
    expect(emu.book.live().map((s) => s.name)).not.toContain("kaohe_measure");

    // The 派驻单位 row: Excel's autofit height, written to the sheet, above the style's one-line height.
    const unitRow = sheet.rows.findIndex((r) => text(r[1]) === LONG_UNIT) + 1;
    expect(unitRow).toBeGreaterThan(0);
    const ws = emu.book.find(PRINT_SHEET_NAME)!;
    const measured = ws.rowHeights.get(unitRow)!;
    expect(measured).toBe(sheet.rowHeights![unitRow]);
    expect(measured).toBeGreaterThan(PRINT_STYLES[sheet.rowStyles![unitRow]!]!.height!);
    const estimatedUnit = estimate.rows.findIndex((r) => text(r[1]) === LONG_UNIT) + 1;
    expect(measured).not.toBe(estimate.rowHeights![estimatedUnit]);

    // The breaks Excel got are the measured model's, and they differ from the estimate-only ones.
    const added = (layoutLog.get(ws) ?? []).filter((l) => l.startsWith("PageBreak="));
    expect(added).toEqual(sheet.pageSetup!.rowBreaks.map((r) => `PageBreak=A${r + 1}`));
    expect(sheet.pageSetup!.rowBreaks).not.toEqual(estimate.pageSetup!.rowBreaks);
    expect(sheet.pageSetup!.rowBreaks.length).toBeGreaterThan(1);

    // Each form's last page holds the end of its table, the score, the grade and every signature label.
    for (const page of lastPages(sheet)) {
      const styles = page.map((r) => sheet.rowStyles?.[r]);
      const words = page.map((r) => sheet.rows[r - 1]!.map(text).join("|")).join("\n");
      const firstSummary = styles.indexOf("summary");
      expect(firstSummary).toBeGreaterThan(0);
      expect(styles.slice(0, firstSummary).some((s) => s === "table" || s === "subtotal")).toBe(true);
      for (const label of ["得分", "等次", "本人意见", "派驻单位意见"]) expect(words).toContain(label);
    }
  });

  it("asks Excel about each distinct wrapped row once, in one sync per few thousand rows", async () => {
    const { input, result } = longCase();
    const requests = measureRequests(result, input, options);
    expect(requests.some((r) => r.wraps.some((w) => w.text === LONG_UNIT))).toBe(true);
    const { emu, host } = emulatedHost({ apiVersion: "1.9", sheets: [gridSeed("Sheet1", [["x"]])] });
    emu.resetStats();
    const heights = await host.measureRows(requests, "SimSun");
    expect(heights).toHaveLength(requests.length);
    // Look for a scratch sheet left over, measure, delete the scratch sheet.
    expect(emu.stats.syncs).toBe(3);
    expect(heights!.every((h) => h >= 12)).toBe(true);
  });

  it("removes a scratch sheet a failed run left behind", async () => {
    const { input, result } = longCase();
    const { emu, host } = emulatedHost({
      apiVersion: "1.9",
      sheets: [gridSeed("Sheet1", [["x"]]), gridSeed("kaohe_measure", [["old"]])],
    });
    const heights = await host.measureRows(measureRequests(result, input, options), "SimSun");
    expect(heights!.length).toBeGreaterThan(0);
    expect(emu.book.live().map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("without ExcelApi 1.2 falls back to the estimate", async () => {
    const { input, result } = longCase();
    const { host } = emulatedHost({ apiVersion: "1.1", sheets: [gridSeed("Sheet1", [["x"]])] });
    expect(await host.measureRows(measureRequests(result, input, options), "SimSun")).toBeUndefined();
  });
});
