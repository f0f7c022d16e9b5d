import { codes, incident, person, roster, run, staff, win, windowRow } from "./factory";
import type { IncidentRow } from "../../src/engine/types";

const QUARTER_DATES = ["2025-02-10", "2025-05-12", "2025-08-11", "2025-11-10"];

/** Windows W1…Wn ending a quarter at the given scores (tenths), by 14.7 (−0.2) and 15.5 (−2) rows. */
function windowScores(scores: number[], date = "2025-02-10"): IncidentRow[] {
  return scores.flatMap((score, i) => {
    const lost = 1000 - score;
    const rows: IncidentRow[] = [];
    if (lost >= 20)
      rows.push(incident({ code: "15.5", window: `W${i + 1}`, quantity: Math.floor(lost / 20), date }));
    if (lost % 20)
      rows.push(incident({ code: "14.7", window: `W${i + 1}`, quantity: (lost % 20) / 2, date }));
    return rows;
  });
}

describe("ranks", () => {
  it("are competition ranks (1, 2, 2, 4) per period", () => {
    const r = run({ ...roster(4), incidents: windowScores([1000, 990, 990, 970]) });
    expect(r.windows.filter((w) => w.period === "2025-Q1").map((w) => w.rank)).toEqual([1, 2, 2, 4]);
    expect(r.windows.filter((w) => w.period === "2025-04").map((w) => w.rank)).toEqual([1, 1, 1, 1]);
  });

  it("rank staff across the whole centre", () => {
    const r = run({
      ...roster(3),
      incidents: [
        incident({ code: "22.1", window: "W1", staff: "S1" }),
        incident({ code: "22.2", window: "W3", staff: "S3" }),
      ],
    });
    expect(r.staff.filter((s) => s.period === "2025-03").map((s) => [s.name, s.rank])).toEqual([
      ["S1", 3],
      ["S2", 1],
      ["S3", 2],
    ]);
  });
});

