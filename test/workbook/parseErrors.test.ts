import { formatIssue } from "../../src/workbook/messages";
import { en } from "../../src/workbook/messages/en";
import type { RawSheet } from "../../src/core";
import {
  incident,
  indicatorRows,
  settingsRows,
  STAFF,
  workbook,
  WINDOWS,
  type WorkbookSpec,
} from "./factory";
import { onlyError, parse, seenCodes, summary } from "./parseHelpers";

afterAll(() => {
  // Every issue the parser raised in this file has words in every locale.
  for (const code of seenCodes) expect(Object.keys(en)).toContain(code);
  expect(seenCodes.size).toBeGreaterThanOrEqual(30);
});

describe("parseWorkbook: every error is located", () => {
  it.each<[string, WorkbookSpec | RawSheet[], string]>([
    ["empty workbook", [], "empty-workbook "],
    ["workbook of blank sheets", [{ name: "Sheet1", rows: [[null, ""]] }], "empty-workbook "],
    ["missing settings tab", { omit: ["考核设置"] }, "missing-tab 考核设置"],
    ["missing incidents tab", { omit: ["事项记录"] }, "missing-tab 事项记录"],
    [
      "missing unit name row",
      { settings: settingsRows({ 单位名称: undefined }) },
      "missing-setting 考核设置",
    ],
    ["blank unit name", { settings: settingsRows({ 单位名称: null }) }, "missing-setting 考核设置!B2"],
    ["bad unit type", { settings: settingsRows({ 单位类型: "市中心" }) }, "bad-unit-type 考核设置!B3"],
    ["bad year", { settings: settingsRows({ 考核年度: "明年" }) }, "bad-year 考核设置!B4"],
    ["fractional year", { settings: settingsRows({ 考核年度: 2025.5 }) }, "bad-year 考核设置!B4"],
    ["unknown profile", { settings: settingsRows({ 规则版本: "beijing" }) }, "unknown-profile 考核设置!B5"],
    ["unknown code", { incidents: [incident(), incident({ 条款: "14.99" })] }, "unknown-rule 事项记录!D3"],
    ["impossible date", { incidents: [incident({ 日期: "2025-02-30" })] }, "impossible-date 事项记录!A2"],
    ["serial 60", { incidents: [incident({ 日期: 60 })] }, "impossible-date 事项记录!A2"],
    ["not a date", { incidents: [incident({ 日期: "下周" })] }, "bad-date 事项记录!A2"],
    ["empty date", { incidents: [incident({ 日期: null })] }, "missing-value 事项记录!A2"],
    ["zero quantity", { incidents: [incident({ 数量: 0 })] }, "bad-quantity 事项记录!E2"],
    ["negative quantity", { incidents: [incident({ 数量: -1 })] }, "bad-quantity 事项记录!E2"],
    ["fractional quantity", { incidents: [incident({ 数量: 1.5 })] }, "bad-quantity 事项记录!E2"],
    ["text quantity", { incidents: [incident({ 数量: "两" })] }, "bad-quantity 事项记录!E2"],
    ["huge quantity", { incidents: [incident({ 数量: 4.5e15 })] }, "quantity-too-large 事项记录!E2"],
    [
      "quantity past the bound",
      { incidents: [incident({ 数量: "10000" })] },
      "quantity-too-large 事项记录!E2",
    ],
    ["negative days", { incidents: [incident({ 条款: "15.7", 天数: -2 })] }, "bad-days 事项记录!F2"],
    [
      "分值 above range",
      { incidents: [incident({ 条款: "25.1", 分值: 6 })] },
      "points-out-of-range 事项记录!G2",
    ],
    [
      "分值 below range",
      { incidents: [incident({ 条款: "19.4", 分值: 1.5 })] },
      "points-out-of-range 事项记录!G2",
    ],
    [
      "分值 on a fixed rule",
      { incidents: [incident({ 条款: "14.7", 分值: 1 })] },
      "points-not-allowed 事项记录!G2",
    ],
    [
      "分值 not a number",
      { incidents: [incident({ 条款: "25.1", 分值: "三" })] },
      "not-a-number 事项记录!G2",
    ],
    [
      "分值 finer than 0.1",
      { incidents: [incident({ 条款: "25.1", 分值: 2.25 })] },
      "bad-points 事项记录!G2",
    ],
    ["unknown window", { incidents: [incident({ 窗口: "民政" })] }, "unknown-window 事项记录!B2"],
    ["unknown staff", { incidents: [incident({ 人员: "钱七" })] }, "unknown-staff 事项记录!C2"],
    ["bad 核实", { incidents: [incident({ 核实: "也许" })] }, "bad-verified 事项记录!I2"],
    ["duplicate window", { windows: [...WINDOWS, ["公安", "另一个", ""]] }, "duplicate-window 窗口名册!A5"],
    [
      "duplicate staff",
      { staff: [...STAFF, ["李四", "税务", "工作人员", "", "", ""]] },
      "duplicate-staff 人员名册!A6",
    ],
    [
      "staff under an unknown window",
      { staff: [["张三", "民政", "工作人员", "", "", ""]], incidents: [] },
      "unknown-window 人员名册!B2",
    ],
    ["bad role", { staff: [["张三", "公安", "局长", "", "", ""]], incidents: [] }, "bad-role 人员名册!C2"],
    ["bad post", { staff: [["张三", "公安", "", "C", "", ""]], incidents: [] }, "bad-post 人员名册!D2"],
    [
      "bad start date",
      { staff: [["张三", "公安", "", "", "2025-13-01", ""]], incidents: [] },
      "impossible-date 人员名册!E2",
    ],
    ["bad calendar type", { calendar: [["2025-01-26", "上班"]] }, "bad-day-type 工作日历!B2"],
    [
      "bad override period",
      { overrides: [["公安", "第一季度", "等次", "优秀", "", ""]] },
      "bad-period 人工裁定!B2",
    ],
  ])("%s", (_name, spec, expected) => {
    expect(onlyError(spec)).toBe(expected);
  });

  it("accepts a quantity at the bound (9999 on one row)", () => {
    const out = parse(workbook({ incidents: [incident({ 数量: 9999 })] }));
    expect(out.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(out.input!.incidents[0]!.quantity).toBe(9999);
  });

  it("refuses two tabs that both are 事项记录 (one by alias), naming both", () => {
    const sheets = workbook();
    sheets.push({ name: "incidents", rows: sheets[3]!.rows.map((r) => [...r]) });
    expect(onlyError(sheets)).toBe("duplicate-tab incidents");
    const issue = parse(sheets).issues.find((i) => i.code === "duplicate-tab")!;
    expect(issue.params).toEqual({ tab: "事项记录", first: "事项记录", second: "incidents" });
    expect(formatIssue(issue)).toBe(
      "incidents：有两个工作表都是“事项记录”：“事项记录”和“incidents”，请保留一个（重命名或删除另一个）",
    );
    // Traditional and simplified names of one tab are one tab twice too.
    const twice = workbook();
    twice.push({ name: "考核設置", rows: settingsRows().map((r) => [...r]) });
    expect(onlyError(twice)).toBe("duplicate-tab 考核設置");
  });

  it("reports a missing header on the header row", () => {
    const sheets = workbook();
    sheets[3] = {
      name: "事项记录",
      rows: [
        ["日期", "窗口", "人员", "数量"],
        ["2025-03-05", "公安", "张三", 1],
      ],
    };
    expect(onlyError(sheets)).toBe("missing-header 事项记录!A1");
    const out = parse(sheets);
    expect(out.issues[0]!.params).toMatchObject({ header: "条款" });
  });

  it("requires 镇街指标 in a township workbook", () => {
    expect(onlyError({ settings: settingsRows({ 单位类型: "镇街" }) })).toBe("missing-tab 镇街指标");
  });

  it.each<[string, Record<string, [unknown, unknown]>, string]>([
    ["self above max", { T1: [6, 5] }, "indicator-out-of-range 镇街指标!D2"],
    ["reviewed above max", { T6: [15, 15.5] }, "indicator-out-of-range 镇街指标!E7"],
    ["negative", { T2: [-1, 5] }, "indicator-out-of-range 镇街指标!D3"],
    ["not a number", { T9: ["满分", 10] }, "not-a-number 镇街指标!D10"],
    ["no score at all", { T4: [null, null] }, "missing-value 镇街指标!D5"],
  ])("checklist: %s", (_name, over, expected) => {
    const spec = {
      settings: settingsRows({ 单位类型: "镇街" }),
      indicators: indicatorRows(over as Record<string, [null, null]>),
    };
    expect(onlyError(spec)).toBe(expected);
  });

  it("checklist: unknown, duplicate and missing indicators", () => {
    const rows = indicatorRows();
    rows[9] = ["T11", "", 15, 10, 10, ""];
    const out = parse(
      workbook({ settings: settingsRows({ 单位类型: "镇街" }), indicators: [...rows, rows[0]!] }),
    );
    expect(summary(out.issues.filter((i) => i.severity === "error"))).toEqual([
      "error unknown-indicator 镇街指标!A11",
      "error duplicate-indicator 镇街指标!A12",
    ]);
  });

  it("reports every bad cell of a row, and caps the list", () => {
    const out = parse(workbook({ incidents: [incident({ 日期: "x", 窗口: "民政", 条款: "99", 数量: 0 })] }));
    expect(summary(out.issues)).toEqual([
      "error bad-date 事项记录!A2",
      "error unknown-window 事项记录!B2",
      "error unknown-rule 事项记录!D2",
      "error bad-quantity 事项记录!E2",
    ]);
    const many = parse(
      workbook({ incidents: Array.from({ length: 300 }, () => incident({ 条款: "nope" })) }),
    );
    expect(many.issues).toHaveLength(201);
    expect(many.issues[200]).toMatchObject({ code: "too-many-issues", params: { count: 100, total: 300 } });
  });

  it("still checks codes when the year is bad (the profile resolved)", () => {
    const out = parse(
      workbook({ settings: settingsRows({ 考核年度: "x" }), incidents: [incident({ 条款: "0.0" })] }),
    );
    expect(out.issues.map((i) => i.code)).toEqual(["bad-year", "unknown-rule"]);
  });
});

describe("parseWorkbook: warnings are located and the run goes on", () => {
  it.each<[string, WorkbookSpec, string]>([
    [
      "date outside the year",
      { incidents: [incident({ 日期: "2024-12-31" })] },
      "warning date-outside-year 事项记录!A2",
    ],
    [
      "person under another window",
      { incidents: [incident({ 窗口: "税务" })] },
      "warning staff-window-mismatch 事项记录!C2",
    ],
    ["unverified row", { incidents: [incident({ 核实: "否" })] }, "warning unverified-row 事项记录!I2"],
    ["likely duplicate", { incidents: [incident(), incident()] }, "warning duplicate-incident 事项记录!A3"],
    [
      "person not yet stationed",
      { incidents: [incident({ 日期: "2025-03-05" })], staff: [["张三", "公安", "", "", "2025-04-01", ""]] },
      "warning staff-not-stationed 事项记录!A2",
    ],
    [
      "person already gone",
      {
        incidents: [incident({ 日期: "2025-03-05" })],
        staff: [["张三", "公安", "", "", "", "2025年2月28日"]],
      },
      "warning staff-not-stationed 事项记录!A2",
    ],
    [
      "roster dates reversed",
      { incidents: [], staff: [["张三", "公安", "", "", "2025-04-01", "2025-03-01"]] },
      "warning staff-dates-reversed 人员名册!F2",
    ],
  ])("%s", (_name, spec, expected) => {
    const out = parse(workbook(spec));
    expect(out.input).toBeDefined();
    expect(summary(out.issues)).toEqual([expected]);
  });
});
