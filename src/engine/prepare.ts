/** Turns incident rows into scorable incidents: known rule, date in the year, verified, once per case. */
import type { Profile, RuleDef } from "../rules/types";
import { normalizeCode } from "../rules/normalize";
import { isIsoDate, periodsOfDate } from "./periods";
import type { AssessmentInput, IncidentRow, Issue, PeriodId } from "./types";

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

function warn(code: string, row: IncidentRow, params?: Record<string, string | number>): Issue {
  const issue: Issue = { severity: "warning", code, sheet: row.source.sheet, row: row.source.row };
  if (params) issue.params = params;
  return issue;
}

/** Validated incidents plus warnings for every row skipped or adjusted. */
export function prepareIncidents(
  input: AssessmentInput,
  profile: Profile,
): { incidents: Incident[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const windows = new Set(input.windows.map((w) => w.name));
  const staff = new Set(input.staff.map((s) => s.name));
  const byCode = new Map(profile.rules.map((r) => [r.code, r]));
  const year = String(input.settings.year);
  const dates = new Map<string, DatePeriods | null>();
  const yearPeriods: readonly PeriodId[] = [year];
  // Logged rows first so a derived duplicate (same code and case id) gives way to the logged one.
  const rows = input.incidents;
  const ordered: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!rows[i].derived) ordered.push(i);
  const logged = ordered.length;
  for (let i = 0; i < rows.length; i++) if (rows[i].derived) ordered.push(i);
  const seen = new Map<string, number>();
  const out: Incident[] = [];
  for (const index of ordered) {
    const row = rows[index];
    const rule = byCode.get(row.code) ?? byCode.get(normalizeCode(profile, String(row.code ?? "")) ?? "");
    if (!rule) {
      issues.push(warn("unknown-rule", row, { value: row.code }));
      continue;
    }
    let periods = dates.get(row.date);
    if (periods === undefined) {
      periods = isIsoDate(row.date) && row.date.slice(0, 4) === year ? splitPeriods(row.date) : null;
      dates.set(row.date, periods);
    }
    if (!periods) {
      issues.push(warn("date-outside-year", row, { date: row.date, year }));
      continue;
    }
    if (!windows.has(row.window)) {
      issues.push(warn("unknown-window", row, { value: row.window }));
      continue;
    }
    if (!row.verified) {
      issues.push(warn("unverified-row", row, { code: rule.code }));
      continue;
    }
    if (!Number.isInteger(row.quantity) || row.quantity < 1) {
      issues.push(warn("bad-quantity", row, { value: row.quantity }));
      continue;
    }
    if (row.caseId) {
      const key = `${rule.code}\u0001${row.caseId}`;
      const first = seen.get(key);
      if (first !== undefined) {
        if (!row.derived)
          issues.push(
            warn("duplicate-incident", row, { firstRow: first, code: rule.code, case: row.caseId }),
          );
        continue;
      }
      seen.set(key, row.source.row);
    }
    let staffName = row.staff;
    if (staffName !== undefined && !staff.has(staffName)) {
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
    const inc: Incident = {
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
      yearPeriods,
      day: periods.day,
    };
    out.push(inc);
  }
  if (logged < ordered.length) out.sort((a, b) => a.index - b.index);
  return { incidents: out, issues };
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
