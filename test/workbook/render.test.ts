import { renderResults } from "../../src/workbook/render/results";
import { formatReason } from "../../src/workbook/render/format";
import type { SheetModel } from "../../src/workbook/types";
import { auditLine, result, staffResult, townshipResult, windowResult } from "./resultFactory";

const byName = (sheets: SheetModel[], name: string) => sheets.find((s) => s.name === name)!;
const headers = (s: SheetModel) => s.columns.map((c) => c.header);

describe("renderResults", () => {
  it("writes exactly the contract's tabs and columns", () => {
    const sheets = renderResults(result({ townships: [townshipResult()] }));
    expect(sheets.map((s) => s.name)).toEqual(["窗口考核结果", "人员考核结果", "镇街考核结果", "考核明细"]);
    expect(headers(sheets[0]!)).toEqual([
      "期间",
      "窗口",
      "派驻单位",
      "扣分",
      "加分",
      "得分",
      "排名",
      "等次",
      "评优资格",
      "原因",
      "期间类型",
    ]);
    expect(headers(sheets[1]!)).toEqual([
      "期间",
      "姓名",
      "窗口",
      "德",
      "能",
      "勤",
      "绩",
      "加分",
      "得分",
      "排名",
      "等次",
      "评优资格",
      "标记",
      "期间类型",
    ]);
    expect(headers(sheets[2]!)).toEqual([
      "单位",
      "T1",
      "T2",
      "T3",
      "T4",
      "T5",
      "T6",
      "T7",
      "T8",
      "T9",
      "T10",
      "总分",
      "排名",
      "等次",
      "备注",
    ]);
    expect(headers(sheets[3]!)).toEqual([
      "期间",
      "日期",
      "对象类型",
      "对象",
      "条款",
      "内容",
      "数量",
      "分值",
      "来源",
      "期间类型",
    ]);
    for (const s of sheets) {
      expect(s.freezeRows).toBe(1);
      expect(s.columns.every((c) => (c.width ?? 0) >= 6)).toBe(true);
      for (const row of s.rows) expect(row).toHaveLength(s.columns.length);
    }
    // Signed changes (+2.0 / -0.5) in one format, scores in another, on every tab.
    expect(sheets[0]!.columns.filter((c) => c.format === "delta").map((c) => c.header)).toEqual([
      "扣分",
      "加分",
    ]);
    expect(sheets[0]!.columns.filter((c) => c.format === "points").map((c) => c.header)).toEqual(["得分"]);
    for (const s of sheets) {
      expect(s.autoFilter).toBe(true);
      expect(s.pageSetup).toMatchObject({
        orientation: "landscape",
        fitToWidth: true,
        printTitleRows: [1, 1],
      });
    }
  });

  it("leaves out 镇街考核结果 when there are no townships", () => {
    expect(renderResults(result()).map((s) => s.name)).toEqual(["窗口考核结果", "人员考核结果", "考核明细"]);
  });

  it("never writes -0 (a window without deductions shows 0, not -0.0)", () => {
    const sheets = renderResults(result({ windows: [windowResult({ deductions: 0, score: 1000 })] }));
    expect(Object.is(sheets[0]!.rows[0]![3], 0)).toBe(true);
  });

  it("writes points as one-decimal numbers, 扣分 negative as everywhere, 评优资格 as 是/否, the period kind", () => {
    const sheets = renderResults(
      result({ windows: [windowResult({ deductions: -50, bonuses: 0, score: 950, eligible: false })] }),
    );
    expect(sheets[0]!.rows[0]).toEqual([
      "2025-Q1",
      "公安",
      "县公安局",
      -5,
      0,
      95,
      1,
      "优秀",
      "否",
      "",
      "季度",
    ]);
    expect(sheets[1]!.rows[0]).toEqual([
      "2025-Q1",
      "张三",
      "公安",
      -0.2,
      0,
      -0.5,
      0,
      2,
      101.3,
      1,
      "优秀",
      "是",
      "",
      "季度",
    ]);
    expect(byName(sheets, "考核明细").rows[0]).toEqual([
      "2025-Q1",
      "2025-03-05",
      "窗口",
      "公安",
      "14.7",
      "着装不整齐、未按规定着装和佩证上岗",
      1,
      -0.2,
      "事项记录!A12",
      "季度",
    ]);
  });

  it("words the engine's audit notes in Chinese in 内容", () => {
    const audit = [
      auditLine({ note: "year-only" }),
      auditLine({ note: "head, case-log" }),
      auditLine({ code: "19.9", note: "quarterly-grades", source: undefined }),
      auditLine({ note: "人工裁定: 复核 (主任)" }),
    ];
    const rows = renderResults(result({ audit }))[2]!.rows.map((r) => r[5]);
    expect(rows).toEqual([
      "着装不整齐、未按规定着装和佩证上岗（仅计入年度）",
      "着装不整齐、未按规定着装和佩证上岗（负责人连带，由办件台账推算）",
      "着装不整齐、未按规定着装和佩证上岗（由季度等次得出）",
      "着装不整齐、未按规定着装和佩证上岗（人工裁定: 复核 (主任)）",
    ]);
  });

  it("gives a derived year bonus the quarterly grades as its 来源, not the case log", () => {
    const audit = [auditLine({ code: "19.9", note: "quarterly-grades", source: undefined })];
    const detail = renderResults(result({ audit }))[2]!;
    const row = detail.rows[0]!;
    expect(row.slice(5).join("|")).not.toContain("办件台账");
    expect(row[detail.columns.findIndex((c) => c.header === "来源")]).toBe("由季度等次得出");
  });

  it("writes reasons and flags starting with their code, the source cells, joined with ；", () => {
    const reasons = [
      {
        code: "20B.1",
        text: "20个工作日内2次投诉属实",
        period: "2025-02",
        sources: [
          { sheet: "事项记录", row: 12 },
          { sheet: "事项记录", row: 15 },
        ],
      },
      {
        code: "20A.2",
        text: "未将许可事项纳入中心集中受理",
        period: "2025-Q1",
        sources: [{ sheet: "事项记录", row: 3 }],
      },
    ];
    const w = renderResults(result({ windows: [windowResult({ reasons })] }))[0]!;
    expect(w.rows[0]![9]).toBe(
      "20B.1 20个工作日内2次投诉属实 (事项记录!A12, A15)；20A.2 未将许可事项纳入中心集中受理 (事项记录!A3)",
    );
    expect(
      formatReason({
        code: "15.7",
        text: "超时办结",
        sources: [
          { sheet: "办件台账", row: 5 },
          { sheet: "事项记录", row: 2 },
        ],
      }),
    ).toBe("15.7 超时办结 (办件台账!A5, 事项记录!A2)");
    expect(formatReason({ code: "先进个人", text: "", sources: [] })).toBe("先进个人");
  });

  it("shows 并列待裁定 for a tie across a quota boundary, once", () => {
    const tied = renderResults(
      result({ staff: [staffResult({ tiePending: true, grade: "并列待裁定" })] }),
    )[1]!;
    expect(tied.rows[0]![10]).toBe("并列待裁定");
    expect(tied.rows[0]![12]).toBe("并列待裁定");
    const already = [{ code: "并列待裁定", text: "与李四同分跨越名额", period: "2025-Q1", sources: [] }];
    const once = renderResults(result({ staff: [staffResult({ tiePending: true, flags: already })] }))[1]!;
    expect(once.rows[0]![12]).toBe("并列待裁定 与李四同分跨越名额");
  });

  it("orders rows by period (months, quarters, year) then rank, and filters one period", () => {
    const windows = [
      windowResult({ period: "2025", rank: 1 }),
      windowResult({ period: "2025-Q1", rank: 2, window: "税务" }),
      windowResult({ period: "2025-01", rank: 1 }),
      windowResult({ period: "2025-Q1", rank: 1 }),
    ];
    const all = renderResults(result({ windows }))[0]!;
    expect(all.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      "2025-01 公安",
      "2025-Q1 公安",
      "2025-Q1 税务",
      "2025 公安",
    ]);
    const q1 = renderResults(
      result({ windows, audit: [auditLine(), auditLine({ periods: ["2025"] })] }),
      undefined,
      { period: "2025-Q1" },
    );
    expect(q1[0]!.rows.map((r) => r[0])).toEqual(["2025-Q1", "2025-Q1"]);
    expect(byName(q1, "考核明细").rows).toHaveLength(1);
  });

  it("fills 派驻单位 from the roster when the result has none, and writes township notes", () => {
    const input = {
      settings: { unitName: "x", unitType: "县中心" as const, year: 2025, profile: "tianyang-2008" },
      windows: [{ name: "公安", department: "县公安局", source: { sheet: "窗口名册", row: 2 } }],
      staff: [],
      incidents: [],
      indicators: [],
      cases: [],
      calendar: [],
      overrides: [],
    };
    const sheets = renderResults(
      result({
        windows: [windowResult({ department: "" })],
        townships: [
          townshipResult({
            notes: [
              { key: "unreviewed", indicator: "T3", text: "未复核" },
              { key: "evidence", indicator: "T9", text: "投诉", count: 2 },
            ],
          }),
        ],
      }),
      input,
    );
    expect(sheets[0]!.rows[0]![2]).toBe("县公安局");
    const t = byName(sheets, "镇街考核结果").rows[0]!;
    expect(t.slice(0, 4)).toEqual(["那坡镇", 4.9, 10, null]);
    expect(t.slice(11)).toEqual([14.9, 1, "不合格", "T3 未复核；T9 投诉 2 件"]);
  });
});
