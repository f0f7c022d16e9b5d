import type { WorkCalendar } from "../../src/calendar/types";
import { calendar, codes, incident, run, staff, win } from "./factory";

/** Monday–Friday only: the calendar a centre would use without holiday data. */
const weekdays: WorkCalendar = {
  isWorkday: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
  addWorkdays: () => {
    throw new Error("not used");
  },
  workdaysBetween(from, to) {
    let n = 0;
    for (let t = Date.parse(`${from}T00:00:00Z`) + 864e5; t <= Date.parse(`${to}T00:00:00Z`); t += 864e5) {
      if (![0, 6].includes(new Date(t).getUTCDay())) n += 1;
    }
    return n;
  },
  covers: () => true,
};

const team = [staff({ name: "张三" }), staff({ name: "李四" })];

describe("veto incidents 20A (window ineligible in the quarter and the year)", () => {
  it.each(["20A.1", "20A.2", "20A.3", "13.1"])("%s", (code) => {
    const row = incident({ code, date: "2025-05-08" });
    const r = run({ incidents: [row] });
    const expected = code === "13.1" ? "20A.2" : code;
    for (const p of ["2025-Q2", "2025"]) {
      expect(win(r, "公安", p).eligible).toBe(false);
      expect(win(r, "公安", p).reasons).toEqual([
        { code: expected, text: expect.any(String), period: p, sources: [row.source] },
      ]);
    }
    expect(win(r, "公安", "2025-Q2").grade).toBe("合格");
    expect(win(r, "公安", "2025-Q1").grade).toBe("优秀");
    expect(win(r, "公安", "2025-05").grade).toBe("合格");
    expect(win(r, "公安", "2025-05").score).toBe(code === "13.1" ? 995 : 1000);
  });
});

