import fc from "fast-check";
import { createCalendar, dayNumber, isoFromDay } from "../../src/calendar";
import { caseStatistics, evaluateCases } from "../../src/caselog";
import type { CaseRow } from "../../src/engine/types";

const cal = createCalendar([{ date: "2025-06-09", type: "holiday" }]);
const YEAR = 2025;

// Dates from 2013 to 2037, so some fall outside the precomputed span (±10 years) and take the slow path.
const day = fc.integer({ min: dayNumber("2013-01-01"), max: dayNumber("2037-12-31") });
const nearYear = fc.integer({ min: dayNumber("2024-11-01"), max: dayNumber("2026-02-28") });
const caseArb = fc
  .record({
    received: fc.oneof(nearYear, nearYear, day),
    promised: fc.integer({ min: 0, max: 30 }),
    instant: fc.boolean(),
    doneAfter: fc.option(fc.integer({ min: 0, max: 60 })),
    window: fc.constantFrom("甲", "乙", "丙"),
  })
  .map((r, i = 0): CaseRow => ({
    caseId: `P${i}`,
    window: r.window,
    type: r.instant ? "即办件" : "承诺件",
    received: isoFromDay(r.received),
    promisedDays: r.instant ? 0 : r.promised,
    ...(r.doneAfter === null ? {} : { completed: isoFromDay(r.received + r.doneAfter) }),
    source: { sheet: "办件台账", row: 2 },
  }));

describe("case evaluation agrees with the calendar's own answers", () => {
  it("deadline, overdue days and first overdue day, for any case and asOf", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 30 }), fc.option(nearYear), (cases, asOfDay) => {
        const asOf = asOfDay === null ? undefined : isoFromDay(asOfDay);
        const ev = evaluateCases(cases, cal, { year: YEAR, ...(asOf ? { asOf } : {}) });
        const end = asOf && asOf < "2025-12-31" ? asOf : "2025-12-31";
        cases.forEach((c, i) => {
          const deadline = cal.addWorkdays(c.received, c.promisedDays);
          const days = cal.workdaysBetween(deadline, c.completed ?? end);
          expect(isoFromDay(ev.deadline[i])).toBe(deadline);
          expect(ev.overdueDays[i]).toBe(days);
          if (days > 0) expect(isoFromDay(ev.firstOverdue[i])).toBe(cal.addWorkdays(deadline, 1));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("months add up to quarters and the year, windows to the total; rates stay in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 60 }), (cases) => {
        const stats = caseStatistics(cases, cal, { year: YEAR });
        const get = (p: string, w: string) => stats.find((s) => s.period === p && s.window === w)!;
        for (const w of [...new Set(cases.map((c) => c.window)), "合计"]) {
          for (const key of ["received", "completed", "instant", "overdue", "onTime", "rated"] as const) {
            const months = Array.from({ length: 12 }, (_, m) =>
              get(`2025-${String(m + 1).padStart(2, "0")}`, w),
            );
            const quarters = [1, 2, 3, 4].map((q) => get(`2025-Q${q}`, w));
            const sum = (rows: typeof months) => rows.reduce((n, s) => n + (s[key] ?? 0), 0);
            expect(sum(months)).toBe(get("2025", w)[key]);
            expect(sum(quarters)).toBe(get("2025", w)[key]);
          }
        }
        for (const s of stats) {
          for (const r of [s.instantRate, s.onTimeRate, s.earlyRate, s.satisfactionRate]) {
            if (r !== undefined) expect(r >= 0 && r <= 1).toBe(true);
          }
          expect(s.completed === 0).toBe(s.instantRate === undefined);
        }
      }),
      { numRuns: 50 },
    );
  });
});
