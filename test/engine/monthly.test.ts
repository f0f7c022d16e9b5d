import type { IncidentRow } from "../../src/engine/types";
import { reasonText } from "../../src/workbook/messages/reasons";
import { codes, incident, override, person, roster, run, win } from "./factory";

const month = (m: number) => `2025-${String(m).padStart(2, "0")}-15`;
/** In the given month, window Wi and its member Si lose loss[i-1] × 0.5 (14.2 deducts both). */
const losses = (m: number, loss: number[]): IncidentRow[] =>
  loss.flatMap((q, i) =>
    q
      ? [incident({ code: "14.2", window: `W${i + 1}`, staff: `S${i + 1}`, quantity: q, date: month(m) })]
      : [],
  );

describe("tongshan monthly ranking (§8)", () => {
  it("flags the bottom two each month; a tie group that overflows is pending, not flagged", () => {
    const r = run(
      { ...roster(5), incidents: [...losses(1, [0, 1, 2, 3, 4]), ...losses(2, [0, 1, 2, 2, 2])] },
      "tongshan",
    );
    const flagged = (m: string) =>
      r.staff.filter((s) => s.period === m && codes(s.flags).includes("约谈整改")).map((s) => s.name);
    expect(flagged("2025-01")).toEqual(["S4", "S5"]);
    // February: S3, S4 and S5 tie at 99.0 for two places: nobody is flagged, the three wait for a decision.
    expect(flagged("2025-02")).toEqual([]);
    expect(codes(person(r, "S3", "2025-02").flags)).toEqual(["并列待裁定"]);
    expect(flagged("2025-03")).toEqual([]);
    expect(
      r.windows
        .filter((w) => w.period === "2025-01" && codes(w.reasons).includes("约谈整改"))
        .map((w) => w.window),
    ).toEqual(["W4", "W5"]);
  });

  it("a person in the bottom two for 3 consecutive months is flagged 末位淘汰", () => {
    // Bottom two: March S4, S5; April S5 then S3 (S4 has no deduction); May S4, S5. Only S5 runs three.
    const rows = [
      ...losses(3, [0, 0, 0, 1, 2]),
      ...losses(4, [0, 0, 2, 0, 1]),
      ...losses(5, [0, 0, 0, 1, 2]),
    ];
    const r = run({ ...roster(5), incidents: rows }, "tongshan");
    expect(codes(person(r, "S4", "2025-04").flags)).not.toContain("约谈整改");
    expect(codes(person(r, "S5", "2025-04").flags)).not.toContain("末位淘汰");
    expect(codes(person(r, "S5", "2025-05").flags)).toContain("末位淘汰");
    expect(codes(person(r, "S5", "2025").flags)).toContain("末位淘汰");
    expect(codes(person(r, "S4", "2025").flags)).not.toContain("末位淘汰");
  });

  it("honours the top 8 windows and top 20 staff each quarter", () => {
    const r = run({ ...roster(10), incidents: losses(2, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) }, "tongshan");
    const honoured = r.windows
      .filter((w) => w.period === "2025-Q1" && codes(w.reasons).includes("优质服务窗口"))
      .map((w) => w.window);
    expect(honoured).toEqual(["W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"]);
    expect(r.staff.filter((s) => s.period === "2025-Q1" && codes(s.flags).includes("服务标兵"))).toHaveLength(
      10,
    );
    // Honours never change grades.
    expect(win(r, "W8", "2025-Q1").grade).toBe("合格");
  });

  it("a tie across the honours boundary is pending without touching grades", () => {
    // W8 and W9 tie for the 8th place: both pending, 7 honoured.
    const r = run({ ...roster(10), incidents: losses(2, [0, 1, 2, 3, 4, 5, 6, 7, 7, 9]) }, "tongshan");
    const q1 = r.windows.filter((w) => w.period === "2025-Q1");
    expect(q1.filter((w) => codes(w.reasons).includes("优质服务窗口"))).toHaveLength(7);
    expect(q1.filter((w) => codes(w.reasons).includes("并列待裁定")).map((w) => w.window)).toEqual([
      "W8",
      "W9",
    ]);
    expect(q1.map((w) => w.tiePending)).toEqual(Array(10).fill(false));
    expect(win(r, "W8", "2025-Q1").grade).toBe("合格");
  });

  it("tianyang-2008 has no monthly flags", () => {
    const r = run({ ...roster(5), incidents: losses(1, [0, 1, 2, 3, 4]) });
    expect(r.staff.some((s) => codes(s.flags).includes("约谈整改"))).toBe(false);
  });
});

