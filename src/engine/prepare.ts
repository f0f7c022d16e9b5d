/** Turns incident rows into scorable incidents: known rule, date in the year, verified, once per case. */
import type { Profile, RuleDef } from "../rules/types";
import { normalizeCode } from "../rules/normalize";
import { isIsoDate, type Issue, type IssueCode, type PeriodId, periodsOfDate } from "../core";
import type { AssessmentInput, IncidentRow } from "./types";

export interface Incident extends IncidentRow {
  rule: RuleDef;
  month: PeriodId;
  quarter: PeriodId;
  year: PeriodId;
  /** Month, quarter and year: the periods an effect counts in (shared by incidents of the same date). */
  periods: readonly PeriodId[];
  /** The year alone, for year-only effects (shared). */
  yearPeriods: readonly PeriodId[];
  /** Days since 1970-01-01 of `date`: a number to order and bucket incidents by date cheaply. */
  day: number;
  /** Position in input order; identifies an event without a case id. */
  index: number;
}

function warn(code: IssueCode, row: IncidentRow, params?: Record<string, string | number>): Issue {
  const issue: Issue = { severity: "warning", code, sheet: row.source.sheet, row: row.source.row };
  if (params) issue.params = params;
  return issue;
}

/** Checks and converts rows one at a time (a small per-row method V8 optimises; the loop calls it). */
class Preparer {
  readonly issues: Issue[] = [];
  private readonly windows: Set<string>;
  private readonly staff: Set<string>;
  private readonly byCode: Map<string, RuleDef>;
  private readonly year: string;
  private readonly yearPeriods: readonly PeriodId[];
  private readonly dates = new Map<string, DatePeriods | null>();
  /** Code → case id → first row: a case counts once per code. */
  private readonly seen = new Map<string, Map<string, number>>();

  constructor(
    input: AssessmentInput,
    private readonly profile: Profile,
  ) {
    this.windows = new Set(input.windows.map((w) => w.name));
    this.staff = new Set(input.staff.map((s) => s.name));
    this.byCode = new Map(profile.rules.map((r) => [r.code, r]));
    this.year = String(input.settings.year);
    this.yearPeriods = [this.year];
  }

  private periodsOf(date: string): DatePeriods | null {
    let periods = this.dates.get(date);
    if (periods === undefined) {
      periods = isIsoDate(date) && date.slice(0, 4) === this.year ? splitPeriods(date) : null;
      this.dates.set(date, periods);
    }
    return periods;
  }

  /** True when the row repeats an earlier (code, case id); warns unless the repeat is derived. */
  private repeated(row: IncidentRow, rule: RuleDef): boolean {
    if (!row.caseId) return false;
    let cases = this.seen.get(rule.code);
    if (!cases) this.seen.set(rule.code, (cases = new Map()));
    const first = cases.get(row.caseId);
    if (first === undefined) {
      cases.set(row.caseId, row.source.row);
      return false;
    }
    if (!row.derived) {
      const params = { firstRow: first, code: rule.code, case: row.caseId };
      this.issues.push(warn("duplicate-incident", row, params));
    }
    return true;
  }

  /** Adds the row's incident to `out` when the row scores. */
  take(row: IncidentRow, index: number, out: Incident[]): void {
    const inc = this.incident(row, index);
    if (inc) out.push(inc);
  }

  private incident(row: IncidentRow, index: number): Incident | undefined {
    const { byCode, issues } = this;
    const rule =
      byCode.get(row.code) ?? byCode.get(normalizeCode(this.profile, String(row.code ?? "")) ?? "");
    if (!rule) {
      issues.push(warn("unknown-rule", row, { value: row.code }));
      return undefined;
    }
    const periods = this.periodsOf(row.date);
    if (!periods) {
      issues.push(warn("date-outside-year", row, { date: row.date, year: this.year }));
      return undefined;
    }
    if (!this.windows.has(row.window)) {
      issues.push(warn("unknown-window", row, { value: row.window }));
      return undefined;
    }
    if (!row.verified) {
      issues.push(warn("unverified-row", row, { code: rule.code }));
      return undefined;
    }
    if (!Number.isInteger(row.quantity) || row.quantity < 1) {
      issues.push(warn("bad-quantity", row, { value: row.quantity }));
      return undefined;
    }
    if (this.repeated(row, rule)) return undefined;
    let staffName = row.staff;
    if (staffName !== undefined && !this.staff.has(staffName)) {
      issues.push(warn("unknown-staff", row, { value: staffName }));
      staffName = undefined;
    }
    let points = row.points;
    if (points !== undefined && !pointsAllowed(rule, points)) {
      const range = { min: (rule.range?.min ?? 0) / 10, max: (rule.range?.max ?? 0) / 10 };
      const code = rule.range ? "points-out-of-range" : "points-not-allowed";
      issues.push(warn(code, row, { value: points / 10, code: rule.code, ...range }));
      points = undefined;
    }
    // One object shape for every incident (no spread, no delete): the engine walks these many times.
    return {
      date: row.date,
      window: row.window,
      staff: staffName,
      code: rule.code,
      quantity: row.quantity,
      days: row.days,
      points,
      caseId: row.caseId,
      verified: row.verified,
      source: row.source,
      derived: row.derived,
      rule,
      index,
      month: periods.month,
      quarter: periods.quarter,
      year: periods.year,
      periods: periods.all,
      yearPeriods: this.yearPeriods,
      day: periods.day,
    };
  }
}

/** Validated incidents plus warnings for every row skipped or adjusted. */
export function prepareIncidents(
  input: AssessmentInput,
  profile: Profile,
): { incidents: Incident[]; issues: Issue[] } {
  const preparer = new Preparer(input, profile);
  const rows = input.incidents;
  const out: Incident[] = [];
  // Logged rows first so a derived duplicate (same code and case id) gives way to the logged one.
  const derived: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].derived) derived.push(i);
    else preparer.take(rows[i], i, out);
  }
  const logged = out.length;
  for (let i = 0; i < derived.length; i++) preparer.take(rows[derived[i]], derived[i], out);
  if (logged < out.length) out.sort((a, b) => a.index - b.index);
  return { incidents: out, issues: preparer.issues };
}

interface DatePeriods {
  month: PeriodId;
  quarter: PeriodId;
  year: PeriodId;
  all: readonly PeriodId[];
  day: number;
}

function splitPeriods(date: string): DatePeriods {
  const [month, quarter, year] = periodsOfDate(date);
  const day =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 864e5;
  return { month, quarter, year, all: [month, quarter, year], day };
}

function pointsAllowed(rule: RuleDef, points: number): boolean {
  return !!rule.range && Number.isInteger(points) && points >= rule.range.min && points <= rule.range.max;
}
