/**
 * Staff who move between windows (人员名册 with a row per window stay). Hand-computed: 张三 serves W1 until
 * 2025-06-30 and W2 from 2025-07-01; 李四 heads W1, 王五 heads W2, 赵六 and 钱七 are W3 and W4.
 */
import type { StaffRow } from "../../src/engine/types";
import { codes, incident, person, roster, run, staff, win, windowRow } from "./factory";

const windows = ["W1", "W2", "W3", "W4"].map((name) => windowRow({ name, department: `D${name}` }));
const moved: StaffRow[] = [
  staff({ name: "张三", window: "W1", end: "2025-06-30", source: { sheet: "人员名册", row: 2 } }),
  staff({ name: "李四", window: "W1", role: "首席代表", source: { sheet: "人员名册", row: 3 } }),
  staff({ name: "张三", window: "W2", start: "2025-07-01", source: { sheet: "人员名册", row: 4 } }),
  staff({ name: "王五", window: "W2", role: "首席代表", source: { sheet: "人员名册", row: 5 } }),
  staff({ name: "赵六", window: "W3", source: { sheet: "人员名册", row: 6 } }),
  staff({ name: "钱七", window: "W4", source: { sheet: "人员名册", row: 7 } }),
];
const incidents = [
  // Before the move: W1 −0.2, 张三 −0.2.
  incident({ date: "2025-03-05", window: "W1", staff: "张三", code: "14.7" }),
  // After: W2 −0.2, 张三 −0.2; 24.1 张三 −10 and W2's head on that day (王五) −10, not W1's (李四).
  incident({ date: "2025-09-10", window: "W2", staff: "张三", code: "14.7" }),
  incident({ date: "2025-08-05", window: "W2", staff: "张三", code: "24.1", caseId: "C-1" }),
];

describe("a staff member who moves on 2025-07-01", () => {
  const r = run({ windows, staff: moved, incidents });

  // entity | period | score (tenths) | window(s) shown
  it.each([
    ["张三", "2025-03", 998, "W1"],
    ["张三", "2025-Q1", 998, "W1"],
    ["张三", "2025-Q2", 1000, "W1"],
    ["张三", "2025-08", 900, "W2"],
    ["张三", "2025-Q3", 898, "W2"],
    // The person's year follows them across both windows: 100 − 0.2 − 0.2 − 10.
    ["张三", "2025", 896, "W1、W2"],
    ["王五", "2025-Q3", 900, "W2"],
    ["李四", "2025-Q3", 1000, "W1"],
  ])("%s %s: score %d, window %s", (name, period, score, window) => {
    expect(person(r, name, period)).toMatchObject({ score, window });
  });

  it("one person, one result per period (not one per roster row)", () => {
    expect(r.staff.filter((s) => s.name === "张三" && s.period === "2025")).toHaveLength(1);
  });

  it("each window is charged only for incidents on its own roster rows' dates", () => {
    expect(win(r, "W1", "2025-Q1").score).toBe(998);
    expect(win(r, "W2", "2025-Q1").score).toBe(1000);
    expect(win(r, "W1", "2025-Q3").score).toBe(1000);
    expect(win(r, "W2", "2025-Q3").score).toBe(998);
  });

  it("25.6a follows the person: the window served in each quarter", () => {
    // Q1: W1 99.8 is the one window out of the top 3 (W2–W4 优秀); Q3: W2 99.8 is out (W1, W3, W4 优秀).
    // Q2 and Q4: four windows tie at 100 for three places, pending. 张三 was in W1 in Q1 and W2 in Q3:
    // no quarter in an 优秀 window, so no 25.6a (a fixed W1 or W2 would have given +2).
    expect(win(r, "W1", "2025-Q1").grade).toBe("合格");
    expect(win(r, "W2", "2025-Q3").grade).toBe("合格");
    expect(r.audit.filter((a) => a.entity === "张三" && a.code === "25.6a")).toEqual([]);
    expect(r.audit.find((a) => a.entity === "李四" && a.code === "25.6a")).toMatchObject({ quantity: 1 });
    expect(r.audit.find((a) => a.entity === "王五" && a.code === "25.6a")).toMatchObject({ quantity: 1 });
  });

  it("先进个人 of an 优秀 window is chosen among those on its roster that quarter", () => {
    // Q3, W1 优秀: members are 李四 only (张三 left on 06-30).
    expect(codes(person(r, "李四", "2025-Q3").flags)).toContain("先进个人");
    expect(codes(person(r, "张三", "2025-Q3").flags)).not.toContain("先进个人");
  });
});

describe("the staff quota counts those on the roster in the period", () => {
  it("ten people in Q1, nine from Q2 (S10 left on 03-31): two 优秀 places, then one", () => {
    const base = roster(10);
    const people = base.staff.map((s) => (s.name === "S10" ? { ...s, end: "2025-03-31" } : s));
    // Each quarter: S1 100, S2 99.5, S3…S9 99.0 (22.2 −0.5 staff only); S10 untouched.
    const rows = ["2025-02-10", "2025-05-12"].flatMap((date) => [
      incident({ date, code: "22.2", window: "W2", staff: "S2" }),
      ...[3, 4, 5, 6, 7, 8, 9].map((i) =>
        incident({ date, code: "22.2", window: `W${i}`, staff: `S${i}`, quantity: 2 }),
      ),
    ]);
    const r = run({ ...base, staff: people, incidents: rows });
    // Q1: ⌊10/5⌋ = 2 places; S1 and S10 at 100 take them (S2 99.5 is third).
    expect(person(r, "S1", "2025-Q1").grade).toBe("优秀");
    expect(person(r, "S10", "2025-Q1").grade).toBe("优秀");
    expect(person(r, "S2", "2025-Q1").grade).toBe("称职");
    // Q2: ⌊9/5⌋ = 1 place; S10 is not on the roster and not a candidate; S1 alone.
    expect(person(r, "S1", "2025-Q2").grade).toBe("优秀");
    expect(person(r, "S2", "2025-Q2").grade).toBe("称职");
    expect(person(r, "S10", "2025-Q2").grade).toBe("称职");
  });
});
