/**
 * Working-day ordinals over a span of days, precomputed once so that each case costs O(1):
 * W[i] = working days in [lo, lo + i]. Days outside the span fall back to the calendar itself.
 */
import { dayNumber, isoFromDay } from "../calendar/days";
import type { WorkCalendar } from "../calendar/types";
import type { IsoDate } from "../core";

export class DayIndex {
  private readonly cum: Int32Array;
  private readonly flags: Uint8Array;
  /** byOrdinal[k] = day number of the k-th working day of the span (k ≥ 1). */
  private readonly byOrdinal: Int32Array;
  private readonly dayCache = new Map<string, number>();

  constructor(
    private readonly calendar: WorkCalendar,
    readonly lo: number,
    readonly hi: number,
  ) {
    const len = hi - lo + 1;
    this.cum = new Int32Array(len);
    this.flags = new Uint8Array(len);
    const fast = (calendar as { isWorkdayNumber?: (d: number) => boolean }).isWorkdayNumber;
    let count = 0;
    const ordinals: number[] = [0];
    for (let i = 0; i < len; i++) {
      const work = fast ? fast(lo + i) : calendar.isWorkday(isoFromDay(lo + i));
      if (work) {
        count++;
        ordinals.push(lo + i);
      }
      this.flags[i] = work ? 1 : 0;
      this.cum[i] = count;
    }
    this.byOrdinal = Int32Array.from(ordinals);
  }

  /** Day number of an ISO date (memoised: a log repeats a few hundred dates). */
  day(iso: IsoDate): number {
    let d = this.dayCache.get(iso);
    if (d === undefined) {
      d = dayNumber(iso);
      this.dayCache.set(iso, d);
    }
    return d;
  }

  private inSpan(day: number): boolean {
    return day >= this.lo && day <= this.hi;
  }

  /** The Nth working day after `day`, a rest day counting as the next working day (N = 0: that day). */
  addWorkdays(day: number, n: number): number {
    if (this.inSpan(day)) {
      const i = day - this.lo;
      const target = this.cum[i] - this.flags[i] + 1 + n; // a rest day counts as the next working day
      if (target < this.byOrdinal.length) return this.byOrdinal[target];
    }
    return dayNumber(this.calendar.addWorkdays(isoFromDay(day), n));
  }

  /** Working days in (from, to]. */
  between(from: number, to: number): number {
    if (to <= from) return 0;
    if (this.inSpan(from) && this.inSpan(to)) return this.cum[to - this.lo] - this.cum[from - this.lo];
    return this.calendar.workdaysBetween(isoFromDay(from), isoFromDay(to));
  }
}
