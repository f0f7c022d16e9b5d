import { createCalendar } from "../../src/calendar";
import { caseStatistics, t6Evidence, t6EvidenceNote, TOTAL_WINDOW } from "../../src/caselog";
import { periodsOfYear } from "../../src/core";
import type { CaseStats } from "../../src/engine/types";
import { kase } from "./helpers";
import { townshipNoteText } from "../../src/workbook/messages/reasons";

const cal = createCalendar();

function find(stats: CaseStats[], period: string, window: string): CaseStats {
  const s = stats.find((x) => x.period === period && x.window === window);
  if (!s) throw new Error(`no row ${period} ${window}`);
  return s;
}

describe("caseStatistics", () => {
  // 窗口甲, March–April 2025 (hand-checked):
  const cases = [
    kase("窗口甲", "即办件", "2025-03-05", 0, "2025-03-05", { satisfaction: "满意" }), // instant, on time
    kase("窗口甲", "即办件", "2025-03-05", 0, "2025-03-06", { satisfaction: "基本满意" }), // instant, 1 day late
    kase("窗口甲", "承诺件", "2025-03-03", 5, "2025-03-07", { satisfaction: "不满意" }), // due 03-10: early
    kase("窗口甲", "承诺件", "2025-03-03", 5, "2025-03-10"), // on the deadline: on time, not early
    kase("窗口甲", "承诺件", "2025-03-25", 3, "2025-04-03", { satisfaction: "满意" }), // due 03-28, late from 03-31
    kase("窗口甲", "承诺件", "2025-03-31", 2), // open: due 04-02, overdue from 04-03
  ];
  const stats = caseStatistics(cases, cal, { year: 2025, windows: ["窗口甲", "窗口乙"] });

  it("counts a month", () => {
    expect(find(stats, "2025-03", "窗口甲")).toEqual({
      period: "2025-03",
      window: "窗口甲",
      received: 6,
      completed: 4,
      instant: 2,
      instantRate: 2 / 4,
      promised: 2,
      onTime: 2,
      early: 1,
      onTimeRate: 1,
      earlyRate: 0.5,
      overdue: 2, // the 即办件 of 03-06 and the case late from 03-31
      overdueDays: 1 + 4,
      rated: 3,
      satisfied: 2,
      satisfactionRate: 2 / 3,
    });
  });

  it("puts the completion in the month it happened and the open case in the month it fell overdue", () => {
    const april = find(stats, "2025-04", "窗口甲");
    expect(april).toMatchObject({ received: 0, completed: 1, instant: 0, promised: 1, onTime: 0, early: 0 });
    expect(april.onTimeRate).toBe(0);
    expect(april.instantRate).toBe(0);
    expect(april.overdue).toBe(1);
    // Open since 04-02: 04-03, [04-04..06 清明], then every working day to 12-31.
    expect(april.overdueDays).toBe(cal.workdaysBetween("2025-04-02", "2025-12-31"));
    expect(april.satisfactionRate).toBe(1);
  });

  it("sums months into quarters and the year", () => {
    const q1 = find(stats, "2025-Q1", "窗口甲");
    const q2 = find(stats, "2025-Q2", "窗口甲");
    const year = find(stats, "2025", "窗口甲");
    expect([q1.received, q1.completed, q1.overdue]).toEqual([6, 4, 2]);
    expect([q2.received, q2.completed, q2.overdue]).toEqual([0, 1, 1]);
    expect(year).toMatchObject({
      received: 6,
      completed: 5,
      instant: 2,
      promised: 3,
      onTime: 2,
      early: 1,
      overdue: 3,
    });
    expect(year.onTimeRate).toBeCloseTo(2 / 3, 12);
    expect(year.satisfactionRate).toBe(3 / 4);
  });

  it("leaves rates undefined (blank) for a window without cases, never NaN", () => {
    const empty = find(stats, "2025", "窗口乙");
    expect(empty).toEqual({
      period: "2025",
      window: "窗口乙",
      received: 0,
      completed: 0,
      instant: 0,
      overdue: 0,
      promised: 0,
      onTime: 0,
      early: 0,
      overdueDays: 0,
      rated: 0,
      satisfied: 0,
    });
    expect(t6Evidence(empty)).toBeUndefined();
    // A month with only open cases: no completions, so no rates either.
    const only = caseStatistics([kase("丙", "承诺件", "2025-05-06", 1)], cal, {
      year: 2025,
      periods: ["2025-05"],
    });
    expect(only[0]).toMatchObject({ window: "丙", received: 1, completed: 0 });
    expect(only[0].instantRate).toBeUndefined();
    expect(only[0].onTimeRate).toBeUndefined();
    expect(only[0].satisfactionRate).toBeUndefined();
  });

  it("lists every period × window plus a 合计 row, in the requested order", () => {
    expect(stats).toHaveLength(17 * 3);
    expect(stats.slice(0, 3).map((s) => [s.period, s.window])).toEqual([
      ["2025-01", "窗口甲"],
      ["2025-01", "窗口乙"],
      ["2025-01", TOTAL_WINDOW],
    ]);
    expect([...new Set(stats.map((s) => s.period))]).toEqual(periodsOfYear(2025));
    expect(find(stats, "2025", TOTAL_WINDOW).received).toBe(6);
    const some = caseStatistics(cases, cal, { year: 2025, periods: ["2025-Q2", "2025"], total: false });
    expect(some.map((s) => s.period + " " + s.window)).toEqual(["2025-Q2 窗口甲", "2025 窗口甲"]);
    expect(() => caseStatistics(cases, cal, { year: 2025, periods: ["2024-Q1"] })).toThrow(RangeError);
  });

  it("ignores cases outside the assessment year and after asOf", () => {
    const s = caseStatistics(
      [
        kase("甲", "即办件", "2024-12-31", 0, "2024-12-31"),
        kase("甲", "即办件", "2025-07-01", 0, "2025-07-01"),
        kase("甲", "承诺件", "2024-12-20", 3, "2025-01-03"),
      ],
      cal,
      { year: 2025, periods: ["2025"], asOf: "2025-06-30", total: false },
    );
    expect(s[0]).toMatchObject({ received: 0, completed: 1, instant: 0, promised: 1 });
  });
});

