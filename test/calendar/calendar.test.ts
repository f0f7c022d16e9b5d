import fc from "fast-check";
import { calendarCoverage, createCalendar, isoFromDay, weekdayOfDay, dayNumber } from "../../src/calendar";

const cal = createCalendar();

/** Every date from `from` to `to` inclusive. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(isoFromDay(d));
  return out;
}

function restDays(from: string, to: string): string[] {
  return range(from, to).filter((d) => !cal.isWorkday(d));
}

describe("built-in holidays (hand-checked against the State Council notices)", () => {
  it("2024 Spring Festival: 02-10..02-17 off, 02-04 (Sun) and 02-18 (Sun) worked", () => {
    expect(restDays("2024-02-03", "2024-02-19")).toEqual([
      "2024-02-03",
      ...range("2024-02-10", "2024-02-17"),
    ]);
    expect(cal.isWorkday("2024-02-04")).toBe(true);
    expect(cal.isWorkday("2024-02-18")).toBe(true);
  });

  it("2024 National Day: 10-01..10-07 off, 09-29 (Sun) and 10-12 (Sat) worked", () => {
    expect(restDays("2024-09-28", "2024-10-13")).toEqual([
      "2024-09-28",
      ...range("2024-10-01", "2024-10-07"),
      "2024-10-13",
    ]);
  });

  it("2025 Spring Festival: 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) worked", () => {
    expect(restDays("2025-01-25", "2025-02-09")).toEqual([
      "2025-01-25",
      ...range("2025-01-28", "2025-02-04"),
      "2025-02-09",
    ]);
  });

  it("2025 National Day + Mid-Autumn: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) worked", () => {
    expect(restDays("2025-09-27", "2025-10-12")).toEqual([
      "2025-09-27",
      ...range("2025-10-01", "2025-10-08"),
      "2025-10-12",
    ]);
  });

  it("2026 Spring Festival: 02-15..02-23 off, 02-14 (Sat) and 02-28 (Sat) worked", () => {
    expect(restDays("2026-02-07", "2026-03-01")).toEqual([
      "2026-02-07",
      "2026-02-08",
      ...range("2026-02-15", "2026-02-23"),
      "2026-03-01",
    ]);
    expect(cal.isWorkday("2026-02-14")).toBe(true);
    expect(cal.isWorkday("2026-02-28")).toBe(true);
  });

  it("2026 National Day: 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) worked", () => {
    expect(cal.isWorkday("2026-09-20")).toBe(true);
    expect(cal.isWorkday("2026-10-10")).toBe(true);
    expect(restDays("2026-09-28", "2026-10-11")).toEqual([
      ...range("2026-10-01", "2026-10-07"),
      "2026-10-11",
    ]);
  });

  it("counts whole years: 2024 = 251 and 2025 = 248 working days", () => {
    // 2024: 366 − 104 Sat/Sun − 19 holiday weekdays (01-01; 02-12..16; 04-04, 05; 05-01..03; 06-10;
    // 09-16, 17; 10-01..04, 07) + 8 调休 days = 251.
    expect(cal.workdaysBetween("2023-12-31", "2024-12-31")).toBe(251);
    // 2025: 365 − 104 − 18 (01-01; 01-28..31; 02-03, 04; 04-04; 05-01, 02, 05; 06-02; 10-01..03, 06..08) + 5 = 248.
    expect(cal.workdaysBetween("2024-12-31", "2025-12-31")).toBe(248);
  });
});

describe("arithmetic", () => {
  it("addWorkdays(d, 0) is d on a working day and the next working day otherwise", () => {
    expect(cal.addWorkdays("2025-03-05", 0)).toBe("2025-03-05");
    expect(cal.addWorkdays("2025-03-08", 0)).toBe("2025-03-10"); // Saturday → Monday
    expect(cal.addWorkdays("2025-10-01", 0)).toBe("2025-10-09");
    expect(cal.addWorkdays("2025-09-28", 0)).toBe("2025-09-28"); // 调休 Sunday
  });

  it("addWorkdays crosses holidays, 调休 weekends and years", () => {
    expect(cal.addWorkdays("2025-01-24", 1)).toBe("2025-01-26"); // Fri → 调休 Sunday
    expect(cal.addWorkdays("2025-01-27", 1)).toBe("2025-02-05"); // Spring Festival
    expect(cal.addWorkdays("2025-01-27", 3)).toBe("2025-02-07");
    expect(cal.addWorkdays("2025-01-27", 4)).toBe("2025-02-08"); // 调休 Saturday
    expect(cal.addWorkdays("2024-12-30", 2)).toBe("2025-01-02"); // 01-01 off
  });

  it("workdaysBetween counts (from, to]", () => {
    expect(cal.workdaysBetween("2025-03-03", "2025-03-03")).toBe(0);
    expect(cal.workdaysBetween("2025-03-03", "2025-03-04")).toBe(1);
    expect(cal.workdaysBetween("2025-03-04", "2025-03-03")).toBe(0);
    expect(cal.workdaysBetween("2025-03-07", "2025-03-10")).toBe(1); // Fri → Mon
    expect(cal.workdaysBetween("2025-01-27", "2025-02-08")).toBe(4);
    expect(cal.workdaysBetween("2024-12-27", "2025-01-03")).toBe(4); // 12-30, 12-31, 01-02, 01-03
  });

  it("rejects malformed and impossible dates", () => {
    expect(() => cal.isWorkday("2025-02-30")).toThrow(RangeError);
    expect(() => cal.isWorkday("2025/3/5")).toThrow(RangeError);
    expect(() => cal.addWorkdays("2025-03-05", -1)).toThrow(RangeError);
    expect(() => cal.addWorkdays("2025-03-05", 1.5)).toThrow(RangeError);
  });

  const day = fc.integer({ min: dayNumber("2023-06-01"), max: dayNumber("2027-06-30") });

  it("property: workdaysBetween agrees with a day-by-day count", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (a, len) => {
        let n = 0;
        for (let d = a + 1; d <= a + len; d++) if (cal.isWorkday(isoFromDay(d))) n++;
        return cal.workdaysBetween(isoFromDay(a), isoFromDay(a + len)) === n;
      }),
    );
  });

  it("property: addWorkdays(d, n) is a working day exactly n working days after d (a rest day d counting as the next working day)", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (a, n) => {
        const d = isoFromDay(a);
        const w = cal.addWorkdays(d, 0);
        const r = cal.addWorkdays(d, n);
        return (
          cal.isWorkday(w) &&
          (cal.isWorkday(d) ? w === d : cal.workdaysBetween(d, w) === 1) &&
          cal.isWorkday(r) &&
          cal.workdaysBetween(w, r) === n &&
          cal.workdaysBetween(w, isoFromDay(dayNumber(r) - 1)) === n - 1
        );
      }),
    );
  });
});

describe("overrides (工作日历 tab) and coverage", () => {
  it("overrides win over the built-in data", () => {
    const c = createCalendar([
      { date: "2025-10-08", type: "workday" },
      { date: "2025-03-05", type: "holiday" },
      { date: "2025-03-08", type: "workday" },
    ]);
    expect(c.isWorkday("2025-10-08")).toBe(true);
    expect(c.isWorkday("2025-03-05")).toBe(false);
    expect(c.isWorkday("2025-03-08")).toBe(true);
    expect(c.workdaysBetween("2025-03-04", "2025-03-10")).toBe(4); // 03-06, 07, 08, 10
    expect(cal.isWorkday("2025-03-05")).toBe(true); // other calendars unaffected
  });

  it("covers 2004–2026 at least 2024–2026; other years are Monday–Friday with a warning", () => {
    const cov = calendarCoverage();
    expect(cov.from).toBeLessThanOrEqual(2024);
    expect(cov.to).toBeGreaterThanOrEqual(2026);
    expect(cal.covers(2025)).toBe(true);
    expect(cal.warnings(2025)).toEqual([]);
    expect(cal.covers(2031)).toBe(false);
    expect(cal.warnings(2031)).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "calendar-year-not-covered",
        params: expect.objectContaining({ year: 2031 }),
      }),
    ]);
    // 2031-01-01 is a Wednesday: plain weekdays, no holiday known.
    expect(weekdayOfDay(dayNumber("2031-01-01"))).toBe(3);
    expect(cal.isWorkday("2031-01-01")).toBe(true);
    expect(cal.isWorkday("2031-01-04")).toBe(false);
    expect(cal.workdaysBetween("2030-12-31", "2031-12-31")).toBe(261);
  });

  it("a year the workbook's own 工作日历 supplies counts as covered", () => {
    const c = createCalendar([{ date: "2031-01-01", type: "holiday" }]);
    expect(c.covers(2031)).toBe(true);
    expect(c.warnings(2031)).toEqual([]);
    expect(c.isWorkday("2031-01-01")).toBe(false);
  });
});
