import type { IncidentRow } from "../../src/engine/types";
import { reasonText } from "../../src/workbook/messages/reasons";
import { codes, incident, override, person, roster, run, win } from "./factory";

/** W1…W5 at 100, 99, 98, 98, 97 in Q1: W3 and W4 tie for the third place. */
const tied: IncidentRow[] = [
  incident({ code: "12.5", window: "W2" }),
  incident({ code: "15.5", window: "W3" }),
  incident({ code: "15.5", window: "W4" }),
  incident({ code: "12.5", window: "W5", quantity: 3 }),
];

describe("人工裁定 overrides", () => {
  it("等次 decides a quota tie; the decision is a reason and an audit line", () => {
    const o = override({
      entity: "W3",
      period: "2025-Q1",
      field: "等次",
      value: "优秀",
      reason: "窗口服务评议第一",
      by: "中心主任",
    });
    const r = run({ ...roster(5), incidents: tied, overrides: [o] });
    expect(win(r, "W3", "2025-Q1")).toMatchObject({ grade: "优秀", tiePending: false });
    expect(win(r, "W4", "2025-Q1")).toMatchObject({ grade: "并列待裁定", tiePending: true });
    expect(win(r, "W3", "2025-Q1").reasons).toContainEqual({
      code: "人工裁定",
      text: "",
      words: { key: "override", field: "等次", value: "优秀", why: "窗口服务评议第一", by: "中心主任" },
      period: "2025-Q1",
      sources: [o.source],
    });
    expect(r.audit.find((a) => a.code === "人工裁定")).toMatchObject({
      entity: "W3",
      periods: ["2025-Q1"],
      points: 0,
      source: o.source,
      note: "人工裁定: 窗口服务评议第一 (中心主任)",
    });
    // The decided 优秀 counts for 19.9 in the year.
    expect(r.audit.find((a) => a.entity === "W3" && a.code === "19.9")).toMatchObject({
      quantity: 1,
      points: 20,
    });
  });

  it("a settled tie reads as settled on the decided row, not 并列待裁定 … 待人工裁定", () => {
    const o = override({ entity: "W3", period: "2025-Q1", field: "等次", value: "优秀" });
    const r = run({ ...roster(5), incidents: tied, overrides: [o] });
    const reasons = win(r, "W3", "2025-Q1").reasons;
    expect(codes(reasons)).toEqual(["并列已裁定", "人工裁定"]);
    expect(reasons[0]!.words).toEqual({ key: "gradeTie", settled: true });
    expect(reasonText(reasons[0]!)).toBe("得分并列且跨越名额边界,名额已人工裁定");
    expect(reasons.map((x) => reasonText(x)).join()).not.toContain("待人工裁定");
    expect(reasonText(reasons[1]!)).toMatch(/^等次 → 优秀:/);
    // Without a decision the other tied window still waits.
    expect(codes(win(r, "W4", "2025-Q1").reasons)).toEqual(["并列待裁定"]);
  });

  it("a 先进个人 tie in a window is settled for every tied member once one is chosen", () => {
    // W1 is the only window, with S1 and S2 tied at 100 for its 先进个人.
    const staff = roster(2).staff.map((s) => ({ ...s, window: "W1" }));
    const windows = roster(1).windows;
    const pending = run({ windows, staff });
    expect(person(pending, "S1", "2025-Q1").flags.map((f) => reasonText(f))).toContain(
      "先进个人候选人得分并列,待人工裁定",
    );
    const o = override({ entity: "S2", period: "2025-Q1", field: "先进个人", value: "是" });
    const r = run({ windows, staff, overrides: [o] });
    for (const name of ["S1", "S2"]) {
      const flags = person(r, name, "2025-Q1").flags;
      expect(flags.map((f) => reasonText(f))).toContain("先进个人候选人得分并列,已人工裁定");
      expect(flags.map((f) => reasonText(f, "zh-TW"))).toContain("先进个人候選人得分並列，已人工裁定");
      expect(codes(flags)).not.toContain("并列待裁定");
    }
    expect(person(r, "S1", "2025-Q1").tiePending).toBe(false);
    expect(codes(person(r, "S2", "2025-Q1").flags)).toContain("先进个人");
  });

  it("得分 sets the score through an audit line, and ranks follow", () => {
    const r = run({
      ...roster(5),
      incidents: tied,
      overrides: [override({ entity: "W5", period: "2025-Q1", field: "得分", value: "99.5" })],
    });
    const w5 = win(r, "W5", "2025-Q1");
    expect(w5.score).toBe(995);
    expect(w5.rank).toBe(2);
    expect(w5.grade).toBe("优秀");
    const lines = r.audit.filter((a) => a.entity === "W5" && a.periods.includes("2025-Q1"));
    expect(lines.reduce((s, a) => s + a.points, 1000)).toBe(995);
    expect(lines.at(-1)).toMatchObject({ code: "人工裁定", points: 25 });
  });

  it("评优资格 否 removes a window from the quota; the next one takes the place", () => {
    const r = run({
      ...roster(3),
      overrides: [override({ entity: "W1", period: "2025-Q2", field: "评优资格", value: "否" })],
    });
    expect(win(r, "W1", "2025-Q2")).toMatchObject({ eligible: false, grade: "合格" });
    expect(win(r, "W2", "2025-Q2").grade).toBe("优秀");
  });

  it("先进个人 是 names a person; Traditional and English spellings are accepted", () => {
    const r = run({
      ...roster(5),
      incidents: tied,
      overrides: [
        override({ entity: "S4", period: "2025-Q1", field: "先進個人", value: "是" }),
        override({ entity: "W4", period: "2025-Q1", field: "grade", value: "優秀" }),
      ],
    });
    // All five staff tie at 100 for the one staff 优秀 place (并列待裁定); 先进个人 is a separate decision.
    expect(codes(person(r, "S4", "2025-Q1").flags)).toEqual(["并列待裁定", "人工裁定", "先进个人"]);
    expect(win(r, "W4", "2025-Q1").grade).toBe("优秀");
  });

  it("bad rows are located warnings and change nothing", () => {
    const rows = [
      override({ entity: "无此窗口" }),
      override({ field: "颜色" }),
      override({ entity: "W1", value: "极好" }),
      override({ entity: "W1", period: "2025-03", value: "优秀" }),
      override({ entity: "W1", period: "2026-Q1" }),
    ].map((o, i) => ({ ...o, source: { sheet: "人工裁定", row: i + 2 } }));
    const r = run({ ...roster(2), overrides: rows });
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([
      ["override-unknown-entity", 2],
      ["override-unknown-field", 3],
      ["override-bad-value", 4],
      ["override-bad-value", 5],
      ["override-unknown-period", 6],
    ]);
    expect(r.audit).not.toContainEqual(expect.objectContaining({ code: "人工裁定" }));
  });
});