describe("veto incidents and conditions 20B (不合格 that month, not 优秀 that quarter or year)", () => {
  const failsIn = (incidents: ReturnType<typeof incident>[], month: string, code: string): void => {
    const r = run({ staff: team, incidents });
    const m = win(r, "公安", month);
    expect(m.grade).toBe("不合格");
    expect(m.eligible).toBe(false);
    expect(codes(m.reasons)).toContain(code);
    const quarter = `2025-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
    expect(win(r, "公安", quarter).eligible).toBe(false);
    expect(win(r, "公安", quarter).grade).not.toBe("优秀");
    expect(win(r, "公安", "2025").eligible).toBe(false);
  };
  const passes = (incidents: ReturnType<typeof incident>[], month: string): void => {
    const r = run({ staff: team, incidents });
    expect(win(r, "公安", month).grade).toBe("合格");
    expect(win(r, "公安", month).reasons).toEqual([]);
  };

  it.each(["20B.2", "20B.6", "20B.7"])("%s recorded", (code) =>
    failsIn([incident({ code, date: "2025-07-01" })], "2025-07", code),
  );

  it("20B.3: a corruption incident of a staff member", () =>
    failsIn([incident({ code: "21.5", staff: "张三", date: "2025-08-04" })], "2025-08", "20B.3"));

  describe("20B.4 absence", () => {
    const absent = (staffName: string, date: string, quantity = 1) =>
      incident({ code: "14.4d", staff: staffName, date, quantity });
    it("3 rows of one person in a month", () =>
      failsIn(
        [absent("张三", "2025-03-03"), absent("张三", "2025-03-10"), absent("张三", "2025-03-31")],
        "2025-03",
        "20B.4",
      ));
    it("one row of 4 half-days (2 days)", () =>
      failsIn([absent("张三", "2025-03-03", 4)], "2025-03", "20B.4"));
    it("not 3 rows spread over two people, nor 3 half-days", () =>
      passes(
        [
          absent("张三", "2025-03-03"),
          absent("张三", "2025-03-10"),
          absent("李四", "2025-03-11"),
          absent("李四", "2025-03-12", 3),
        ],
        "2025-03",
      ));
    it("not 3 rows across two months", () =>
      passes(
        [absent("张三", "2025-03-03"), absent("张三", "2025-03-10"), absent("张三", "2025-04-01")],
        "2025-03",
      ));
  });

  describe("20B.5 overdue", () => {
    const late = (caseId: string, days: number, code = "15.7") =>
      incident({ code, caseId, days, date: "2025-09-10" });
    it("3 overdue cases in the month", () =>
      failsIn([late("C1", 1), late("C2", 1), late("C3", 2)], "2025-09", "20B.5"));
    it("one case 3 working days overdue (3天以上 includes 3)", () =>
      failsIn([late("C1", 3)], "2025-09", "20B.5"));
    it("not 2 cases of 1–2 days", () => passes([late("C1", 1), late("C2", 2)], "2025-09"));
    it("a case recorded under 15.7 and 24.1 counts once", () =>
      passes(
        [
          late("C1", 1),
          incident({ code: "24.1", caseId: "C1", days: 1, staff: "张三", date: "2025-09-10" }),
          late("C2", 1),
        ],
        "2025-09",
      ));
  });

  describe("20B.1 two verified complaints within 20 working days, across the 2025 Spring Festival", () => {
    // Official 2025 schedule: holiday 1.28–2.4; 1.26 (Sun) and 2.8 (Sat) are working days.
    // From 2025-01-20: 1.21–1.24 (4), 1.26 (5), 1.27 (6), 2.5–2.7 (9), 2.8 (10), 2.10–14 (15), 2.17–20 (19).
    const pair = [
      incident({ code: "18.5a", date: "2025-01-20" }),
      incident({ code: "18.8b", date: "2025-02-20" }),
    ];

    it("hand-computed gaps: 19 working days with the holiday, 23 on Monday–Friday", () => {
      expect(calendar.workdaysBetween("2025-01-20", "2025-02-20")).toBe(19);
      expect(weekdays.workdaysBetween("2025-01-20", "2025-02-20")).toBe(23);
    });

    it("holds with the real calendar: February 不合格, Q1 and the year not eligible", () => {
      failsIn(pair, "2025-02", "20B.1");
      const r = run({ incidents: pair });
      expect(win(r, "公安", "2025-02").reasons).toEqual([
        {
          code: "20B.1",
          text: "20个工作日内2次投诉属实",
          period: "2025-02",
          sources: pair.map((p) => p.source),
        },
      ]);
      expect(win(r, "公安", "2025-01").grade).toBe("合格");
    });

    it("does not hold on a Monday–Friday calendar", () => {
      const r = run({ incidents: pair }, "tianyang-2008", weekdays);
      expect(win(r, "公安", "2025-02").grade).toBe("合格");
      expect(win(r, "公安", "2025-Q1").eligible).toBe(true);
    });

    it("vice versa: the 调休 Saturday 2.8 pushes 3.5 to the 21st working day after 2.5", () => {
      const late = [
        incident({ code: "18.5a", date: "2025-02-05" }),
        incident({ code: "18.5a", date: "2025-03-05" }),
      ];
      expect(calendar.workdaysBetween("2025-02-05", "2025-03-05")).toBe(21);
      expect(weekdays.workdaysBetween("2025-02-05", "2025-03-05")).toBe(20);
      expect(win(run({ incidents: late }), "公安", "2025-03").grade).toBe("合格");
      expect(win(run({ incidents: late }, "tianyang-2008", weekdays), "公安", "2025-03").grade).toBe(
        "不合格",
      );
    });

    it("rows sharing a case id are one complaint, dated at its earliest row", () => {
      // Case K: 3.3 (listed second) and 3.25. From 3.3 to 4.10 is 27 working days (4.4 清明 is off).
      const rows = [
        incident({ code: "18.5a", caseId: "K", date: "2025-03-25" }),
        incident({ code: "18.8b", caseId: "K", date: "2025-03-03" }),
        incident({ code: "18.8b", date: "2025-04-10" }),
      ];
      expect(calendar.workdaysBetween("2025-03-03", "2025-04-10")).toBe(27);
      const r = run({ incidents: rows });
      expect(win(r, "公安", "2025-Q1").eligible).toBe(true);
      expect(win(r, "公安", "2025-04").grade).toBe("合格");
    });

    it("e-supervision findings (inspection) do not count as complaints", () =>
      passes(
        [incident({ code: "18.5b", date: "2025-02-03" }), incident({ code: "18.8c", date: "2025-02-05" })],
        "2025-02",
      ));
  });
});
