import { createCalendar } from "../../src/calendar";
import { deriveOverdueIncidents, evaluateCases, withoutRecorded } from "../../src/caselog";
import { isoFromDay } from "../../src/calendar";
import type { IncidentRow } from "../../src/engine/types";
import { kase } from "./helpers";

const cal = createCalendar();
const OPTS = { year: 2025, code: "15.7" };

function evaluate(c: ReturnType<typeof kase>, asOf?: string) {
  const ev = evaluateCases([c], cal, { year: 2025, asOf });
  return {
    deadline: isoFromDay(ev.deadline[0]),
    days: ev.overdueDays[0],
    firstOverdue: ev.overdueDays[0] > 0 ? isoFromDay(ev.firstOverdue[0]) : undefined,
  };
}

describe("deadlines (hand-computed on the 2025 calendar)", () => {
  it("承诺件 across the Spring Festival and its 调休 Sunday", () => {
    // Fri 01-24 + 3: 01-26 (调休 Sun) 1, 01-27 2, [01-28..02-04 off], 02-05 3.
    expect(evaluate(kase("A", "承诺件", "2025-01-24", 3, "2025-02-05"))).toEqual({
      deadline: "2025-02-05",
      days: 0,
      firstOverdue: undefined,
    });
    expect(evaluate(kase("A", "承诺件", "2025-01-24", 3, "2025-02-07"))).toEqual({
      deadline: "2025-02-05",
      days: 2,
      firstOverdue: "2025-02-06",
    });
  });

  it("承诺件 across National Day, completed on the 调休 Saturday", () => {
    // Fri 09-26 + 5: 09-28 (调休 Sun), 09-29, 09-30, [10-01..08 off], 10-09, 10-10; 10-11 (调休 Sat) is late.
    expect(evaluate(kase("A", "承诺件", "2025-09-26", 5, "2025-10-11"))).toEqual({
      deadline: "2025-10-10",
      days: 1,
      firstOverdue: "2025-10-11",
    });
  });

  it("即办件 is due the same working day", () => {
    expect(evaluate(kase("A", "即办件", "2025-03-05", 0, "2025-03-05")).days).toBe(0);
    expect(evaluate(kase("A", "即办件", "2025-03-05", 0, "2025-03-06"))).toEqual({
      deadline: "2025-03-05",
      days: 1,
      firstOverdue: "2025-03-06",
    });
    // Received on a Saturday: due Monday.
    expect(evaluate(kase("A", "即办件", "2025-03-08", 0, "2025-03-10"))).toEqual({
      deadline: "2025-03-10",
      days: 0,
      firstOverdue: undefined,
    });
  });

  // Rulebook §7 (in the profile's interpretations): a case received on a rest day counts as received on
  // the next working day. received | type | promised days | completed | deadline | overdue days
  it.each([
    ["2025-10-03", "即办件", 0, "2025-10-09", "2025-10-09", 0],
    ["2025-10-03", "即办件", 0, "2025-10-10", "2025-10-09", 1],
    // Holiday 10-01 counts as Thu 10-09; + 2: Fri 10-10, Sat 10-11 (a 调休 working day).
    ["2025-10-01", "承诺件", 2, "2025-10-11", "2025-10-11", 0],
    ["2025-10-01", "承诺件", 2, "2025-10-13", "2025-10-11", 1],
    // Sunday counts as Mon 03-10; + 3: Tue, Wed, Thu — the same as a Monday reception.
    ["2025-03-09", "承诺件", 3, "2025-03-13", "2025-03-13", 0],
    ["2025-03-09", "承诺件", 3, "2025-03-14", "2025-03-13", 1],
    ["2025-03-10", "承诺件", 3, "2025-03-13", "2025-03-13", 0],
    ["2025-01-01", "即办件", 0, "2025-01-02", "2025-01-02", 0],
  ] as const)(
    "received on a rest day %s (%s, %i days), completed %s: due %s, %i overdue",
    (received, type, n, done, deadline, days) => {
      expect(evaluate(kase("A", type, received, n, done))).toMatchObject({ deadline, days });
    },
  );

  it("open cases are overdue up to the period end (31 December, or asOf)", () => {
    // Mon 12-01 + 5 = Mon 12-08; (12-08, 12-31]: 4 + 5 + 5 + 3 = 17 working days.
    expect(evaluate(kase("A", "承诺件", "2025-12-01", 5))).toEqual({
      deadline: "2025-12-08",
      days: 17,
      firstOverdue: "2025-12-09",
    });
    expect(evaluate(kase("A", "承诺件", "2025-12-01", 5), "2025-12-15").days).toBe(5);
    expect(evaluate(kase("A", "承诺件", "2025-12-01", 5), "2025-12-08").days).toBe(0);
  });

  it("workbook overrides move deadlines", () => {
    const c = kase("A", "承诺件", "2025-03-03", 2, "2025-03-05");
    expect(evaluateCases([c], cal, { year: 2025 }).overdueDays[0]).toBe(0);
    const closed = createCalendar([{ date: "2025-03-04", type: "holiday" }]);
    // 03-04 closed: 03-05 is day 1, 03-06 day 2.
    expect(isoFromDay(evaluateCases([c], closed, { year: 2025 }).deadline[0])).toBe("2025-03-06");
    const worked = createCalendar([{ date: "2025-03-01", type: "workday" }]);
    const early = kase("A", "承诺件", "2025-02-28", 1, "2025-03-03");
    expect(evaluateCases([early], worked, { year: 2025 }).overdueDays[0]).toBe(1); // due Sat 03-01
  });
});

