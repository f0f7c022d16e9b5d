import { runAssessment, toJsonReport } from "../../src/pipeline";
import type { RunOutcome } from "../../src/pipeline/types";
import { incident, workbook } from "../workbook/factory";
import { result, staffResult, townshipResult, windowResult } from "../workbook/resultFactory";

const outcomeOf = (over: Partial<RunOutcome> = {}): RunOutcome => ({
  ok: true,
  result: result({ townships: [townshipResult()] }),
  issues: [],
  sheets: [],
  flags: [],
  ...over,
});

describe("toJsonReport", () => {
  it("has exactly the documented keys", () => {
    const doc = toJsonReport(outcomeOf());
    expect(Object.keys(doc)).toEqual(["unit", "year", "profile", "windows", "staff", "townships", "issues"]);
    expect(Object.keys(doc.windows[0]!)).toEqual([
      "period",
      "window",
      "department",
      "deductions",
      "bonuses",
      "score",
      "rank",
      "grade",
      "eligible",
      "reasons",
    ]);
    expect(Object.keys(doc.staff[0]!)).toEqual([
      "period",
      "name",
      "window",
      "de",
      "neng",
      "qin",
      "ji",
      "bonuses",
      "score",
      "rank",
      "grade",
      "eligible",
      "flags",
    ]);
    expect(Object.keys(doc.townships[0]!)).toEqual(["unit", "indicators", "total", "rank", "grade", "notes"]);
  });

  it("rounds numbers to one decimal and starts every reason and flag with its code", () => {
    const r = result({
      windows: [
        windowResult({
          deductions: -25,
          bonuses: 20,
          score: 995,
          tiePending: true,
          reasons: [
            {
              code: "20B.1",
              text: "20个工作日内2次投诉属实",
              period: "2025-02",
              sources: [
                { sheet: "事项记录", row: 12 },
                { sheet: "事项记录", row: 15 },
              ],
            },
          ],
        }),
      ],
      staff: [staffResult({ flags: [{ code: "27.2", text: "旷工3天以上", period: "2025", sources: [] }] })],
      townships: [
        townshipResult({
          indicators: { T1: 49 },
          total: 949,
          notes: [{ key: "unreviewed", indicator: "T3", text: "未复核" }],
        }),
      ],
    });
    const doc = toJsonReport(outcomeOf({ result: r }));
    expect(doc).toMatchObject({ unit: "田阳县政务服务中心", year: 2025, profile: "tianyang-2008" });
    expect(doc.windows[0]).toEqual({
      period: "2025-Q1",
      window: "公安",
      department: "县公安局",
      deductions: -2.5,
      bonuses: 2,
      score: 99.5,
      rank: 1,
      grade: "优秀",
      eligible: true,
      reasons: ["20B.1 20个工作日内2次投诉属实 (事项记录!A12, A15)", "并列待裁定"],
    });
    expect(doc.staff[0]).toMatchObject({
      de: -0.2,
      neng: 0,
      qin: -0.5,
      ji: 0,
      bonuses: 2,
      score: 101.3,
      flags: ["27.2 旷工3天以上"],
    });
    expect(doc.townships[0]).toEqual({
      unit: "那坡镇",
      indicators: { T1: 4.9 },
      total: 94.9,
      rank: 1,
      grade: "不合格",
      notes: ["T3 未复核"],
    });
  });

  it("filters to the outcome's period", () => {
    const r = result({
      windows: [windowResult({ period: "2025-03" }), windowResult()],
      staff: [staffResult({ period: "2025" })],
    });
    const doc = toJsonReport(outcomeOf({ result: r, period: "2025-Q1" }));
    expect(doc.windows.map((w) => w.period)).toEqual(["2025-Q1"]);
    expect(doc.staff).toEqual([]);
  });

  it("gives issues with sheet, cell and a message in the chosen language; errors carry no results", () => {
    const bad = runAssessment(workbook({ incidents: [incident({ 条款: "14.99" })] }));
    const doc = toJsonReport(bad, "en");
    expect(doc).toEqual({
      unit: null,
      year: null,
      profile: null,
      windows: [],
      staff: [],
      townships: [],
      issues: [
        {
          severity: "error",
          sheet: "事项记录",
          cell: "D2",
          code: "unknown-rule",
          message: 'unknown rule code "14.99"',
        },
      ],
    });
    expect(toJsonReport(bad).issues[0]!.message).toBe("未知条款“14.99”");
  });

  it("puts a row-level warning's cell in column A of that row, and omits the location when there is none", () => {
    const doc = toJsonReport(
      outcomeOf({
        issues: [
          {
            severity: "warning",
            code: "duplicate-incident",
            sheet: "事项记录",
            row: 7,
            params: { firstRow: 3 },
          },
          { severity: "warning", code: "calendar-year-not-covered", params: { year: 2030 } },
        ],
      }),
    );
    expect(doc.issues).toEqual([
      {
        severity: "warning",
        sheet: "事项记录",
        cell: "A7",
        code: "duplicate-incident",
        message: "疑似与第3行重复",
      },
      {
        severity: "warning",
        code: "calendar-year-not-covered",
        message: "缺少2030年节假日数据，按周一至周五为工作日计算",
      },
    ]);
  });

  it("is one JSON document for a real run, every period present without --period", () => {
    const doc = JSON.parse(JSON.stringify(toJsonReport(runAssessment(workbook()))));
    expect(new Set(doc.windows.map((w: { period: string }) => w.period)).size).toBe(17);
    expect(doc.issues).toEqual([]);
  });
});
