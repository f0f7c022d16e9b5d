/** E-supervision statistics per window and period (rulebook §7), from month counters summed into periods. */
import type { WorkCalendar } from "../calendar/types";
import type { CaseRow, CaseStats, TownshipNote } from "../engine/types";
import { type IsoDate, monthsOfPeriod, monthTable, type PeriodId, periodsOfYear } from "../core";
import type { Points } from "../rules/types";
import { evaluateCases, NONE, type CaseEvaluation } from "./evaluate";

/** Window name of the all-windows row. */
export const TOTAL_WINDOW = "合计";

export interface CaseStatsOptions {
  year: number;
  /** Periods to report, in this order (default: every month, quarter, then the year). */
  periods?: readonly PeriodId[];
  /** Open cases are counted overdue up to this date (default: 31 December of `year`). */
  asOf?: IsoDate;
  /** Roster windows, reported even without cases (rates blank); others follow in order of appearance. */
  windows?: readonly string[];
  /** Add a `合计` row per period over all windows (default true). */
  total?: boolean;
}

// Counter slots per window and month.
const RECEIVED = 0;
const COMPLETED = 1;
const INSTANT = 2;
const PROMISED = 3;
const ON_TIME = 4;
const EARLY = 5;
const OVERDUE = 6;
const OVERDUE_DAYS = 7;
const RATED = 8;
const SATISFIED = 9;
const SLOTS = 10;
const MONTHS = 12;

export function caseStatistics(
  cases: readonly CaseRow[],
  calendar: WorkCalendar,
  opts: CaseStatsOptions,
  evaluation?: CaseEvaluation,
): CaseStats[] {
  const ev = evaluation ?? evaluateCases(cases, calendar, opts);
  const windowIds = new Map<string, number>();
  for (const w of opts.windows ?? []) if (!windowIds.has(w)) windowIds.set(w, windowIds.size);
  for (const c of cases) if (!windowIds.has(c.window)) windowIds.set(c.window, windowIds.size);
  const counts = new Float64Array((windowIds.size + 1) * MONTHS * SLOTS);
  const { start, month } = monthTable(opts.year);
  const last = Math.min(ev.end, start + month.length - 1);
  // Counter offset of a day's month for a window, or -1 outside the year / after `end` (NONE is < start).
  const at = (base: number, day: number) =>
    day < start || day > last ? -1 : base + month[day - start] * SLOTS;

  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const base = windowIds.get(c.window)! * MONTHS * SLOTS;
    const rec = at(base, ev.received[i]);
    if (rec >= 0) counts[rec + RECEIVED]++;
    const done = ev.completed[i];
    const fin = at(base, done);
    if (fin >= 0) {
      counts[fin + COMPLETED]++;
      if (c.type === "即办件") counts[fin + INSTANT]++;
      else {
        counts[fin + PROMISED]++;
        if (done <= ev.deadline[i]) counts[fin + ON_TIME]++;
        if (done < ev.deadline[i]) counts[fin + EARLY]++;
      }
    }
    const late = at(base, ev.firstOverdue[i]);
    if (late >= 0) {
      counts[late + OVERDUE]++;
      counts[late + OVERDUE_DAYS] += ev.overdueDays[i];
    }
    if (c.satisfaction !== undefined) {
      // Rated when completed; a rating on an open case counts in the month it was received.
      const rated = done === NONE ? rec : fin;
      if (rated >= 0) {
        counts[rated + RATED]++;
        if (c.satisfaction !== "不满意") counts[rated + SATISFIED]++;
      }
    }
  }

  const names = [...windowIds.keys()];
  const totalId = names.length;
  if (opts.total !== false) {
    for (let w = 0; w < totalId; w++) {
      for (let k = 0; k < MONTHS * SLOTS; k++)
        counts[totalId * MONTHS * SLOTS + k] += counts[w * MONTHS * SLOTS + k];
    }
  }
  const rows: [string, number][] = names.map((n, w) => [n, w]);
  if (opts.total !== false) rows.push([TOTAL_WINDOW, totalId]);

  const out: CaseStats[] = [];
  for (const period of opts.periods ?? periodsOfYear(opts.year)) {
    const months = monthsOfPeriod(period, opts.year);
    if (!months) throw new RangeError(`caseStatistics: ${period} is not a period of ${opts.year}`);
    for (const [window, w] of rows) {
      const sum = (slot: number) => months.reduce((s, m) => s + counts[(w * MONTHS + m) * SLOTS + slot], 0);
      out.push(statsRow(period, window, sum));
    }
  }
  return out;
}

function statsRow(period: PeriodId, window: string, sum: (slot: number) => number): CaseStats {
  const completed = sum(COMPLETED);
  const instant = sum(INSTANT);
  const promised = sum(PROMISED);
  const onTime = sum(ON_TIME);
  const early = sum(EARLY);
  const rated = sum(RATED);
  const satisfied = sum(SATISFIED);
  const row: CaseStats = {
    period,
    window,
    received: sum(RECEIVED),
    completed,
    instant,
    overdue: sum(OVERDUE),
    promised,
    onTime,
    early,
    overdueDays: sum(OVERDUE_DAYS),
    rated,
    satisfied,
  };
  const ratio = (a: number, b: number) => (b > 0 ? a / b : undefined);
  const rates = {
    instantRate: ratio(instant, completed),
    onTimeRate: ratio(onTime, promised),
    earlyRate: ratio(early, promised),
    satisfactionRate: ratio(satisfied, rated),
  };
  for (const [k, v] of Object.entries(rates)) if (v !== undefined) row[k as keyof typeof rates] = v;
  return row;
}

/**
 * T6 evidence (第一篇 办结率, 15 points): 15 × on-time rate in tenths, rounded half up; undefined without
 * completed 承诺件. Uses the exact counts when present.
 */
export function t6Evidence(stats: CaseStats, max: Points = 150): Points | undefined {
  if (stats.promised !== undefined && stats.onTime !== undefined) {
    if (stats.promised === 0) return undefined;
    return Math.floor((2 * max * stats.onTime + stats.promised) / (2 * stats.promised));
  }
  return stats.onTimeRate === undefined ? undefined : Math.round(max * stats.onTimeRate + 1e-9);
}

/**
 * The township note beside the evaluator's T6 score, from the year's all-windows row:
 * T6 suggested from the on-time rate (worded `T6 建议 13.5 (按期办结率 90.0%)`); undefined without completed 承诺件 that year.
 */
export function t6EvidenceNote(stats: readonly CaseStats[], year: number): TownshipNote | undefined {
  const total = stats.find((s) => s.period === String(year) && s.window === TOTAL_WINDOW);
  const points = total && t6Evidence(total);
  if (points === undefined || total?.onTimeRate === undefined) return undefined;
  return { key: "caseLogSuggestion", indicator: "T6", points, rate: total.onTimeRate };
}