describe("deriveOverdueIncidents", () => {
  it("one incident per overdue case, dated on its first overdue working day, across a month boundary", () => {
    // Tue 03-25 + 3 = Fri 03-28; completed Thu 04-03: 03-31, 04-01, 04-02, 04-03 = 4 days, from March 31.
    const late = kase("窗口甲", "承诺件", "2025-03-25", 3, "2025-04-03", {
      handler: "张三",
      caseId: "BJ-001",
    });
    const onTime = kase("窗口甲", "承诺件", "2025-03-25", 3, "2025-03-28");
    const open = kase("窗口乙", "即办件", "2025-12-30", 0);
    const incidents = deriveOverdueIncidents([late, onTime, open], cal, OPTS);
    expect(incidents).toEqual<IncidentRow[]>([
      {
        date: "2025-03-31",
        window: "窗口甲",
        staff: "张三",
        code: "15.7",
        quantity: 1,
        days: 4,
        caseId: "BJ-001",
        verified: true,
        derived: true,
        source: late.source,
      },
      {
        date: "2025-12-31",
        window: "窗口乙",
        code: "15.7",
        quantity: 1,
        days: 1,
        caseId: open.caseId,
        verified: true,
        derived: true,
        source: open.source,
      },
    ]);
  });

  it("takes cases that fall overdue in the assessment year, not before it, nor after asOf", () => {
    // Received 2024-12-30 + 1 = 12-31; 01-01 off; overdue 01-02, 01-03 → a 2025 incident of 2 days.
    const fromLastYear = kase("A", "承诺件", "2024-12-30", 1, "2025-01-03");
    const lastYearsCase = kase("A", "承诺件", "2024-12-02", 1, "2024-12-10");
    const later = kase("A", "承诺件", "2025-06-02", 1, "2025-06-10");
    const all = deriveOverdueIncidents([fromLastYear, lastYearsCase, later], cal, OPTS);
    expect(all.map((i) => [i.date, i.days])).toEqual([
      ["2025-01-02", 2],
      ["2025-06-05", 4], // 端午 05-31..06-02: received as of 06-03, due 06-04; late 06-05, 06, 09, 10
    ]);
    const asOfMay = deriveOverdueIncidents([fromLastYear, lastYearsCase, later], cal, {
      ...OPTS,
      asOf: "2025-05-31",
    });
    expect(asOfMay.map((i) => i.date)).toEqual(["2025-01-02"]);
  });

  it("does not count a case twice when the incident log records it with the same code", () => {
    const a = kase("A", "即办件", "2025-03-05", 0, "2025-03-07", { caseId: "X1" });
    const b = kase("A", "即办件", "2025-03-05", 0, "2025-03-07", { caseId: "X2" });
    const derived = deriveOverdueIncidents([a, b], cal, OPTS);
    const recorded: IncidentRow[] = [
      { ...derived[0], derived: undefined, source: { sheet: "事项记录", row: 9 } },
      { ...derived[1], code: "24.1", derived: undefined, source: { sheet: "事项记录", row: 10 } },
    ];
    expect(withoutRecorded(derived, recorded).map((i) => i.caseId)).toEqual(["X2"]);
  });
});
