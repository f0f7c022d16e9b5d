import type { Issue } from "../../src/engine/types";
import { builtinProfiles } from "../../src/pipeline/profiles";
import { parseWorkbook } from "../../src/workbook/parseWorkbook";
import { normalizePeriod } from "../../src/workbook/parse/extras";
import { cellAddress } from "../../src/workbook/cells";
import { en } from "../../src/workbook/messages/en";
import type { RawSheet } from "../../src/workbook/types";
import {
  incident,
  indicatorRows,
  settingsRows,
  STAFF,
  workbook,
  WINDOWS,
  type WorkbookSpec,
} from "./factory";

const seenCodes = new Set<string>();
const parse = (sheets: RawSheet[]) => {
  const out = parseWorkbook(sheets, builtinProfiles);
  out.issues.forEach((i) => seenCodes.add(i.code));
  return out;
};

afterAll(() => {
  // Every issue the parser raised in this file has words in every locale.
  for (const code of seenCodes) expect(Object.keys(en)).toContain(code);
  expect(seenCodes.size).toBeGreaterThanOrEqual(30);
});
const where = (i: Issue) => (i.sheet ? cellAddress(i.sheet, i.row, i.column) : "");
const summary = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${where(i)}`);

/** The one error of a workbook, as `code sheet!cell`. */
function onlyError(spec: WorkbookSpec | RawSheet[]) {
  const out = parse(Array.isArray(spec) ? spec : workbook(spec));
  expect(out.input).toBeUndefined();
  const errors = out.issues.filter((i) => i.severity === "error");
  expect(errors).toHaveLength(1);
  return `${errors[0]!.code} ${where(errors[0]!)}`;
}

describe("parseWorkbook: a good workbook", () => {
  it("reads settings, rosters and incidents into typed input", () => {
    const out = parse(
      workbook({
        incidents: [
          incident(),
          incident({ 日期: new Date(Date.UTC(2025, 5, 2)), 条款: "14.4A", 数量: "２", 人员: "李四" }),
          incident({ 日期: 45721, 条款: "25.1", 分值: 3.5, 办件编号: "BJ-1", 备注: "=SUM(1)" }),
          incident({ 条款: "15.7 超时办结", 天数: 4, 核实: "" }),
        ],
      }),
    );
    expect(out.issues).toEqual([]);
    const input = out.input!;
    expect(input.settings).toEqual({
      unitName: "田阳县政务服务中心",
      unitType: "县中心",
      year: 2025,
      profile: "tianyang-2008",
    });
    expect(input.windows.map((w) => [w.name, w.department, w.source.row])).toEqual([
      ["公安", "县公安局", 2],
      ["税务", "县税务局", 3],
      ["人社", "县人社局", 4],
    ]);
    expect(input.staff[0]).toMatchObject({
      name: "张三",
      window: "公安",
      role: "首席代表",
      post: "A",
      start: "2024-01-02",
    });
    expect(input.incidents).toEqual([
      {
        date: "2025-03-05",
        window: "公安",
        staff: "张三",
        code: "14.7",
        quantity: 1,
        verified: true,
        source: { sheet: "事项记录", row: 2 },
      },
      {
        date: "2025-06-02",
        window: "公安",
        staff: "李四",
        code: "14.4a",
        quantity: 2,
        verified: true,
        source: { sheet: "事项记录", row: 3 },
      },
      {
        date: "2025-03-05",
        window: "公安",
        staff: "张三",
        code: "25.1",
        quantity: 1,
        points: 35,
        caseId: "BJ-1",
        note: "=SUM(1)",
        verified: true,
        source: { sheet: "事项记录", row: 4 },
      },
      {
        date: "2025-03-05",
        window: "公安",
        staff: "张三",
        code: "15.7",
        quantity: 1,
        days: 4,
        verified: true,
        source: { sheet: "事项记录", row: 5 },
      },
    ]);
    expect(input.indicators).toEqual([]);
    expect(input.cases).toEqual([]);
  });

  it("accepts Traditional and English headers, tab names and free column order, and skips blank rows", () => {
    const sheets: RawSheet[] = [
      {
        name: "考核設置",
        rows: [
          ["項目", "值"],
          ["單位名稱", "甲"],
          ["單位類型", "縣中心"],
          ["考核年度", "２０２５"],
        ],
      },
      {
        name: "窗口名冊",
        rows: [
          ["派駐單位", "窗口"],
          ["县公安局", "公安"],
        ],
      },
      {
        name: "staff",
        rows: [
          ["Name", "WINDOW", "role"],
          [null, null, null],
          ["张三", "公安", "負責人"],
        ],
      },
      {
        name: "事項記錄",
        rows: [
          ["條款", "日期", "窗口", "人員", "數量", "核實"],
          ["", "", "", "", "", ""],
          ["14.4ａ", "2025年3月5日", "公安", "张三", 1, "否"],
        ],
      },
    ];
    const out = parse(sheets);
    expect(summary(out.issues)).toEqual(["warning unverified-row 事項記錄!F3"]);
    expect(out.input!.settings.unitType).toBe("县中心");
    expect(out.input!.staff[0]!.role).toBe("负责人");
    expect(out.input!.incidents[0]).toMatchObject({ code: "14.4a", verified: false, source: { row: 3 } });
  });

  it("reads English setting items and the county, in any order", () => {
    const out = parse(
      workbook({
        settings: [
          ["Year", "２０２５"],
          ["County", "田阳县"],
          ["unit type", "township"],
          ["Unit name", "那坡镇"],
        ],
        indicators: indicatorRows(),
      }),
    );
    expect(out.issues).toEqual([]);
    expect(out.input!.settings).toEqual({
      unitName: "那坡镇",
      unitType: "镇街",
      year: 2025,
      profile: "tianyang-2008",
      county: "田阳县",
    });
  });

  it.each([
    ["2025", "2025"],
    ["2025-3", "2025-03"],
    ["2025年3月", "2025-03"],
    ["2025-q2", "2025-Q2"],
    ["2025年第4季度", "2025-Q4"],
    ["2025年", "2025"],
    ["２０２５－Ｑ１", "2025-Q1"],
  ])("normalises the period %s to %s", (text, period) => expect(normalizePeriod(text)).toBe(period));

  it.each(["2025-13", "2025-Q5", "25", "Q1", ""])("rejects the period %s", (text) =>
    expect(normalizePeriod(text)).toBeUndefined(),
  );

  it("reads a settings tab typed without its 项目/值 header", () => {
    const sheets = workbook();
    sheets[0] = { name: "考核设置", rows: settingsRows() };
    expect(parse(sheets).input!.settings.year).toBe(2025);
    sheets[0] = { name: "考核设置", rows: settingsRows({ 单位名称: undefined }) };
    expect(parse(sheets).issues).toEqual([
      { severity: "error", code: "missing-setting", sheet: "考核设置", params: { item: "单位名称" } },
    ]);
    sheets[0] = { name: "考核设置", rows: [["名称", "田阳"]] };
    expect(parse(sheets).issues.map((i) => i.code)).toEqual(["missing-header", "missing-header"]);
  });

  it("finds a header row below a title", () => {
    const sheets = workbook();
    sheets[3] = { name: "事项记录", rows: [["2025年事项记录"], ...sheets[3]!.rows] };
    expect(parse(sheets).input!.incidents[0]!.source.row).toBe(3);
  });

  it("reads a township workbook's ten indicators; blank 复核分 warns 未复核", () => {
    const out = parse(
      workbook({
        settings: settingsRows({ 单位类型: "镇街", 单位名称: "那坡镇" }),
        indicators: indicatorRows({ T3: [9.5, null], T6: ["１２．５", 13] }),
      }),
    );
    expect(summary(out.issues)).toEqual(["warning not-reviewed 镇街指标!E4"]);
    const t = out.input!.indicators;
    expect(t).toHaveLength(10);
    expect(t[0]).toMatchObject({ id: "T1", name: "领导重视", max: 50, self: 50, reviewed: 45 });
    expect(t[2]).toMatchObject({ id: "T3", self: 95 });
    expect(t[2]!.reviewed).toBeUndefined();
    expect(t[5]).toMatchObject({ id: "T6", self: 125, reviewed: 130 });
  });

  it("reads 工作日历 and 人工裁定", () => {
    const out = parse(
      workbook({
        calendar: [
          ["2025-01-26", "工作日"],
          ["2025/10/09", "節假日"],
        ],
        overrides: [["公安", "2025-q1", "等次", "优秀", "复核", "主任"]],
      }),
    );
    expect(out.issues).toEqual([]);
    expect(out.input!.calendar.map((c) => [c.date, c.type])).toEqual([
      ["2025-01-26", "workday"],
      ["2025-10-09", "holiday"],
    ]);
    expect(out.input!.overrides[0]).toMatchObject({
      entity: "公安",
      period: "2025-Q1",
      field: "等次",
      value: "优秀",
    });
  });
});

describe("parseWorkbook: every error is located", () => {
  it.each<[string, WorkbookSpec | RawSheet[], string]>([
    ["empty workbook", [], "empty-workbook "],
    ["workbook of blank sheets", [{ name: "Sheet1", rows: [[null, ""]] }], "empty-workbook "],
    ["missing settings tab", { omit: ["考核设置"] }, "missing-tab 考核设置"],
    ["missing incidents tab", { omit: ["事项记录"] }, "missing-tab 事项记录"],
    ["missing unit name", { settings: settingsRows({ 单位名称: undefined }) }, "missing-setting 考核设置!1"],
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

  it("reports a missing header on the header row", () => {
    const sheets = workbook();
    sheets[3] = {
      name: "事项记录",
      rows: [
        ["日期", "窗口", "人员", "数量"],
        ["2025-03-05", "公安", "张三", 1],
      ],
    };
    expect(onlyError(sheets)).toBe("missing-header 事项记录!1");
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
    ["likely duplicate", { incidents: [incident(), incident()] }, "warning duplicate-incident 事项记录!3"],
  ])("%s", (_name, spec, expected) => {
    const out = parse(workbook(spec));
    expect(out.input).toBeDefined();
    expect(summary(out.issues)).toEqual([expected]);
  });
});
