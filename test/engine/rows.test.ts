/** Which rows score: skipped rows, once per case id, rows outside a person's roster window. */
import { codes, incident, person, run, staff, win, windowRow } from "./factory";

describe("rows", () => {
  describe("rows that do not score", () => {
    it("an unverified row scores nothing and warns on its row", () => {
      const row = incident({ code: "15.5", verified: false });
      const r = run({ incidents: [row] });
      expect(win(r, "公安", "2025-03").score).toBe(1000);
      expect(r.issues).toEqual([
        {
          severity: "warning",
          code: "unverified-row",
          sheet: "事项记录",
          row: row.source.row,
          params: { code: "15.5" },
        },
      ]);
      expect(r.audit.filter((a) => a.code === "15.5")).toEqual([]);
    });

    it("a date outside the assessment year is skipped with a warning", () => {
      const row = incident({ code: "15.5", date: "2024-12-31" });
      const r = run({ incidents: [row] });
      expect(win(r, "公安", "2025").deductions).toBe(0);
      expect(r.issues[0]).toMatchObject({
        code: "date-outside-year",
        row: row.source.row,
        params: { date: "2024-12-31", year: "2025" },
      });
    });

    it("unknown codes, windows and quantities are warnings, never crashes", () => {
      const r = run({
        incidents: [
          incident({ code: "99.9" }),
          incident({ window: "税务" }),
          incident({ quantity: 0 }),
          incident({ staff: "无名" }),
        ],
      });
      expect(r.issues.map((i) => i.code)).toEqual([
        "unknown-rule",
        "unknown-window",
        "bad-quantity",
        "unknown-staff",
      ]);
      expect(win(r, "公安", "2025-03").score).toBe(998);
    });

    it("normalises codes written in another case or width", () => {
      const r = run({ incidents: [incident({ code: "１４．４Ａ", staff: "张三" })] });
      expect(r.audit[0].code).toBe("14.4a");
    });
  });

  describe("once per case id", () => {
    it("counts a code once per case id and warns on the repeated row", () => {
      const first = incident({ code: "15.7", caseId: "A-1", days: 1 });
      const again = incident({ code: "15.7", caseId: "A-1", days: 1 });
      const r = run({ incidents: [first, again] });
      expect(win(r, "公安", "2025-03").score).toBe(900);
      expect(r.issues).toEqual([
        {
          severity: "warning",
          code: "duplicate-incident",
          sheet: "事项记录",
          row: again.source.row,
          params: { firstRow: first.source.row, code: "15.7", case: "A-1" },
        },
      ]);
    });

    it("keeps the logged 15.7 over a derived one with the same case id, silently", () => {
      const derived = incident({
        code: "15.7",
        caseId: "A-2",
        derived: true,
        source: { sheet: "办件台账", row: 9 },
      });
      const logged = incident({ code: "15.7", caseId: "A-2" });
      const r = run({ incidents: [derived, logged] });
      const lines = r.audit.filter((a) => a.periods.includes("2025") && a.code === "15.7");
      expect(lines).toHaveLength(1);
      expect(lines[0].source).toEqual(logged.source);
      expect(r.issues).toEqual([]);
    });

    it("a derived 15.7 alone is scored with a derived note and its case-log row", () => {
      const r = run({
        incidents: [
          incident({
            code: "15.7",
            caseId: "A-3",
            derived: true,
            staff: "张三",
            source: { sheet: "办件台账", row: 4 },
          }),
        ],
      });
      expect(r.audit[0]).toMatchObject({
        code: "15.7",
        note: "case-log",
        source: { sheet: "办件台账", row: 4 },
        caseId: "A-3",
      });
      expect(person(r, "张三", "2025-03").score).toBe(1000);
    });

    it("15.7 and 24.1 on one case both score, but conditions count the case once", () => {
      const r = run({
        staff: [staff({ name: "张三" }), staff({ name: "李四" })],
        incidents: [
          incident({ code: "15.7", caseId: "B-1", staff: "张三", date: "2025-06-02", days: 1 }),
          incident({ code: "24.1", caseId: "B-1", staff: "张三", date: "2025-06-02", days: 1 }),
        ],
      });
      expect(win(r, "公安", "2025-06").score).toBe(900);
      expect(person(r, "张三", "2025-06").score).toBe(900);
      expect(codes(person(r, "张三", "2025-Q2").flags)).not.toContain("26.4");
    });
  });
});

describe("rows outside the person's roster window", () => {
  it("deducts the recorded window and the person; the head is the recorded window's", () => {
    const r = run({
      windows: [windowRow(), windowRow({ name: "税务", department: "县税务局" })],
      staff: [staff({ name: "张三" }), staff({ name: "赵六", window: "税务", role: "负责人" })],
      incidents: [incident({ code: "24.1", window: "税务", staff: "张三", caseId: "X" })],
    });
    expect(person(r, "张三", "2025-03").score).toBe(900);
    expect(person(r, "赵六", "2025-03").score).toBe(900);
    expect(person(r, "张三", "2025-03").window).toBe("公安");
  });

  it("flags a derived case-log row on its own sheet", () => {
    const r = run({
      incidents: [
        incident({
          code: "15.7",
          caseId: "D",
          days: 3,
          derived: true,
          source: { sheet: "办件台账", row: 7 },
        }),
      ],
    });
    expect(r.flags).toEqual([
      {
        sheet: "办件台账",
        row: 7,
        codes: ["20B.5", "N-notify"],
        periods: ["2025-03", "2025-Q1", "2025"],
        message: expect.stringContaining(
          "20B.5 当月延期未办结3件以上或同一事项延期3个工作日以上 (2025-03, 2025-Q1, 2025)",
        ),
      },
    ]);
  });
});
