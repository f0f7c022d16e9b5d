import fc from "fast-check";
import {
  buildPrintSheet,
  buildPrintSheetWithIndex,
  describePrintIssue,
  PrintSelectionError,
  selectForPrint,
} from "../../src/print";
import type { CellValue } from "../../src/core";
import type { SheetModel } from "../../src/workbook/types";
import { PAGE_BODY_POINTS, PRINT_STYLES } from "../../src/print/styles";
import { audit, PERIOD, sampleCase, staffResult } from "./factory";

/** Signature and opinion labels each form must carry (line breaks removed). */
const SIGNATURES = {
  window: ["窗口负责人签字", "派驻单位意见（盖章）", "考核人签字", "中心考核领导小组意见（盖章）"],
  staff: [
    "本人意见",
    "□ 同意",
    "□ 不同意",
    "窗口负责人（首席代表）意见",
    "派驻单位意见（盖章）",
    "中心考核领导小组意见（盖章）",
    "评语 /个人小结",
  ],
  township: ["镇（街道）中心负责人签字", "考核组签字", "县中心意见（盖章）"],
};

function textOf(sheet: SheetModel, first = 1, last = sheet.rows.length): string {
  return sheet.rows
    .slice(first - 1, last)
    .map((r) => r.filter((c): c is Exclude<CellValue, null> => c !== null).join(" "))
    .join("\n");
}

