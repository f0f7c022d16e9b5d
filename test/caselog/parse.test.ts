import type { CellValue, RawSheet } from "../../src/core";
import { parseCaseLog } from "../../src/workbook/parse/caseLogTab";

const HEADER = [
  "办件编号",
  "窗口",
  "承办人",
  "事项名称",
  "办件类型",
  "受理日期",
  "承诺时限",
  "办结日期",
  "满意度",
];
const sheet = (rows: CellValue[][], header: CellValue[] = HEADER, name = "办件台账"): RawSheet => ({
  name,
  rows: [header, ...rows],
});
const ctx = { windows: ["公安", "税务"], staff: ["张三", "李四"] };

describe("parseCaseLog", () => {
  it("an absent tab is no cases and no issues", () => {
    expect(parseCaseLog(undefined)).toEqual({ cases: [], issues: [] });
  });

  it("reads dates as Date cells, serials and every text form", () => {
    const { cases, issues } = parseCaseLog(
      sheet([
        ["B1", "公安", "张三", "身份证", "即办件", new Date(Date.UTC(2025, 2, 5)), null, 45721, "满意"],
        ["B2", "公安", "", "", "承诺件", "2025/3/5", 5, "2025.3.12", "基本满意"],
        ["B3", "税务", "李四", "", "承诺件", "2025年3月5日", "３", "２０２５-03-07", ""],
        ["B4", "税务", "", "", "即办件", " 2025-03-05 ", 0, "", "不满意"],
      ]),
      ctx,
    );
    expect(issues).toEqual([]);
    expect(cases).toEqual([
      {
        caseId: "B1",
        window: "公安",
        handler: "张三",
        matter: "身份证",
        type: "即办件",
        received: "2025-03-05",
        promisedDays: 0,
        completed: "2025-03-05",
        satisfaction: "满意",
        source: { sheet: "办件台账", row: 2 },
      },
      {
        caseId: "B2",
        window: "公安",
        type: "承诺件",
        received: "2025-03-05",
        promisedDays: 5,
        completed: "2025-03-12",
        satisfaction: "基本满意",
        source: { sheet: "办件台账", row: 3 },
      },
      {
        caseId: "B3",
        window: "税务",
        handler: "李四",
        type: "承诺件",
        received: "2025-03-05",
        promisedDays: 3,
        completed: "2025-03-07",
        source: { sheet: "办件台账", row: 4 },
      },
      {
        caseId: "B4",
        window: "税务",
        type: "即办件",
        received: "2025-03-05",
        promisedDays: 0,
        satisfaction: "不满意",
        source: { sheet: "办件台账", row: 5 },
      },
    ]);
  });

  it("finds Traditional and English headers (full-width, spaced, any order) below a title row", () => {
    const trad = ["滿意度", "辦結日期", " 承諾時限 ", "受理日期", "辦件類型", "承辦人", "窗口", "辦件編號"];
    const { cases, issues } = parseCaseLog(
      {
        name: "辦件台賬",
        rows: [
          ["某县办件台账"],
          trad,
          ["滿意", "2025-03-06", 1, "2025-03-05", "承諾件", "張三", "公安", "T1"],
        ],
      },
      { windows: ["公安"] },
    );
    expect(issues).toEqual([]);
    expect(cases[0]).toMatchObject({
      caseId: "T1",
      type: "承诺件",
      promisedDays: 1,
      completed: "2025-03-06",
    });
    expect(cases[0].source).toEqual({ sheet: "辦件台賬", row: 3 });
    const en = ["Case", "WINDOW", "Type", "Received", "Promised Days", "ｃｏｍｐｌｅｔｅｄ"];
    const parsed = parseCaseLog(sheet([["E1", "公安", "instant", "2025-03-05", "", "2025-03-05"]], en));
    expect(parsed.issues).toEqual([]);
    expect(parsed.cases[0]).toMatchObject({ caseId: "E1", type: "即办件", completed: "2025-03-05" });
  });

  it("locates every bad cell (sheet, row, column) and keeps only good rows", () => {
    const { cases, issues } = parseCaseLog(
      sheet([
        ["", "公安", "", "", "即办件", "2025-03-05", "", "", ""], // 2: no case id
        ["X3", "民政", "", "", "即办件", "2025-03-05", "", "", ""], // 3: unknown window
        ["X4", "公安", "", "", "加急件", "2025-03-05", "", "", ""], // 4: bad type
        ["X5", "公安", "", "", "承诺件", "2025-02-30", 3, "", ""], // 5: impossible date
        ["X6", "公安", "", "", "承诺件", "next week", 3, "", ""], // 6: not a date
        ["X7", "公安", "", "", "承诺件", "2025-03-05", 3, "2025-03-04", ""], // 7: completed before received
        ["X8", "公安", "", "", "承诺件", "2025-03-05", -1, "", ""], // 8: negative promise
        ["X9", "公安", "", "", "承诺件", "2025-03-05", 2.5, "", ""], // 9: fractional promise
        ["X10", "公安", "", "", "承诺件", "2025-03-05", "", "", ""], // 10: 承诺件 without a promise
        ["X11", "公安", "", "", "即办件", "2025-03-05", "", "", "很好"], // 11: bad satisfaction
        ["X12", "公安", "", "", "即办件", "", "", "", ""], // 12: no received date
        ["OK", "公安", "", "", "即办件", "2025-03-05", "", "", ""], // 13: fine
      ]),
      ctx,
    );
    expect(cases.map((c) => c.caseId)).toEqual(["OK"]);
    expect(issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [2, 1, "missing-value", "error"],
      [3, 2, "unknown-window", "error"],
      [4, 5, "bad-case-type", "error"],
      [5, 6, "impossible-date", "error"],
      [6, 6, "bad-date", "error"],
      [7, 8, "completed-before-received", "error"],
      [8, 7, "bad-promised-days", "error"],
      [9, 7, "bad-promised-days", "error"],
      [10, 7, "missing-value", "error"],
      [11, 9, "bad-satisfaction", "error"],
      [12, 6, "missing-value", "error"],
    ]);
    expect(issues.every((i) => i.sheet === "办件台账")).toBe(true);
    expect(issues[3].params).toEqual({ header: "受理日期", value: "2025-02-30" });
  });

  it("warns (and goes on) on duplicate case ids, unknown handlers and a 即办件 with promised days", () => {
    const { cases, issues } = parseCaseLog(
      sheet([
        ["D1", "公安", "王五", "", "即办件", "2025-03-05", 2, "", ""],
        ["D1", "公安", "", "", "即办件", "2025-03-06", "", "", ""],
      ]),
      ctx,
    );
    expect(cases).toHaveLength(1);
    expect(cases[0].handler).toBeUndefined();
    expect(cases[0].promisedDays).toBe(0);
    expect(issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [2, 7, "instant-case-promised-days", "warning"],
      [2, 3, "unknown-handler", "warning"],
      [3, 1, "duplicate-case", "warning"],
    ]);
    expect(issues[2].params).toMatchObject({ value: "D1", firstRow: 2 });
  });

  it("reports missing headers on the header row and parses nothing", () => {
    const { cases, issues } = parseCaseLog(sheet([["A", "公安"]], ["办件编号", "窗口"]));
    expect(cases).toEqual([]);
    expect(issues.map((i) => [i.code, i.row, i.params?.header])).toEqual([
      ["missing-header", 1, "办件类型"],
      ["missing-header", 1, "受理日期"],
    ]);
  });

  it("skips blank rows and caps a flood of errors with one count", () => {
    const rows: CellValue[][] = [[null, "", "  "]];
    for (let i = 0; i < 500; i++) rows.push([`F${i}`, "公安", "", "", "bad", "2025-03-05", "", "", ""]);
    const { cases, issues } = parseCaseLog(sheet(rows), { cap: 50 });
    expect(cases).toEqual([]);
    expect(issues).toHaveLength(51);
    expect(issues[0].row).toBe(3);
    expect(issues[50]).toMatchObject({
      severity: "error",
      code: "too-many-issues",
      params: { count: 450, total: 500 },
    });
  });
});
