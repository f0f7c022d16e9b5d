import type { IncidentRow } from "../../src/engine/types";
import { codes, incident, person, roster, run, win } from "./factory";

const month = (m: number) => `2025-${String(m).padStart(2, "0")}-15`;
/** In the given month, window Wi and its member Si lose loss[i-1] × 0.5 (14.2 deducts both). */
const losses = (m: number, loss: number[]): IncidentRow[] =>
  loss.flatMap((q, i) =>
    q
      ? [incident({ code: "14.2", window: `W${i + 1}`, staff: `S${i + 1}`, quantity: q, date: month(m) })]
      : [],
  );

describe("tongshan monthly ranking (§8)", () => {
  it("flags the bottom two each month, all of them when tied at the boundary", () => {
    const r = run(
      { ...roster(5), incidents: [...losses(1, [0, 1, 2, 3, 4]), ...losses(2, [0, 1, 2, 2, 2])] },
      "tongshan",
    );
    const flagged = (m: string) =>
      r.staff.filter((s) => s.period === m && codes(s.flags).includes("约谈整改")).map((s) => s.name);
    expect(flagged("2025-01")).toEqual(["S4", "S5"]);
    expect(flagged("2025-02")).toEqual(["S3", "S4", "S5"]);
    expect(flagged("2025-03")).toEqual([]);
    expect(
      r.windows
        .filter((w) => w.period === "2025-01" && codes(w.reasons).includes("约谈整改"))
        .map((w) => w.window),
    ).toEqual(["W4", "W5"]);
  });

  it("a person in the bottom two for 3 consecutive months is flagged 末位淘汰", () => {
    // Bottom two: March S4, S5; April S3, S5; May S4, S5. Only S5 is there three months running.
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
