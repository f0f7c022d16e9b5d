import { incident, person, run, staff, win } from "./factory";

describe("effects per incident", () => {
  it("multiplies per-unit points by quantity on the window and the staff member", () => {
    const r = run({
      incidents: [incident({ code: "14.7", staff: "张三", quantity: 3, date: "2025-02-10" })],
    });
    expect(win(r, "公安", "2025-02").score).toBe(994);
    expect(win(r, "公安", "2025-02").deductions).toBe(-6);
    expect(person(r, "张三", "2025-Q1").categories).toEqual({ de: -6, neng: 0, qin: 0, ji: 0 });
    expect(win(r, "公安", "2025-03").score).toBe(1000);
  });

  it("counts an incident in its month, quarter and year", () => {
    const r = run({ incidents: [incident({ code: "15.5", date: "2025-05-20" })] });
    for (const p of ["2025-05", "2025-Q2", "2025"]) expect(win(r, "公安", p).deductions).toBe(-20);
    for (const p of ["2025-04", "2025-Q1", "2025-Q3"]) expect(win(r, "公安", p).score).toBe(1000);
    expect(r.audit.filter((a) => a.code === "15.5").flatMap((a) => a.periods)).toEqual([
      "2025-05",
      "2025-Q2",
      "2025",
    ]);
  });

  it("exact-decimal trap: 100 − 5×0.2 − 8×0.5 = 95.0 reaches 优秀's floor", () => {
    const r = run({
      incidents: [
        incident({ code: "14.7", quantity: 5, date: "2025-01-06" }),
        incident({ code: "13.2", quantity: 8, date: "2025-02-06" }),
      ],
    });
    expect(win(r, "公安", "2025-Q1").score).toBe(950);
    expect(win(r, "公安", "2025-Q1").grade).toBe("优秀");
    expect((950 / 10).toFixed(1)).toBe("95.0");
  });

  it("exact-decimal trap for staff: 95.0 is 优秀 within the quota", () => {
    const five = ["甲", "乙", "丙", "丁", "戊"].map((name) => staff({ name }));
    const r = run({
      staff: five,
      incidents: [
        incident({ code: "14.7", staff: "甲", quantity: 2, date: "2025-01-06" }),
        incident({ code: "14.7", staff: "甲", quantity: 2, date: "2025-02-06" }),
        incident({ code: "14.7", staff: "甲", quantity: 1, date: "2025-03-06" }),
        incident({ code: "21.2a", staff: "甲", quantity: 8, date: "2025-03-10" }),
        ...["乙", "丙", "丁", "戊"].map((name) =>
          incident({ code: "23.7", staff: name, date: "2025-03-12" }),
        ),
      ],
    });
    const q1 = person(r, "甲", "2025-Q1");
    expect(q1.score).toBe(950);
    expect(q1.categories.de).toBe(-50);
    expect(q1.grade).toBe("优秀");
  });

  it("a window-only code named on a person deducts only the window", () => {
    const r = run({ incidents: [incident({ code: "14.4d", staff: "张三", quantity: 2 })] });
    expect(win(r, "公安", "2025-03").score).toBe(980);
    expect(person(r, "张三", "2025-03").score).toBe(1000);
  });

  it("year-only staff deductions (23.1) count only in the year; the window's 14.4 counts everywhere", () => {
    const r = run({
      incidents: [incident({ code: "14.4a", staff: "张三", quantity: 2, date: "2025-04-01" })],
    });
    expect(person(r, "张三", "2025-04").score).toBe(1000);
    expect(person(r, "张三", "2025-Q2").score).toBe(1000);
    // 100 − 2×0.2, plus 25.6a: the window is 优秀 in all four quarters (+2 each).
    expect(person(r, "张三", "2025").score).toBe(1000 - 4 + 80);
    expect(person(r, "张三", "2025").categories.qin).toBe(-4);
    expect(win(r, "公安", "2025-04").score).toBe(990);
    const staffLines = r.audit.filter((a) => a.entityType === "staff" && a.code === "14.4a");
    expect(staffLines).toHaveLength(1);
    expect(staffLines[0]).toMatchObject({
      periods: ["2025"],
      note: "year-only",
      category: "qin",
      points: -4,
    });
  });

  describe("head effect", () => {
    const team = [
      staff({ name: "李主任", role: "首席代表" }),
      staff({ name: "张三" }),
      staff({ name: "王五", role: "负责人" }),
    ];

    it("charges the window's 首席代表 the same points as the staff member", () => {
      const r = run({
        staff: team,
        incidents: [incident({ code: "24.1", staff: "张三", days: 2, caseId: "C1" })],
      });
      expect(person(r, "张三", "2025-03").categories.ji).toBe(-100);
      expect(person(r, "李主任", "2025-03").categories.ji).toBe(-100);
      expect(person(r, "王五", "2025-03").score).toBe(1000);
      expect(r.audit.find((a) => a.entity === "李主任")).toMatchObject({
        code: "24.1",
        note: "head",
        points: -100,
      });
      expect(win(r, "公安", "2025-03").score).toBe(1000);
    });

    it("uses 负责人 when there is no 首席代表, and never charges the head twice", () => {
      const r = run({
        staff: [staff({ name: "张三" }), staff({ name: "王五", role: "负责人" })],
        incidents: [incident({ code: "22.3a", staff: "张三" }), incident({ code: "22.3a", staff: "王五" })],
      });
      expect(person(r, "王五", "2025-03").score).toBe(980);
      expect(person(r, "张三", "2025-03").score).toBe(990);
    });
  });

  describe("分值 range", () => {
    it("lets the row set 25.1 within 2–5", () => {
      const r = run({ incidents: [incident({ code: "25.1", staff: "张三", points: 35 })] });
      expect(person(r, "张三", "2025-03").bonuses).toBe(35);
      expect(r.issues).toEqual([]);
    });

    it("sets only the staff side of 19.4; the window stays +2", () => {
      const r = run({ incidents: [incident({ code: "19.4", staff: "张三", points: 50, quantity: 2 })] });
      expect(person(r, "张三", "2025-03").bonuses).toBe(100);
      expect(win(r, "公安", "2025-03").bonuses).toBe(40);
    });

    it("ignores 分值 outside the range or on a fixed rule, with a located warning", () => {
      const bad = incident({ code: "25.1", staff: "张三", points: 60 });
      const fixed = incident({ code: "19.1", staff: "张三", points: 30 });
      const r = run({ incidents: [bad, fixed] });
      expect(person(r, "张三", "2025-03").bonuses).toBe(40);
      expect(r.issues).toEqual([
        {
          severity: "warning",
          code: "points-out-of-range",
          sheet: "事项记录",
          row: bad.source.row,
          params: { value: 6, code: "25.1", min: 2, max: 5 },
        },
        {
          severity: "warning",
          code: "points-not-allowed",
          sheet: "事项记录",
          row: fixed.source.row,
          params: { value: 3, code: "19.1", min: 0, max: 0 },
        },
      ]);
    });
  });

  it("19.7a–d: one event is rewarded once for the person (the highest), each level for the window", () => {
    const r = run({
      incidents: [
        incident({ code: "19.7a", staff: "张三", caseId: "E1" }),
        incident({ code: "19.7b", staff: "张三", caseId: "E1" }),
        incident({ code: "19.7a", staff: "张三", caseId: "E2" }),
      ],
    });
    expect(person(r, "张三", "2025-03").bonuses).toBe(70);
    expect(win(r, "公安", "2025-03").bonuses).toBe(90);
  });
});
