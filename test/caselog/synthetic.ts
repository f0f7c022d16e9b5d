/**
 * A synthetic county-year shaped like 第五篇's totals: 318,022 received, 314,669 completed, 155,400 即办件.
 * Deterministic; also used by bench/caselog.bench.ts.
 */
import { createCalendar, dayNumber, isoFromDay } from "../../src/calendar";
import type { CaseRow, Satisfaction } from "../../src/engine/types";

export const TONGSHAN = { received: 318_022, completed: 314_669, instant: 155_400 } as const;

export interface SyntheticLog {
  cases: CaseRow[];
  /** 承诺件 completed before, on, and after the deadline. */
  early: number;
  onDeadline: number;
  late: number;
  open: number;
  unsatisfied: number;
  rated: number;
}

/** `windows` windows; 承诺件 promise 5 working days; every 40th completed late by 2 working days. */
export function tongshanLog(windows = 100): SyntheticLog {
  const cal = createCalendar();
  const workdays: string[] = [];
  for (let d = dayNumber("2025-01-02"); d <= dayNumber("2025-12-05"); d++) {
    if (cal.isWorkday(isoFromDay(d))) workdays.push(isoFromDay(d));
  }
  const cache = new Map<string, string>();
  const add = (date: string, n: number) => {
    const key = `${date}+${n}`;
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = cal.addWorkdays(date, n)));
    return v;
  };
  const log: SyntheticLog = {
    cases: [],
    early: 0,
    onDeadline: 0,
    late: 0,
    open: 0,
    unsatisfied: 0,
    rated: 0,
  };
  const promisedCompleted = TONGSHAN.completed - TONGSHAN.instant;
  for (let i = 0; i < TONGSHAN.received; i++) {
    const received = workdays[i % workdays.length];
    const window = `窗口${String(i % windows).padStart(3, "0")}`;
    const row: CaseRow = {
      caseId: `TS${i}`,
      window,
      handler: `${window}-${i % 5}`,
      type: "承诺件",
      received,
      promisedDays: 5,
      source: { sheet: "办件台账", row: i + 2 },
    };
    if (i < TONGSHAN.instant) {
      row.type = "即办件";
      row.promisedDays = 0;
      row.completed = received;
    } else if (i < TONGSHAN.instant + promisedCompleted) {
      const k = i - TONGSHAN.instant;
      if (k % 40 === 0) {
        row.completed = add(received, 7);
        log.late++;
      } else if (k % 3 === 0) {
        row.completed = add(received, 2);
        log.early++;
      } else {
        row.completed = add(received, 5);
        log.onDeadline++;
      }
    } else {
      row.received = add("2025-12-25", i % 5); // open, due in 2026 (12-25 + 5 = 2026-01-02)
      log.open++;
    }
    if (row.completed && i % 7 !== 0) {
      const sat: Satisfaction = i % 211 === 1 ? "不满意" : i % 2 ? "满意" : "基本满意";
      row.satisfaction = sat;
      log.rated++;
      if (sat === "不满意") log.unsatisfied++;
    }
    log.cases.push(row);
  }
  return log;
}
