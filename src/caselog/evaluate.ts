/** Per-case deadlines and overdue working days (rulebook §7), computed in one pass over typed arrays. */
import { dayNumber, yearStartDay } from "../calendar/days";
import type { WorkCalendar } from "../calendar/types";
import type { CaseRow } from "../engine/types";
import type { IsoDate } from "../core";
import { DayIndex } from "./dayIndex";

/** Marks "no such day" (open case, not overdue). */
export const NONE = -2_147_483_648;
/** The precomputed span reaches at most this far around the assessment year; beyond, the calendar answers. */
const SPAN_LIMIT_DAYS = 3660;

export interface CaseEvaluation {
  index: DayIndex;
  /** Last day counted for open cases: `asOf` (clipped to the year) or 31 December. */
  end: number;
  received: Int32Array;
  /** NONE when open. */
  completed: Int32Array;
  deadline: Int32Array;
  /** Working days after the deadline up to completion, or up to `end` when open; 0 when on time. */
  overdueDays: Int32Array;
  /** First overdue working day, NONE when the case is not overdue (by `end` for open cases). */
  firstOverdue: Int32Array;
}

export interface EvaluateOptions {
  year: number;
  /** Open cases are counted overdue up to this date (default: 31 December of `year`). */
  asOf?: IsoDate;
}

export function evaluateCases(
  cases: readonly CaseRow[],
  calendar: WorkCalendar,
  opts: EvaluateOptions,
): CaseEvaluation {
  const yearStart = yearStartDay(opts.year);
  const yearEnd = yearStartDay(opts.year + 1) - 1;
  const end = opts.asOf === undefined ? yearEnd : Math.min(yearEnd, dayNumber(opts.asOf));
  const index = new DayIndex(calendar, ...span(cases, yearStart, yearEnd));
  const n = cases.length;
  const ev: CaseEvaluation = {
    index,
    end,
    received: new Int32Array(n),
    completed: new Int32Array(n),
    deadline: new Int32Array(n),
    overdueDays: new Int32Array(n),
    firstOverdue: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const c = cases[i];
    const received = index.day(c.received);
    const completed = c.completed === undefined ? NONE : index.day(c.completed);
    const deadline = index.addWorkdays(received, c.promisedDays);
    const days = index.between(deadline, completed === NONE ? end : completed);
    ev.received[i] = received;
    ev.completed[i] = completed;
    ev.deadline[i] = deadline;
    ev.overdueDays[i] = days;
    ev.firstOverdue[i] = days > 0 ? index.addWorkdays(deadline, 1) : NONE;
  }
  return ev;
}

/** Days the cases can touch (received … completed, plus room for deadlines), bounded around the year. */
function span(cases: readonly CaseRow[], yearStart: number, yearEnd: number): [number, number] {
  let lo = yearStart - 1;
  let hi = yearEnd;
  let maxPromised = 0;
  const seen = new Set<string>();
  const widen = (iso: string) => {
    if (seen.has(iso)) return;
    seen.add(iso);
    const d = dayNumber(iso);
    if (d - 1 < lo) lo = d - 1;
    if (d > hi) hi = d;
  };
  for (const c of cases) {
    widen(c.received);
    if (c.completed !== undefined) widen(c.completed);
    if (c.promisedDays > maxPromised) maxPromised = c.promisedDays;
  }
  // A working day at least every ~10 calendar days (Spring Festival is 9), so 2×N + 30 is ample room.
  hi += 2 * maxPromised + 30;
  return [Math.max(lo, yearStart - SPAN_LIMIT_DAYS), Math.min(hi, yearEnd + SPAN_LIMIT_DAYS)];
}
