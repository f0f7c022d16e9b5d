import type { CaseStats } from "../../src/engine/types";
import { CASE_STATS_TAB, renderCaseStats } from "../../src/workbook/renderCaseStats";

const row = (period: string, window: string, extra: Partial<CaseStats> = {}): CaseStats => ({
  period,
  window,
  received: 0,
  completed: 0,
  instant: 0,
  overdue: 0,
  ...extra,
});

describe("renderCaseStats", () => {
  const stats = [
    row("2025-03", "公安", {
      received: 12,
      completed: 10,
      instant: 4,
      instantRate: 0.4,
      onTimeRate: 5 / 6,
      earlyRate: 0.5,
      overdue: 1,
      satisfactionRate: 1,
    }),
    row("2025-03", "税务"),
    row("2025", "公安", { received: 40 }),
  ];

  it("has exactly the contract's columns, rates as percent", () => {
    const sheet = renderCaseStats(stats);
    expect(sheet.name).toBe(CASE_STATS_TAB);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      "期间",
      "窗口",
      "收件",
      "办结",
      "即办件",
      "即办件率",
      "按期办结率",
      "提前办结率",
      "超期件",
      "满意率",
    ]);
    expect(sheet.columns.map((c) => c.format)).toEqual([
      "text",
      "text",
      "integer",
      "integer",
      "integer",
      "percent",
      "percent",
      "percent",
      "integer",
      "percent",
    ]);
    expect(sheet.freezeRows).toBe(1);
    expect(sheet.rows[0]).toEqual(["2025-03", "公安", 12, 10, 4, 0.4, 5 / 6, 0.5, 1, 1]);
  });

  it("leaves undefined rates blank and filters by period", () => {
    expect(renderCaseStats(stats).rows[1]).toEqual(["2025-03", "税务", 0, 0, 0, null, null, null, 0, null]);
    expect(renderCaseStats(stats, "2025").rows).toEqual([
      ["2025", "公安", 40, 0, 0, null, null, null, 0, null],
    ]);
    expect(renderCaseStats(stats, "2025-Q1").rows).toEqual([]);
  });
});