describe("window grades", () => {
  it("month: 不合格 at 74.8, 合格 at exactly 75.0", () => {
    const r = run({ ...roster(2), incidents: windowScores([748, 750], "2025-06-02") });
    expect(win(r, "W1", "2025-06").grade).toBe("不合格");
    expect(win(r, "W2", "2025-06").grade).toBe("合格");
    expect(win(r, "W1", "2025-Q2").grade).toBe("不合格");
  });

  it("quarter: top 3 among eligible windows at 95 or more", () => {
    const r = run({ ...roster(6), incidents: windowScores([1000, 990, 980, 970, 960, 940]) });
    expect(r.windows.filter((w) => w.period === "2025-Q1").map((w) => w.grade)).toEqual([
      "优秀",
      "优秀",
      "优秀",
      "合格",
      "合格",
      "合格",
    ]);
  });

  it("quarter: an ineligible window gives its place to the next", () => {
    const r = run({
      ...roster(5),
      incidents: [...windowScores([1000, 990, 980, 970, 960]), incident({ code: "20A.1", window: "W2" })],
    });
    expect(r.windows.filter((w) => w.period === "2025-Q1").map((w) => w.grade)).toEqual([
      "优秀",
      "合格",
      "优秀",
      "优秀",
      "合格",
    ]);
  });

  it("quarter: nobody below 95, even inside the quota", () => {
    const r = run({ ...roster(3), incidents: windowScores([1000, 948, 900]) });
    expect(r.windows.filter((w) => w.period === "2025-Q1").map((w) => w.grade)).toEqual([
      "优秀",
      "合格",
      "合格",
    ]);
  });

  it("quarter: a tie across the boundary leaves the place open (并列待裁定)", () => {
    const r = run({ ...roster(5), incidents: windowScores([1000, 990, 980, 980, 970]) });
    const q1 = r.windows.filter((w) => w.period === "2025-Q1");
    expect(q1.map((w) => w.grade)).toEqual(["优秀", "优秀", "并列待裁定", "并列待裁定", "合格"]);
    expect(q1.map((w) => w.tiePending)).toEqual([false, false, true, true, false]);
    expect(win(r, "W3", "2025-Q1").reasons).toEqual([
      {
        code: "并列待裁定",
        text: "",
        words: { key: "gradeTie", settled: false },
        period: "2025-Q1",
        sources: [],
      },
    ]);
  });

  it("quarter: a tie inside the quota is not pending", () => {
    const r = run({ ...roster(4), incidents: windowScores([1000, 1000, 990, 980]) });
    expect(r.windows.filter((w) => w.period === "2025-Q1").map((w) => w.grade)).toEqual([
      "优秀",
      "优秀",
      "优秀",
      "合格",
    ]);
  });

  it("year: 优秀 needs ≥3 quarterly 优秀, ≥95 and eligibility; 19.9 adds +2 per quarterly 优秀", () => {
    const rows = [
      ...windowScores([1000, 1000, 1000, 990, 990], QUARTER_DATES[0]),
      ...windowScores([1000, 1000, 1000, 990, 990], QUARTER_DATES[1]),
      ...windowScores([1000, 990, 1000, 1000, 990], QUARTER_DATES[2]),
      ...windowScores([1000, 990, 1000, 1000, 1000], QUARTER_DATES[3]),
      incident({ code: "20A.3", window: "W3", date: "2025-12-01" }),
    ];
    const r = run({ ...roster(5), incidents: rows });
    // W1: 4 × 优秀 → 100 + 8. W2: 优秀 in Q1, Q2 only (lost 1 in Q3 and Q4) → 98 + 4.
    expect(win(r, "W1", "2025")).toMatchObject({ score: 1080, bonuses: 80, grade: "优秀" });
    expect(win(r, "W2", "2025")).toMatchObject({ score: 1020, bonuses: 40, deductions: -20, grade: "合格" });
    // W3: Q1–Q3 优秀 but 20A.3 in Q4 makes the year ineligible.
    expect(win(r, "W3", "2025")).toMatchObject({ eligible: false, grade: "合格" });
    expect(codes(win(r, "W3", "2025").reasons)).toEqual(["20A.3"]);
    const line = r.audit.find((a) => a.entity === "W1" && a.code === "19.9");
    expect(line).toMatchObject({ periods: ["2025"], quantity: 4, points: 80, note: "quarterly-grades" });
  });
});

describe("staff grades", () => {
  const ten = Array.from({ length: 10 }, (_, i) => staff({ name: `P${i + 1}` }));
  /** P1…Pn lose the given tenths in Q1 through 22.2 (−0.5) rows. */
  const losses = (tenths: number[]): IncidentRow[] =>
    tenths.flatMap((t, i) =>
      t ? [incident({ code: "22.2", staff: `P${i + 1}`, quantity: t / 5, date: "2025-03-03" })] : [],
    );

  it("month: 称职 / 基本称职 / 不称职, never 优秀", () => {
    const r = run({
      staff: ten.slice(0, 3),
      incidents: [
        incident({ code: "23.7", staff: "P2", quantity: 3 }),
        incident({ code: "23.7", staff: "P3", quantity: 2, date: "2025-03-05" }),
        incident({ code: "24.5", staff: "P3", date: "2025-03-06" }),
        incident({ code: "22.2", staff: "P2", date: "2025-03-07" }),
        incident({ code: "22.2", staff: "P3", date: "2025-03-07" }),
      ],
    });
    expect(r.staff.filter((s) => s.period === "2025-03").map((s) => s.grade)).toEqual([
      "称职",
      "不称职",
      "基本称职",
    ]);
  });

  it("quarter: at most ⌊20% × 10⌋ = 2 优秀", () => {
    const r = run({ staff: ten, incidents: losses([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]) });
    const q1 = r.staff.filter((s) => s.period === "2025-Q1");
    expect(q1.map((s) => s.grade)).toEqual(["优秀", "优秀", ...Array(8).fill("称职")]);
  });

  it("quarter: a tie at the boundary keeps the 2nd place open", () => {
    const r = run({ staff: ten, incidents: losses([0, 5, 5, 15, 20, 25, 30, 35, 40, 45]) });
    const q1 = r.staff.filter((s) => s.period === "2025-Q1");
    expect(q1.slice(0, 4).map((s) => s.grade)).toEqual(["优秀", "并列待裁定", "并列待裁定", "称职"]);
    expect(q1.filter((s) => s.grade === "优秀")).toHaveLength(1);
    expect(codes(person(r, "P2", "2025-Q1").flags)).toContain("并列待裁定");
  });

  it("quarter: a roster of 4 has no 优秀 place (⌊0.8⌋ = 0)", () => {
    const r = run({ staff: ten.slice(0, 4) });
    expect(r.staff.filter((s) => s.period !== "2025-01").some((s) => s.grade === "优秀")).toBe(false);
  });

  it("year: a tie at the boundary stays open there too", () => {
    const r = run({ staff: ten, incidents: losses([0, 5, 5, 15, 20, 25, 30, 35, 40, 45]) });
    const year = r.staff.filter((s) => s.period === "2025");
    expect(year.slice(0, 4).map((s) => [s.grade, s.tiePending])).toEqual([
      ["优秀", false],
      ["并列待裁定", true],
      ["并列待裁定", true],
      ["称职", false],
    ]);
  });

  it("year: the quota applies to the year as well", () => {
    const r = run({ staff: ten, incidents: losses([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]) });
    expect(r.staff.filter((s) => s.period === "2025" && s.grade === "优秀").map((s) => s.name)).toEqual([
      "P1",
      "P2",
    ]);
  });
});