describe("buildPrintSheet", () => {
  const { input, result } = sampleCase();

  it("prints one form per window, staff member and township, each starting a page", () => {
    const { sheet, entities } = buildPrintSheetWithIndex(result, input, { period: PERIOD });
    expect(sheet.name).toBe("打印_考核表");
    expect(sheet.headerless).toBe(true);
    expect(entities.map((e) => `${e.kind}:${e.name}`)).toEqual([
      "window:民政局窗口",
      "window:人社局窗口",
      "window:税务局窗口",
      "staff:张三",
      "staff:李四",
      "staff:王五",
      "staff:赵六",
      "township:那坡镇便民服务中心",
    ]);
    // A break after every form but the last, and nowhere else (these forms fit one page each).
    expect(sheet.pageSetup?.rowBreaks).toEqual(entities.slice(0, -1).map((e) => e.lastRow));
    expect(sheet.pageSetup).toMatchObject({
      orientation: "portrait",
      paperSize: "A4",
      fitToWidth: true,
      fitToHeight: false,
      printTitleRows: [1, 2],
      printArea: `A1:G${sheet.rows.length}`,
    });
    // Page numbers count within each form, on the line under its heading.
    for (const e of entities) expect(sheet.rows[e.firstRow]![6]).toBe(`第 1 页 共 ${e.pages} 页`);
    expect(sheet.pageSetup!.margins.left).toBeGreaterThan(sheet.pageSetup!.margins.right);
    // A township's own workbook: the forms are issued by its county, not by the township itself.
    expect(textOf(sheet, 1, 2)).toContain("田阳县 考核登记表");
    expect(textOf(sheet, 1, 2)).toContain("2025年第一季度");
  });

  it("shows each entity's details, effects, result, reasons and signature lines", () => {
    const { sheet, entities } = buildPrintSheetWithIndex(result, input, { period: PERIOD });
    const form = (name: string): string => {
      const e = entities.find((x) => x.name === name)!;
      return textOf(sheet, e.firstRow, e.lastRow);
    };
    const window = form("民政局窗口");
    expect(window).toContain("派驻单位 县民政局 窗口 民政局窗口");
    expect(window).toContain("窗口负责人 张三");
    expect(window).toContain("2025-02-11 18.8a 当事人投诉工作人员服务态度差,经查属实 1 -2.0 事项记录!A7");
    expect(window).toContain("扣分 小计 -4.2");
    expect(window).toContain("得分 97.8");
    expect(window).toContain("排名 2 / 3");
    expect(window).toContain("评优资格 否");
    expect(window).toContain("20B.1 20个工作日内2次投诉属实（事项记录!A7, A9）");
    expect(form("人社局窗口")).toContain("超时办结（由办件台账推算）");
    const flat = (name: string) => form(name).replace(/\n/g, "");
    for (const label of SIGNATURES.window) expect(flat("民政局窗口")).toContain(label);
    for (const label of SIGNATURES.staff) expect(flat("张三")).toContain(label);
    for (const label of SIGNATURES.township) expect(flat("那坡镇便民服务中心")).toContain(label);
    // A township ranked among nobody else shows no rank; the rules by name, not id.
    expect(form("那坡镇便民服务中心")).not.toContain("排名");
    expect(form("那坡镇便民服务中心")).toContain(
      "考核办法 田阳县行政审批服务中心窗口及工作人员考核办法(2008)",
    );
    expect(form("那坡镇便民服务中心")).not.toContain("tianyang-2008");
    const staff = form("张三");
    expect(staff).toContain("职务 首席代表");
    expect(staff).toContain("进驻日期 2023-05-01");
    expect(staff.indexOf("德 小计 -2.2")).toBeLessThan(staff.indexOf("能 小计 -0.5"));
    expect(staff).toContain("勤 小计 -1.0");
    expect(staff).toContain("绩 小计 -2.0");
    expect(staff).toContain("加分 小计 +2.0");
    expect(staff).toContain("扣分 -5.7");
    expect(staff).toContain("加分 +2.0");
    expect(staff).toContain("得分 96.3");
    expect(staff).toContain("26.1 20个工作日内2次投诉属实");
    expect(form("王五")).toContain("等次 并列待裁定");
  });

  it("shows the township's self score against the reviewed score per indicator", () => {
    const { sheet, entities } = buildPrintSheetWithIndex(result, input, { period: PERIOD, who: "township" });
    expect(entities).toHaveLength(1);
    const text = textOf(sheet);
    expect(text).toContain("T3 设备配备 10.0 10.0 未复核 10.0");
    expect(text).toContain("T6 办理事项办结率 15.0 13.5 12.5 12.5");
    expect(text).toMatch(/T10 明查暗访电子监察 15\.0 15\.0 15\.0 15\.0/);
    expect(text).toContain("合计 100.0 98.5 85.5 95.5");
    expect(text).toContain("T6 建议 13.5");
    // Evidence lines are listed; lines restating an indicator's score are not repeated below the table.
    expect(text).toContain("裁定 人工裁定：T9 复核分 8.0（投诉 1 件经查属实） 1 0.0 人工裁定!A2");
    const { sheet: only } = buildPrintSheetWithIndex(result, input, { period: PERIOD, who: "township" });
    expect(only.rows.filter((r) => r[1] === "T9")).toHaveLength(0);
  });

  it("selects kinds and chosen names", () => {
    const kinds = (who: Parameters<typeof selectForPrint>[1]["who"]): number[] => {
      const { selection } = selectForPrint(result, { period: PERIOD, who });
      return [selection.windows.length, selection.staff.length, selection.townships.length];
    };
    expect(kinds("all")).toEqual([3, 4, 1]);
    expect(kinds("windows")).toEqual([3, 0, 0]);
    expect(kinds("staff")).toEqual([0, 4, 0]);
    expect(kinds(["张三", " 税务局窗口 "])).toEqual([1, 1, 0]);
    const { sheet } = buildPrintSheetWithIndex(result, input, { period: PERIOD, who: ["李四"] });
    expect(textOf(sheet)).toContain("李四");
    expect(textOf(sheet)).not.toContain("张三");
    expect(sheet.pageSetup?.rowBreaks).toEqual([]);
  });

  it("reports unknown names and periods as issues, and buildPrintSheet throws them", () => {
    const unknown = selectForPrint(result, { period: PERIOD, who: ["张三", "钱七"] });
    expect(unknown.issues).toEqual([
      { severity: "error", code: "print.name-unknown", params: { name: "钱七", period: PERIOD } },
    ]);
    expect(describePrintIssue(unknown.issues[0])).toBe("期间 2025-Q1 的考核结果中找不到对象“钱七”");
    expect(describePrintIssue(unknown.issues[0], "en")).toContain('"钱七"');
    expect(() => buildPrintSheet(result, input, { period: "2024-Q1" })).toThrow(PrintSelectionError);
    const thrown = (() => {
      try {
        buildPrintSheet(result, input, { period: "2024-Q1", who: "windows" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(PrintSelectionError);
    expect((thrown as PrintSelectionError).issues[0].code).toBe("print.period-unknown");
    const empty = { ...result, windows: [], staff: [], townships: [] };
    expect(selectForPrint(empty, { period: PERIOD }).issues[0].code).toBe("print.nothing-selected");
  });

  it("keeps untrusted text as text and prints other locales", () => {
    const evil = sampleCase();
    evil.result.audit.push(
      audit({ entity: "税务局窗口", code: "override", points: 0, text: '=HYPERLINK("x")', note: "+1" }),
    );
    const sheet = buildPrintSheet(evil.result, evil.input, { period: PERIOD, who: ["税务局窗口"] });
    expect(sheet.rows.flat()).toContain('=HYPERLINK("x")（+1）');
    const en = buildPrintSheet(result, input, { period: PERIOD, who: ["张三"], locale: "en" });
    expect(textOf(en)).toContain("Own opinion");
    expect(textOf(en)).toContain("Period: 2025 Q1");
    expect(textOf(en)).toContain("2025 Q1");
    const tw = buildPrintSheet(result, input, {
      period: PERIOD,
      who: ["张三"],
      locale: "zh-TW",
    });
    expect(textOf(tw).replace(/\n/g, "")).toContain("中心考核領導小組意見（蓋章）");
  });

  it("merges stay inside the eight columns and never overlap", () => {
    const sheet = buildPrintSheet(result, input, { period: PERIOD });
    const taken = new Set<string>();
    for (const m of sheet.merges ?? []) {
      expect(m.column + m.columnSpan - 1).toBeLessThanOrEqual(8);
      for (let c = m.column; c < m.column + m.columnSpan; c++) {
        const key = `${m.row}:${c}`;
        expect(taken.has(key)).toBe(false);
        taken.add(key);
        // Only the first cell of a merge holds a value.
        if (c > m.column) expect(sheet.rows[m.row - 1][c - 1]).toBeNull();
      }
    }
    for (const style of Object.values(sheet.rowStyles ?? {}))
      expect(sheet.rowStyleDefs?.[style]).toBeDefined();
  });
});

describe("pagination of long tables", () => {
  it("continues a long table on the next page under a repeated heading and header, and never overfills a page", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 160 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        (counts, longTexts) => {
          const { input, result } = sampleCase();
          result.staff = counts.map((n, i) =>
            staffResult({
              name: `员工${i}`,
              window: "民政局窗口",
              categories: { de: -n, neng: 0, qin: 0, ji: 0 },
            }),
          );
          result.audit = counts.flatMap((n, i) =>
            Array.from({ length: n }, (_, k) =>
              audit({
                entityType: "staff",
                entity: `员工${i}`,
                code: "14.7",
                points: -1,
                category: "de",
                text: k < longTexts ? "很长的内容".repeat(12) : "着装不整齐",
              }),
            ),
          );
          const { sheet, entities } = buildPrintSheetWithIndex(result, input, {
            period: PERIOD,
            who: "staff",
          });
          const breaks = sheet.pageSetup!.rowBreaks;
          // Pages: every break starts one; body heights between breaks fit the page.
          const bounds = [2, ...breaks, sheet.rows.length];
          for (let p = 0; p + 1 < bounds.length; p++) {
            let used = 0;
            for (let r = bounds[p] + 1; r <= bounds[p + 1]; r++) {
              used += sheet.rowHeights?.[r] ?? PRINT_STYLES[sheet.rowStyles![r]].height!;
            }
            expect(used).toBeLessThanOrEqual(PAGE_BODY_POINTS);
          }
          // Each entity starts right after a break (or the title rows), and each page after an in-form
          // break begins with a continuation heading.
          for (const e of entities) expect([2, ...breaks]).toContain(e.firstRow - 1);
          for (const b of breaks) {
            if (entities.some((e) => e.firstRow === b + 1)) continue;
            expect(String(sheet.rows[b][0])).toMatch(/（续）$/);
          }
          // Every audit line is printed exactly once.
          const printed = sheet.rows.filter((r) => r[1] === "14.7").length;
          expect(printed).toBe(counts.reduce((a, b) => a + b, 0));
        },
      ),
      { numRuns: 25 },
    );
  });
});
