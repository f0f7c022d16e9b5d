/**
 * 人员名册 over time: a person may have several rows (moved between windows), each with optional
 * 进驻日期 / 离开日期. Answers which window(s) a person served in a period or on a date, who was a window's
 * head on a date, and how many people were on the roster in a period. A row without dates spans the year;
 * a row whose dates are reversed (a parse warning) is read as spanning the year too.
 */
import type { Profile } from "../rules/types";
import { periodKind, type IsoDate, type PeriodId } from "../core";
import type { StaffRow } from "./types";

interface Span {
  name: string;
  window: string;
  role: string;
  from: IsoDate;
  to: IsoDate;
}

const FIRST = "0000-01-01";
const LAST = "9999-12-31";

/** First and last day of a month, quarter or year. */
export function periodBounds(period: PeriodId): [IsoDate, IsoDate] {
  const year = period.slice(0, 4);
  const kind = periodKind(period);
  if (kind === "year") return [`${year}-01-01`, `${year}-12-31`];
  const first = kind === "month" ? Number(period.slice(5, 7)) : (Number(period.slice(6)) - 1) * 3 + 1;
  const last = kind === "month" ? first : first + 2;
  const days = new Date(Date.UTC(Number(year), last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, "0");
  return [`${year}-${mm(first)}-01`, `${year}-${mm(last)}-${days}`];
}

function spanOf(s: StaffRow): Span {
  const reversed = s.start !== undefined && s.end !== undefined && s.end < s.start;
  return {
    name: s.name,
    window: s.window,
    role: String(s.role ?? "").trim(),
    from: reversed ? FIRST : (s.start ?? FIRST),
    to: reversed ? LAST : (s.end ?? LAST),
  };
}

export class Roster {
  private readonly byName = new Map<string, Span[]>();
  private readonly spans: Span[];

  constructor(staff: readonly StaffRow[]) {
    this.spans = staff.map(spanOf);
    for (const s of this.spans) {
      const list = this.byName.get(s.name);
      if (list) list.push(s);
      else this.byName.set(s.name, [s]);
    }
  }

  /** Distinct people in roster order. */
  people(): string[] {
    return [...this.byName.keys()];
  }

  /** The window of the person's first row (the person's window when they never moved). */
  firstWindow(name: string): string {
    return this.byName.get(name)?.[0]?.window ?? "";
  }

  /** Windows the person served on at least one day of the period, in roster order. */
  windowsIn(name: string, period: PeriodId): string[] {
    const [from, to] = periodBounds(period);
    const out: string[] = [];
    for (const s of this.byName.get(name) ?? [])
      if (s.from <= to && s.to >= from && !out.includes(s.window)) out.push(s.window);
    return out;
  }

  /** People on the window's roster on at least one day of the period, in roster order. */
  membersIn(window: string, period: PeriodId): string[] {
    return this.people().filter((name) => this.windowsIn(name, period).includes(window));
  }

  /**
   * Each window's head on a date: the first roster row of that window, serving that day, whose role
   * comes first in the profile's `headRoles` (首席代表 before 负责人).
   */
  headsOn(profile: Profile): (window: string, date: IsoDate) => string | undefined {
    const cache = new Map<string, string | undefined>();
    return (window, date) => {
      const key = `${window}\u0001${date}`;
      if (cache.has(key)) return cache.get(key);
      let head: string | undefined;
      for (const role of profile.headRoles) {
        head = this.spans.find(
          (s) => s.window === window && s.role === role && s.from <= date && s.to >= date,
        )?.name;
        if (head !== undefined) break;
      }
      cache.set(key, head);
      return head;
    };
  }
}