describe("先进个人 and derived staff bonuses (25.6a, 25.6b)", () => {
  /** 5 windows with one member each; W4 and W5 lose 0.2 per quarter; S2–S5 lose 0.5 per quarter. */
  const rows = QUARTER_DATES.flatMap((date) => [
    ...windowScores([1000, 1000, 1000, 998, 998], date),
    ...["S2", "S3", "S4", "S5"].map((name, i) =>
      incident({ code: "21.2a", staff: name, window: `W${i + 2}`, date }),
    ),
  ]);
  const r = run({ ...roster(5), incidents: rows });

  it("each quarterly 优秀 window's best eligible member is the candidate", () => {
    for (const q of ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]) {
      expect(
        r.staff.filter((s) => s.period === q && codes(s.flags).includes("先进个人")).map((s) => s.name),
      ).toEqual(["S1", "S2", "S3"]);
    }
  });

  it("the year title needs 3 quarterly titles, ≥95 and eligibility", () => {
    expect(codes(person(r, "S1", "2025").flags)).toContain("先进个人");
    expect(codes(person(r, "S4", "2025").flags)).not.toContain("先进个人");
  });

  it("25.6a +2 per quarterly 优秀 of the window, 25.6b +2 per own quarterly 优秀", () => {
    expect(person(r, "S1", "2025-Q1").grade).toBe("优秀");
    expect(person(r, "S1", "2025")).toMatchObject({ bonuses: 160, score: 1160, grade: "优秀" });
    expect(person(r, "S2", "2025")).toMatchObject({ bonuses: 80, score: 1060 });
    expect(person(r, "S4", "2025")).toMatchObject({ bonuses: 0, score: 980 });
    const s1 = r.audit
      .filter((a) => a.entity === "S1" && a.periods.includes("2025"))
      .map((a) => [a.code, a.quantity, a.points]);
    expect(s1).toEqual([
      ["25.6a", 4, 80],
      ["25.6b", 4, 80],
    ]);
  });

  it("a tie for the window's candidate stays open", () => {
    const two = run({
      windows: [windowRow({ name: "W1" })],
      staff: [staff({ name: "A", window: "W1" }), staff({ name: "B", window: "W1" })],
    });
    expect(codes(person(two, "A", "2025-Q1").flags)).toEqual(["并列待裁定"]);
    expect(person(two, "A", "2025-Q1").tiePending).toBe(true);
  });
});