/** Windows W1…Wn (each with S1…Sn) at the given month scores, in tenths (multiples of 5), in January. */
const at = (scores: number[]): IncidentRow[] =>
  losses(
    1,
    scores.map((s) => (1000 - s) / 5),
  );
const inBottom = (r: ReturnType<typeof run>, type: "window" | "staff", month: string, code: string) =>
  (type === "window"
    ? r.windows.map((w) => [w.window, w.period, w.reasons] as const)
    : r.staff.map((s) => [s.name, s.period, s.flags] as const)
  )
    .filter(([, p, reasons]) => p === month && codes(reasons).includes(code))
    .map(([name]) => name);

describe("bottom two (§8): whole tie groups while they fit, an overflowing group pending", () => {
  // scores (tenths) | bottom two (约谈整改) | pending (并列待裁定)
  it.each([
    [[900, 950, 960], ["W1", "W2"], []],
    [[900, 950, 950], ["W1"], ["W2", "W3"]],
    [[995, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000], ["W1"], []],
    [[950, 950, 950, 950], [], []],
    [[1000, 1000, 995], ["W3"], []],
    [[900, 900, 950], ["W1", "W2"], []],
    [[900, 900, 900, 950], [], ["W1", "W2", "W3"]],
    [[1000, 1000, 1000], [], []],
  ])("%j → bottom %j, pending %j", (scores, bottom, pending) => {
    const r = run({ ...roster(scores.length), incidents: at(scores) }, "tongshan");
    expect(inBottom(r, "window", "2025-01", "约谈整改")).toEqual(bottom);
    expect(inBottom(r, "window", "2025-01", "并列待裁定")).toEqual(pending);
    // Staff lose the same points (14.2 deducts both): the same names, S for W.
    expect(inBottom(r, "staff", "2025-01", "约谈整改")).toEqual(bottom.map((w) => w.replace("W", "S")));
  });

  it("a 人工裁定 of 末两位 settles the pending group: the chosen one is flagged, the others are out", () => {
    const decision = override({ entity: "W3", period: "2025-01", field: "末两位", value: "是" });
    const r = run({ ...roster(3), incidents: at([900, 950, 950]), overrides: [decision] }, "tongshan");
    expect(inBottom(r, "window", "2025-01", "约谈整改")).toEqual(["W1", "W3"]);
    expect(inBottom(r, "window", "2025-01", "并列待裁定")).toEqual([]);
    // Both tied windows now read as settled, not pending.
    expect(inBottom(r, "window", "2025-01", "并列已裁定")).toEqual(["W2", "W3"]);
    const reason = win(r, "W2", "2025-01").reasons.find((x) => x.code === "并列已裁定");
    // The engine gives the key and the profile's tie text; the locale table words it.
    expect(reason?.words).toEqual({ key: "bottomTie", tieText: "末两位边界得分并列", settled: true });
    expect(reasonText(reason!)).toBe("末两位边界得分并列,已人工裁定");
    expect(reasonText(reason!, "en")).toBe("末两位边界得分并列: decided by hand");
    expect(codes(win(r, "W3", "2025-01").reasons)).toContain("人工裁定");
  });

  it("末两位 is refused on a profile without monthly ranking, and on a quarter", () => {
    const r = run({
      ...roster(3),
      overrides: [
        override({ entity: "W1", period: "2025-01", field: "末两位", value: "是" }),
        override({ entity: "W1", period: "2025-Q1", field: "末两位", value: "是" }),
      ],
    });
    expect(r.issues.map((i) => i.code)).toEqual(["override-bad-value", "override-bad-value"]);
  });
});

