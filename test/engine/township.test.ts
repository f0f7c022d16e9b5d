import type { IndicatorRow } from "../../src/engine/types";
import { rankTownships } from "../../src/engine";
import { townshipNoteText } from "../../src/workbook/messages/reasons";
import { incident, input, profile, run } from "./factory";

const MAX = [50, 100, 100, 100, 100, 150, 100, 50, 100, 150];

function checklist(self: number[], reviewed: (number | undefined)[]): IndicatorRow[] {
  return MAX.map((max, i) => {
    const row: IndicatorRow = {
      id: `T${i + 1}`,
      name: profile().indicators[i].name,
      max,
      self: self[i],
      source: { sheet: "镇街指标", row: i + 2 },
    };
    if (reviewed[i] !== undefined) row.reviewed = reviewed[i];
    return row;
  });
}

const township = { settings: { ...input().settings, unitName: "那坡镇", unitType: "镇街" as const } };

describe("township checklist (§2)", () => {
  it("counts reviewed scores, else self with 未复核; total and grade", () => {
    const self = [50, 100, 100, 100, 100, 150, 100, 50, 100, 150];
    const reviewed = [45, 95, 100, 100, 90, 130, 100, undefined, 80, 140];
    const r = run({ ...township, indicators: checklist(self, reviewed) });
    const t = r.townships[0];
    expect(t.indicators).toEqual({
      T1: 45,
      T2: 95,
      T3: 100,
      T4: 100,
      T5: 90,
      T6: 130,
      T7: 100,
      T8: 50,
      T9: 80,
      T10: 140,
    });
    // 4.5 + 9.5 + 10 + 10 + 9 + 13 + 10 + 5 + 8 + 14 = 93.0
    expect(t.total).toBe(930);
    expect(t.grade).toBe("合格");
    expect(t.notes).toContainEqual({ key: "unreviewed", indicator: "T8", text: "未复核" });
    expect(t.selfIndicators.T8).toBe(50);
    expect(t.reviewedIndicators.T8).toBeUndefined();
    expect(r.audit.filter((a) => a.entityType === "township")).toHaveLength(10);
    expect(r.audit.find((a) => a.code === "T8")).toMatchObject({
      note: "未复核",
      points: 50,
      source: { sheet: "镇街指标", row: 9 },
    });
  });

  it("grades 优秀 at 95.0 and 不合格 below 75", () => {
    const full = checklist(MAX, MAX);
    full[0].reviewed = 0; // 95.0
    expect(run({ ...township, indicators: full }).townships[0]).toMatchObject({ total: 950, grade: "优秀" });
    const low = checklist(MAX, [0, 0, 0, 100, 100, 150, 100, 50, 100, 148]);
    expect(run({ ...township, indicators: low }).townships[0]).toMatchObject({ total: 748, grade: "不合格" });
  });

  it("shows T9 and T10 evidence from verified incidents, never overriding the score", () => {
    const r = run({
      ...township,
      indicators: checklist(MAX, MAX),
      incidents: [
        incident({ code: "18.5a" }),
        incident({ code: "18.8b", date: "2025-06-01" }),
        incident({ code: "18.8a", verified: false }),
        incident({ code: "18.8c" }),
      ],
    });
    expect(r.townships[0].notes.map((n) => townshipNoteText(n))).toEqual([
      "T9 属实投诉 2 件",
      "T10 明查暗访、电子监察发现问题 1 件",
    ]);
    expect(r.townships[0].indicators.T9).toBe(100);
  });

  it("has no township result without checklist rows", () => {
    expect(run().townships).toEqual([]);
  });

  it("rankTownships ranks several results by total (competition style)", () => {
    const a = run({ ...township, indicators: checklist(MAX, MAX) }).townships[0];
    const b = { ...a, unit: "B", total: 900 };
    const c = { ...a, unit: "C", total: 1000 };
    rankTownships([a, b, c]);
    expect([a.rank, b.rank, c.rank]).toEqual([1, 3, 1]);
  });
});
