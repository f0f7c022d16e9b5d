import fc from "fast-check";
import { builtinProfiles } from "../../src/pipeline/profiles";
import { runAssessment } from "../../src/pipeline";
import { parseWorkbook } from "../../src/workbook/parseWorkbook";
import type { CellValue, RawSheet } from "../../src/core";
import { incident, indicatorRows, settingsRows, workbook } from "./factory";

const TAB_NAMES = [
  "考核设置",
  "窗口名册",
  "人员名册",
  "事项记录",
  "镇街指标",
  "办件台账",
  "工作日历",
  "人工裁定",
  "Sheet1",
  "事項記錄",
];
const WORDS = [
  "项目",
  "值",
  "窗口",
  "派驻单位",
  "姓名",
  "职务",
  "日期",
  "人员",
  "条款",
  "数量",
  "天数",
  "分值",
  "核实",
  "序号",
  "自评分",
  "复核分",
  "办件编号",
  "办件类型",
  "受理日期",
  "承诺时限",
  "办结日期",
  "满意度",
  "类型",
  "对象",
  "期间",
  "单位名称",
  "单位类型",
  "考核年度",
  "规则版本",
  "县中心",
  "镇街",
  "tianyang-2008",
  "tongshan",
  "公安",
  "税务",
  "张三",
  "李四",
  "首席代表",
  "14.7",
  "14.4a",
  "15.7",
  "25.1",
  "20B.2",
  "T1",
  "T6",
  "是",
  "否",
  "2025-03-05",
  "2025-02-30",
  "2025年1月26日",
  "即办件",
  "承诺件",
  "满意",
  "节假日",
  "工作日",
  "2025-Q1",
  "等次",
  "优秀",
  "=SUM(1)",
  "",
  " ",
  "\u3000",
  "１２",
  "-1",
  "NaN",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 50000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(Date.UTC(1899, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)) }),
  fc.constant(new Date(NaN)),
);

const randomSheets: fc.Arbitrary<RawSheet[]> = fc.array(
  fc.record({
    name: fc.constantFrom(...TAB_NAMES),
    rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 12 }),
  }),
  { maxLength: 9 },
);

/** A valid workbook with random cells overwritten: reaches the deep parser and engine paths. */
const mutatedWorkbook: fc.Arbitrary<RawSheet[]> = fc
  .record({
    township: fc.boolean(),
    incidents: fc.array(
      fc.record({
        日期: fc.oneof(
          {
            weight: 20,
            arbitrary: fc.date({
              min: new Date(Date.UTC(2025, 0, 1)),
              max: new Date(Date.UTC(2025, 11, 31)),
            }),
          },
          { weight: 1, arbitrary: cell },
        ),
        条款: fc.constantFrom(
          "14.7",
          "18.5a",
          "18.8a",
          "14.4d",
          "21.5",
          "15.7",
          "20A.1",
          "20B.2",
          "23.9",
          "24.1",
          "19.1",
        ),
        数量: fc.oneof(
          { weight: 20, arbitrary: fc.integer({ min: 1, max: 9 }) },
          { weight: 1, arbitrary: cell },
        ),
        人员: fc.constantFrom("张三", "李四", "王五", null),
        核实: fc.constantFrom("是", "否", null),
        办件编号: fc.constantFrom(null, "A1", "A2"),
      }),
      { maxLength: 25 },
    ),
    edits: fc.oneof(
      fc.constant([]),
      fc.array(fc.record({ sheet: fc.nat(8), row: fc.nat(30), col: fc.nat(10), value: cell }), {
        maxLength: 4,
      }),
    ),
  })
  .map(({ township, incidents, edits }) => {
    const sheets = workbook({
      settings: settingsRows(township ? { 单位类型: "镇街" } : {}),
      incidents: incidents.map((i) => incident({ ...i, 窗口: i.人员 === "王五" ? "税务" : "公安" })),
      ...(township ? { indicators: indicatorRows() } : {}),
      cases: [
        ["办件编号", "窗口", "承办人", "办件类型", "受理日期", "承诺时限", "办结日期", "满意度"],
        ["A1", "公安", "张三", "承诺件", "2025-01-20", 3, "2025-02-10", "满意"],
        ["A3", "税务", "王五", "即办件", "2025-03-03", 0, "", ""],
      ],
      overrides: [["公安", "2025-Q1", "等次", "优秀", "复核", "主任"]],
    });
    for (const e of edits) {
      const sheet = sheets[e.sheet % sheets.length]!;
      while (sheet.rows.length <= e.row) sheet.rows.push([]);
      sheet.rows[e.row]![e.col] = e.value;
    }
    return sheets;
  });

describe("bad input never throws", () => {
  it("parseWorkbook on random sheets", () => {
    fc.assert(
      fc.property(randomSheets, (sheets) => {
        const out = parseWorkbook(sheets, builtinProfiles);
        expect(out.input === undefined).toBe(out.issues.some((i) => i.severity === "error"));
      }),
      { numRuns: 400 },
    );
  });

  it("runAssessment on random sheets and any --period", () => {
    fc.assert(
      fc.property(
        randomSheets,
        fc.constantFrom(undefined, "2025-Q1", "2025-13", "2025"),
        (sheets, period) => {
          const out = runAssessment(sheets, period ? { period } : {});
          expect(out.ok).toBe(!out.issues.some((i) => i.severity === "error"));
          if (!out.ok) expect(out.sheets).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("runAssessment on mutated workbooks reaches the engine and renders", () => {
    let okRuns = 0;
    fc.assert(
      fc.property(
        mutatedWorkbook,
        fc.constantFrom(undefined, "2025-02", "2025-Q1", "2025"),
        (sheets, period) => {
          const out = runAssessment(sheets, period ? { period } : {});
          expect(out.ok).toBe(!out.issues.some((i) => i.severity === "error"));
          if (!out.ok) expect(out.sheets).toEqual([]);
          else {
            okRuns++;
            expect(out.sheets.map((s) => s.name)).toContain("窗口考核结果");
            for (const s of out.sheets) for (const row of s.rows) expect(row).toHaveLength(s.columns.length);
          }
          for (const i of out.issues) if (i.row !== undefined) expect(i.sheet).toBeDefined();
        },
      ),
      { numRuns: 200 },
    );
    // The generator must reach the engine often, not only the parser's error paths.
    expect(okRuns).toBeGreaterThan(50); // about 110 of 200 on average
  });
});
