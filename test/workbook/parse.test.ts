import { normalizePeriod } from "../../src/workbook/parse/extras";
import type { RawSheet } from "../../src/core";
import { incident, indicatorRows, settingsRows, workbook } from "./factory";
import { parse, summary } from "./parseHelpers";

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