describe("t6Evidence", () => {
  const stats = (promised: number, onTime: number): CaseStats => ({
    period: "2025",
    window: TOTAL_WINDOW,
    received: promised,
    completed: promised,
    instant: 0,
    overdue: promised - onTime,
    promised,
    onTime,
    onTimeRate: onTime / promised,
  });

  it("is 15 × on-time rate in tenths, rounded half up from exact counts", () => {
    expect(t6Evidence(stats(10, 9))).toBe(135); // 13.5
    expect(t6Evidence(stats(10, 10))).toBe(150);
    expect(t6Evidence(stats(3, 2))).toBe(100); // 10.0
    expect(t6Evidence(stats(300, 299))).toBe(150); // 14.95 → 15.0 (half up)
    expect(t6Evidence(stats(600, 599))).toBe(150); // 14.975 → 15.0
    expect(t6Evidence(stats(7, 1))).toBe(21); // 2.142… → 2.1
  });

  it("falls back to the rate when counts are absent", () => {
    expect(t6Evidence({ ...stats(10, 9), promised: undefined })).toBe(135);
  });
});

describe("t6EvidenceNote", () => {
  it("states the suggested T6 score and the year's on-time rate", () => {
    // 10 承诺件 completed in 2025, 9 by their deadline: 15 × 0.9 = 13.5.
    const cases = Array.from({ length: 10 }, (_, i) =>
      kase("甲", "承诺件", "2025-03-03", 1, i === 0 ? "2025-03-05" : "2025-03-04"),
    );
    const stats = caseStatistics(cases, cal, { year: 2025, periods: ["2025"] });
    const note = t6EvidenceNote(stats, 2025);
    expect(note).toEqual({ key: "caseLogSuggestion", indicator: "T6", points: 135, rate: 0.9 });
    expect(townshipNoteText(note!)).toBe("T6 建议 13.5 (按期办结率 90.0%)");
    expect(townshipNoteText(note!, "en")).toBe("T6 suggested 13.5 (on time 90.0%)");
    expect(t6EvidenceNote(caseStatistics([], cal, { year: 2025 }), 2025)).toBeUndefined();
    expect(t6EvidenceNote(stats, 2024)).toBeUndefined();
  });
});
