import { runAssessment } from "../../src/pipeline";
import type { RunOutcome } from "../../src/pipeline/types";
import type { SheetModel } from "../../src/workbook/types";
import { incident, indicatorRows, settingsRows, workbook } from "../workbook/factory";

const tab = (o: RunOutcome, name: string): SheetModel => {
  const s = o.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no tab ${name} in ${o.sheets.map((x) => x.name).join(", ")}`);
  return s;
};
/** Rows of a tab as objects keyed by header. */
const records = (s: SheetModel) =>
  s.rows.map((r) => Object.fromEntries(s.columns.map((c, i) => [c.header, r[i]])) as Record<string, unknown>);
const find = (o: RunOutcome, name: string, match: Record<string, unknown>) =>
  records(tab(o, name)).filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));

describe("runAssessment (real engine)", () => {
  const outcome = runAssessment(
    workbook({
      incidents: [
        incident({ 日期: "2025-03-05", 人员: "张三", 条款: "14.7" }),
        incident({ 日期: new Date(Date.UTC(2025, 5, 2)), 人员: "李四", 条款: "14.4a", 数量: 2 }),
        incident({ 日期: "2025-07-01", 窗口: "税务", 人员: "王五", 条款: "19.1", 核实: "否" }),
      ],
    }),
  );

  it("scores a good workbook and renders the output tabs", () => {
    expect(outcome.ok).toBe(true);
    expect(outcome.sheets.map((s) => s.name)).toEqual([
      "窗口考核结果",
      "人员考核结果",
      "考核明细",
      "考核_生成记录",
    ]);
    // 3 windows × (12 months + 4 quarters + the year)
    expect(tab(outcome, "窗口考核结果").rows).toHaveLength(51);
    expect(tab(outcome, "人员考核结果").rows).toHaveLength(68);
  });

  it("gives hand-computed scores: window 14.7 −0.2 and 14.4a 2×−0.5; staff 14.4a year-only; 19.9 / 25.6a", () => {
    expect(find(outcome, "窗口考核结果", { 期间: "2025-03", 窗口: "公安" })[0]).toMatchObject({
      扣分: -0.2,
      得分: 99.8,
    });
    expect(find(outcome, "窗口考核结果", { 期间: "2025-Q2", 窗口: "公安" })[0]).toMatchObject({
      扣分: -1,
      得分: 99,
    });
    expect(find(outcome, "窗口考核结果", { 期间: "2025", 窗口: "公安" })[0]).toMatchObject({
      扣分: -1.2,
      加分: 8,
      得分: 106.8,
    });
    // Four quarterly 优秀 (top 3 of 3 windows, all ≥ 95): 19.9 gives the window +2 each in the year.
    expect(
      find(outcome, "窗口考核结果", { 窗口: "公安" })
        .filter((r) => String(r["期间"]).includes("Q"))
        .map((r) => r["等次"]),
    ).toEqual(["优秀", "优秀", "优秀", "优秀"]);
    expect(find(outcome, "人员考核结果", { 期间: "2025-06", 姓名: "李四" })[0]).toMatchObject({
      勤: 0,
      得分: 100,
    });
    expect(find(outcome, "人员考核结果", { 期间: "2025", 姓名: "李四" })[0]).toMatchObject({
      勤: -0.4,
      加分: 8,
      得分: 107.6,
    });
    // 25.6a: +2 per quarterly 优秀 of the person's window; the staff quota ⌊20% × 4⌋ = 0 gives no 25.6b.
    expect(find(outcome, "人员考核结果", { 期间: "2025", 姓名: "张三" })[0]).toMatchObject({
      德: -0.2,
      加分: 8,
      得分: 107.8,
    });
  });

  it("traces 考核明细 to the source cell and skips the unverified row", () => {
    const lines = find(outcome, "考核明细", { 期间: "2025-03", 条款: "14.7" });
    expect(lines.map((l) => [l["对象类型"], l["对象"], l["分值"], l["来源"]])).toEqual(
      expect.arrayContaining([
        ["窗口", "公安", -0.2, "事项记录!A2"],
        ["人员", "张三", -0.2, "事项记录!A2"],
      ]),
    );
    expect(find(outcome, "考核明细", { 条款: "19.1" })).toEqual([]);
  });

  it("reports the unverified row once (parser and engine both see it), on that row", () => {
    const unverified = outcome.issues.filter((i) => i.code === "unverified-row");
    expect(unverified).toEqual([
      {
        severity: "warning",
        code: "unverified-row",
        sheet: "事项记录",
        row: 4,
        column: 9,
        params: { code: "19.1" },
      },
    ]);
  });

  it("fails without sheets or flags on any error", () => {
    const bad = runAssessment(workbook({ incidents: [incident({ 条款: "14.99" })] }));
    expect(bad).toMatchObject({ ok: false, sheets: [], flags: [] });
    expect(bad.result).toBeUndefined();
    expect(bad.issues.map((i) => i.code)).toEqual(["unknown-rule"]);
  });

  it("restricts the outputs to one period, normalised", () => {
    const q1 = runAssessment(workbook(), { period: "2025-q1" });
    expect(q1.period).toBe("2025-Q1");
    for (const s of q1.sheets.filter((t) => !t.hidden))
      expect(new Set(s.rows.map((r) => r[0]))).toEqual(new Set(["2025-Q1"]));
    expect(runAssessment(workbook(), { period: "2025-13" }).issues).toEqual([
      { severity: "error", code: "bad-period", params: { value: "2025-13" } },
    ]);
    expect(runAssessment(workbook(), { period: "2024-03" })).toMatchObject({
      ok: false,
      sheets: [],
      issues: [{ code: "period-not-in-year", params: { period: "2024-03", year: 2025 } }],
    });
  });

  it("shows a derived condition with the rows that caused it: 20B.1", () => {
    const o = runAssessment(
      workbook({
        incidents: [
          incident({ 日期: "2025-04-01", 人员: "张三", 条款: "18.8a" }),
          incident({ 日期: "2025-04-10", 人员: "李四", 条款: "18.5a" }),
        ],
      }),
    );
    expect(o.ok).toBe(true);
    const april = find(o, "窗口考核结果", { 期间: "2025-04", 窗口: "公安" })[0]!;
    expect(april["等次"]).toBe("不合格");
    expect(String(april["原因"])).toMatch(/^20B\.1 .*\(事项记录!A2, A3\)/);
    expect(o.flags.map((f) => [f.sheet, f.row])).toEqual(
      expect.arrayContaining([
        ["事项记录", 2],
        ["事项记录", 3],
      ]),
    );
  });

  it("derives overdue cases from 办件台账 and adds 办件统计", () => {
    const o = runAssessment(
      workbook({
        incidents: [],
        cases: [
          ["办件编号", "窗口", "承办人", "办件类型", "受理日期", "承诺时限", "办结日期", "满意度"],
          ["BJ-1", "公安", "张三", "承诺件", "2025-03-03", 3, "2025-03-12", "满意"],
          ["BJ-2", "公安", "李四", "即办件", "2025-03-04", 0, "2025-03-04", "满意"],
        ],
      }),
    );
    expect(o.ok).toBe(true);
    // Deadline: 3 working days after Mon 3 March = Thu 6 March; done Wed 12 March = 4 working days late.
    const derived = find(o, "考核明细", { 期间: "2025-03", 条款: "15.7", 对象类型: "窗口" });
    expect(derived.map((l) => [l["对象"], l["分值"], l["来源"]])).toEqual([["公安", -10, "办件台账!A2"]]);
    const stats = find(o, "办件统计", { 期间: "2025-03", 窗口: "公安" })[0]!;
    expect(stats).toMatchObject({ 收件: 2, 办结: 2, 即办件: 1, 超期件: 1 });
  });

  it("counts an open case as overdue only up to the day of the run (asOf)", () => {
    const cases = [
      ["办件编号", "窗口", "承办人", "办件类型", "受理日期", "承诺时限", "办结日期", "满意度"],
      // Deadline: 5 working days after Mon 3 March = Mon 10 March; still open.
      ["BJ-9", "公安", "张三", "承诺件", "2025-03-03", 5, "", ""],
    ];
    const overdue = (asOf?: string): number =>
      find(runAssessment(workbook({ incidents: [], cases }), asOf ? { asOf } : {}), "考核明细", {
        期间: "2025",
        条款: "15.7",
        对象类型: "窗口",
      }).length;
    expect(overdue("2025-03-07")).toBe(0);
    expect(overdue("2025-03-10")).toBe(0);
    expect(overdue("2025-03-11")).toBe(1);
    expect(overdue()).toBe(1);
  });

  it("stops on a bad 办件台账 row, located, with nothing rendered", () => {
    const o = runAssessment(
      workbook({
        cases: [
          ["办件编号", "窗口", "承办人", "办件类型", "受理日期", "承诺时限", "办结日期", "满意度"],
          ["BJ-1", "公安", "张三", "急件", "2025-03-03", 3, "2025-03-12", "满意"],
        ],
      }),
    );
    expect(o).toMatchObject({ ok: false, sheets: [] });
    expect(o.issues.map((i) => [i.code, i.sheet, i.row, i.column])).toEqual([
      ["bad-case-type", "办件台账", 2, 4],
    ]);
  });

  it("scores a township workbook and writes 镇街考核结果", () => {
    const o = runAssessment(
      workbook({
        settings: settingsRows({ 单位类型: "镇街", 单位名称: "那坡镇" }),
        incidents: [],
        indicators: indicatorRows({ T3: [9.5, null] }),
      }),
    );
    expect(o.ok).toBe(true);
    const row = records(tab(o, "镇街考核结果"))[0]!;
    expect(row).toMatchObject({ 单位: "那坡镇", T1: 4.5, T3: 9.5, T6: 14.5 });
    // Σ reviewed (max − 0.5 each) except T3 (self 9.5): 100 − 9×0.5 − 0.5 = 95.0
    expect(row["总分"]).toBe(95);
    expect(String(row["备注"])).toContain("T3");
    expect(o.issues.map((i) => i.code)).toContain("not-reviewed");
  });

  it("lets the caller choose the profile", () => {
    const o = runAssessment(workbook(), { profile: "tongshan" });
    expect(o.result?.profile).toBe("tongshan");
    expect(runAssessment(workbook(), { profile: "nope" }).issues.map((i) => i.code)).toEqual([
      "unknown-profile",
    ]);
  });

  it("caps the issues once over parser and engine, errors first", () => {
    const errors = runAssessment(
      workbook({ incidents: Array.from({ length: 300 }, () => incident({ 条款: "nope" })) }),
    );
    expect(errors.issues).toHaveLength(201);
    expect(errors.issues.filter((i) => i.code === "too-many-issues")).toEqual([
      { severity: "error", code: "too-many-issues", params: { count: 100, total: 300 } },
    ]);
    const days = Array.from(
      { length: 250 },
      (_, i) => `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    );
    const warnings = runAssessment(
      workbook({ incidents: days.map((d, i) => incident({ 日期: d, 核实: "否", 数量: i + 1 })) }),
    );
    expect(warnings.ok).toBe(true);
    expect(warnings.issues).toHaveLength(201);
    expect(warnings.issues.filter((i) => i.code === "too-many-issues")).toHaveLength(1);
  });
});
