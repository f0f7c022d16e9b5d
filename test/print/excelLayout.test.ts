import {
  applyExcelPrintLayout,
  batchTasks,
  MAX_OPS_PER_SYNC,
  PAGE_LAYOUT_UNSUPPORTED,
  styleRuns,
} from "../../src/hosts/excel/printLayout";
import { buildPrintSheet, buildPrintSheetWithIndex } from "../../src/print";
import { fakeExcel } from "./excelFake";
import { audit, PERIOD, sampleCase, staffResult } from "./factory";

const versionAtMost = (max: number) => (v: string) => Number(v.split(".")[1]) <= max;

describe("Excel print layout (Office.js, against a strict recording fake)", () => {
  const { input, result } = sampleCase();
  const { sheet, entities } = buildPrintSheetWithIndex(result, input, {
    period: PERIOD,
    stamp: { at: "2026-01-05 09:00", fingerprint: "0123456789abcdef" },
  });

  it("sets A4 portrait, binding margins, one page wide, print area, title rows, footer and breaks in one sync", async () => {
    const excel = fakeExcel(["打印_考核表"], versionAtMost(9));
    const outcome = await applyExcelPrintLayout(excel.runtime, "打印_考核表", sheet);
    expect(outcome).toEqual({ pageLayout: true });
    expect(excel.syncs).toBe(1);
    expect(excel.log[excel.log.length - 1]).toBe("sync");
    const pl = "ws[打印_考核表].pageLayout";
    expect(excel.log).toEqual(
      expect.arrayContaining([
        `${pl}.orientation = "Portrait"`,
        `${pl}.paperSize = "A4"`,
        `${pl}.leftMargin = 72`,
        `${pl}.rightMargin = 36`,
        `${pl}.zoom = {"horizontalFitToPages":1,"verticalFitToPages":0}`,
        `${pl}.setPrintArea("A1:G${sheet.rows.length}")`,
        `${pl}.setPrintTitleRows("$1:$2")`,
        `${pl}.headersFooters.defaultForAllPages.centerFooter = "生成于 2026-01-05 09:00\u3000输入校验码 0123456789abcdef"`,
        `ws[打印_考核表].getRange("A1:G1").merge(false)`,
        `ws[打印_考核表].getRange("A1:A1").format.columnWidth = 67`,
      ]),
    );
    const breaks = excel.log.filter((l) => l.includes("horizontalPageBreaks.add"));
    expect(breaks).toEqual(
      entities.slice(0, -1).map((e) => `ws[打印_考核表].horizontalPageBreaks.add("A${e.lastRow + 1}")`),
    );
    // Old breaks are removed before the new ones are added.
    const removeAt = excel.log.indexOf("ws[打印_考核表].horizontalPageBreaks.removePageBreaks()");
    expect(removeAt).toBeGreaterThan(-1);
    expect(removeAt).toBeLessThan(excel.log.indexOf(breaks[0]));
    // Form rows get borders and the sheet font.
    expect(excel.log).toContain(`ws[打印_考核表].getRange("A1:G1").format.font.name = "SimSun"`);
    // Boxes around groups of cells (B:C holds a value), never lines inside a group.
    expect(
      excel.log.some((l) =>
        /getRange\("B\d+:C\d+"\)\.format\.borders\.getItem\("EdgeRight"\)\.style = "Continuous"/.test(l),
      ),
    ).toBe(true);
    expect(excel.log.some((l) => l.includes("InsideVertical"))).toBe(false);
    // Only the content column of the audit table wraps.
    expect(excel.log.some((l) => /getRange\("C\d+:C\d+"\)\.format\.wrapText = true/.test(l))).toBe(true);
  });

  it("without ExcelApi 1.9 formats the form, leaves the page layout alone and says so", async () => {
    const excel = fakeExcel(["打印_考核表"], versionAtMost(8));
    const outcome = await applyExcelPrintLayout(excel.runtime, "打印_考核表", sheet);
    expect(outcome).toEqual({ pageLayout: false, message: PAGE_LAYOUT_UNSUPPORTED });
    expect(outcome.message?.zh).toContain("ExcelApi 1.9");
    expect(excel.log.some((l) => l.includes("pageLayout") || l.includes("PageBreaks"))).toBe(false);
    expect(excel.log.some((l) => l.includes(".merge(false)"))).toBe(true);
    expect(excel.syncs).toBe(1);
  });

  it("fails loudly on a missing sheet instead of swallowing the error", async () => {
    const excel = fakeExcel([], versionAtMost(9));
    await expect(applyExcelPrintLayout(excel.runtime, "打印_考核表", sheet)).rejects.toThrow("ItemNotFound");
  });

  it("splits a 500-form sheet into bounded syncs, with the page layout in the last one", async () => {
    const big = sampleCase();
    big.result.staff = Array.from({ length: 500 }, (_, i) =>
      staffResult({ name: `员工${i}`, window: "民政局窗口", categories: { de: -2, neng: 0, qin: 0, ji: 0 } }),
    );
    big.result.audit = big.result.staff.map((s) =>
      audit({ entityType: "staff", entity: s.name, code: "14.7", points: -2, category: "de" }),
    );
    const model = buildPrintSheet(big.result, big.input, { period: PERIOD, who: "staff" });
    const excel = fakeExcel(["打印_考核表"], versionAtMost(9));
    await applyExcelPrintLayout(excel.runtime, "打印_考核表", model);
    expect(excel.syncs).toBeGreaterThan(1);
    expect(excel.runs).toBe(1);
    // Operations between syncs (each logged call or property set is one; getRange calls included).
    const perSync: number[] = [];
    let count = 0;
    for (const line of excel.log) {
      if (line === "sync") {
        perSync.push(count);
        count = 0;
      } else count++;
    }
    expect(perSync).toHaveLength(excel.syncs);
    expect(Math.max(...perSync)).toBeLessThanOrEqual(MAX_OPS_PER_SYNC);
    const lastSync = excel.log.lastIndexOf("sync", excel.log.length - 2);
    const layoutAt = excel.log.findIndex((l) => l.includes(".pageLayout.orientation"));
    expect(layoutAt).toBeGreaterThan(lastSync);
    expect(excel.log.filter((l) => l.includes("horizontalPageBreaks.add"))).toHaveLength(499);
  });

  it("batches tasks without splitting one and without empty batches", () => {
    const task = (ops: number) => ({ ops, run: () => undefined });
    expect(batchTasks([task(5), task(5), task(5)], 10).map((b) => b.length)).toEqual([2, 1]);
    expect(batchTasks([task(50), task(1)], 10).map((b) => b.length)).toEqual([1, 1]);
    expect(batchTasks([], 10)).toEqual([[]]);
  });

  it("formats runs of rows with one style as one range", () => {
    expect(styleRuns({ 1: "title", 2: "subtitle", 3: "table", 4: "table", 5: "table", 7: "table" })).toEqual([
      { style: "title", first: 1, last: 1 },
      { style: "subtitle", first: 2, last: 2 },
      { style: "table", first: 3, last: 5 },
      { style: "table", first: 7, last: 7 },
    ]);
  });
});
