import { createCalendar } from "../../src/calendar";
import {
  caseStatistics,
  deriveOverdueIncidents,
  evaluateCases,
  t6Evidence,
  TOTAL_WINDOW,
} from "../../src/caselog";
import { renderCaseStats } from "../../src/workbook/renderCaseStats";
import { TONGSHAN, tongshanLog } from "./synthetic";

const cal = createCalendar();
const log = tongshanLog();

describe("a synthetic county-year with 第五篇's totals", () => {
  const ev = evaluateCases(log.cases, cal, { year: 2025 });
  const stats = caseStatistics(log.cases, cal, { year: 2025 }, ev);
  const year = stats.find((s) => s.period === "2025" && s.window === TOTAL_WINDOW)!;

  it("reproduces 318,022 received, 314,669 completed, 155,400 即办件 and 即办件率 49.4%", () => {
    expect(year).toMatchObject({
      received: TONGSHAN.received,
      completed: TONGSHAN.completed,
      instant: TONGSHAN.instant,
    });
    expect(year.instantRate).toBeCloseTo(155_400 / 314_669, 12);
    expect((year.instantRate! * 100).toFixed(1)).toBe("49.4");
  });

  it("gets the 承诺件 rates, overdue count and satisfaction from the constructed counts", () => {
    const promised = log.early + log.onDeadline + log.late;
    expect(year.promised).toBe(promised);
    expect(year.onTime).toBe(log.early + log.onDeadline);
    expect(year.early).toBe(log.early);
    expect(year.overdue).toBe(log.late);
    expect(year.overdueDays).toBe(2 * log.late);
    expect(year.satisfactionRate).toBeCloseTo((log.rated - log.unsatisfied) / log.rated, 12);
    expect(year.satisfactionRate!).toBeGreaterThan(0.99);
    expect(t6Evidence(year)).toBe(
      Math.floor((300 * (log.early + log.onDeadline) + promised) / (2 * promised)),
    );
  });

  it("windows add up to the total in every period", () => {
    for (const period of new Set(stats.map((s) => s.period))) {
      const rows = stats.filter((s) => s.period === period && s.window !== TOTAL_WINDOW);
      const total = stats.find((s) => s.period === period && s.window === TOTAL_WINDOW)!;
      expect(rows).toHaveLength(100);
      for (const key of ["received", "completed", "instant", "overdue", "promised", "onTime"] as const) {
        expect(rows.reduce((n, s) => n + (s[key] ?? 0), 0)).toBe(total[key]);
      }
    }
  });

  it("derives one 15.7 per late case, each 2 working days, none for open cases not yet due", () => {
    const incidents = deriveOverdueIncidents(log.cases, cal, { year: 2025, code: "15.7" }, ev);
    expect(incidents).toHaveLength(log.late);
    expect(incidents.every((i) => i.days === 2 && i.derived && i.staff?.startsWith(i.window))).toBe(true);
  });

  it("renders the 办件统计 tab with the year's total row", () => {
    const sheet = renderCaseStats(stats, "2025");
    expect(sheet.rows).toHaveLength(101);
    expect(sheet.rows[100]).toEqual([
      "2025",
      TOTAL_WINDOW,
      318_022,
      314_669,
      155_400,
      year.instantRate,
      year.onTimeRate,
      year.earlyRate,
      log.late,
      year.satisfactionRate,
    ]);
  });
});