describe("末位淘汰 (§8): three consecutive months, settled months only, and no honours after", () => {
  it("three months across a quarter boundary: 末位淘汰 in April, no Q2 服务标兵 and no year 优秀", () => {
    // S5 alone at the bottom in February, March and April (with S4 at 99.5 beside it).
    const rows = [2, 3, 4].flatMap((m) => losses(m, [0, 0, 0, 1, 2]));
    const r = run({ ...roster(5), incidents: rows }, "tongshan");
    expect(codes(person(r, "S5", "2025-03").flags)).not.toContain("末位淘汰");
    expect(codes(person(r, "S5", "2025-04").flags)).toContain("末位淘汰");
    expect(codes(person(r, "S5", "2025-Q1").flags)).toContain("服务标兵");
    expect(codes(person(r, "S5", "2025-Q2").flags)).not.toContain("服务标兵");
    expect(codes(person(r, "S5", "2025-Q2").flags)).toContain("末位淘汰");
    expect(person(r, "S5", "2025").eligible).toBe(false);
    // S4 was also in the bottom two all three months.
    expect(codes(person(r, "S4", "2025-Q2").flags)).not.toContain("服务标兵");
    expect(codes(person(r, "S1", "2025-Q2").flags)).toContain("服务标兵");
  });

  it("the person flagged 末位淘汰 in March is neither Q1 服务标兵 nor the year's 优秀", () => {
    // Jan–Mar: S1 −1.0, S2 −0.5 each month (the only ones with deductions). June: S3 −4.5, S4 and S5 −5.
    const rows = [...[1, 2, 3].flatMap((m) => losses(m, [2, 1, 0, 0, 0])), ...losses(6, [0, 0, 9, 10, 10])];
    const r = run({ ...roster(5), incidents: rows }, "tongshan");
    expect(codes(person(r, "S2", "2025-03").flags)).toContain("末位淘汰");
    expect(codes(person(r, "S2", "2025-Q1").flags)).not.toContain("服务标兵");
    // Year (quota ⌊5/5⌋ = 1): S2 100 − 1.5 + 2 (25.6a: W2 优秀 in Q2) = 100.5 would be the one 优秀;
    // S1 (99.0) is out too; S3 95.5 + 2 × 2 (W3 优秀 in Q1 and Q2) = 99.5 is next, S4 and S5 97.0.
    expect(person(r, "S2", "2025").score).toBe(1005);
    expect(person(r, "S3", "2025").score).toBe(995);
    expect(person(r, "S2", "2025").grade).toBe("称职");
    expect(person(r, "S3", "2025").grade).toBe("优秀");
  });

  it("a pending month breaks the run until a 人工裁定 settles it", () => {
    // March: S4, S5 tie with S3 for the two places (all 99.0, below S1/S2's 100): pending.
    const rows = [
      ...losses(2, [0, 0, 0, 1, 2]),
      ...losses(3, [0, 0, 2, 2, 2]),
      ...losses(4, [0, 0, 0, 1, 2]),
    ];
    const pending = run({ ...roster(5), incidents: rows }, "tongshan");
    expect(codes(person(pending, "S5", "2025-04").flags)).not.toContain("末位淘汰");
    const decisions = ["S4", "S5"].map((entity) =>
      override({ entity, period: "2025-03", field: "末两位", value: "是" }),
    );
    const settled = run({ ...roster(5), incidents: rows, overrides: decisions }, "tongshan");
    expect(codes(person(settled, "S5", "2025-04").flags)).toContain("末位淘汰");
    expect(codes(person(settled, "S3", "2025-03").flags)).toEqual(["并列已裁定"]);
  });
});
