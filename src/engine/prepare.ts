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
  const dates = new Map<string, ReturnType<typeof splitPeriods> | null>();
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
    const inc: Incident = {
      date: row.date,
      window: row.window,
      staff: row.staff,
      code: rule.code,
      quantity: row.quantity,
      days: row.days,
      points: row.points,
      caseId: row.caseId,
      verified: row.verified,
      source: row.source,
      derived: row.derived,
      rule,
      index,
      ...periods,
    };
    if (inc.staff !== undefined && !staff.has(inc.staff)) {
      issues.push(warn("unknown-staff", row, { value: inc.staff }));
      delete inc.staff;
    }
    if (inc.points !== undefined && !pointsAllowed(rule, inc.points)) {
      const range = { min: (rule.range?.min ?? 0) / 10, max: (rule.range?.max ?? 0) / 10 };
      const code = rule.range ? "points-out-of-range" : "points-not-allowed";
      issues.push(warn(code, row, { value: inc.points / 10, code: rule.code, ...range }));
      delete inc.points;
    }
    out.push(inc);
  }
  if (logged < ordered.length) out.sort((a, b) => a.index - b.index);
  return { incidents: out, issues };
}

function splitPeriods(date: string): { month: PeriodId; quarter: PeriodId; year: PeriodId } {
  const [month, quarter, year] = periodsOfDate(date);
  return { month, quarter, year };
}

function pointsAllowed(rule: RuleDef, points: number): boolean {
  return !!rule.range && Number.isInteger(points) && points >= rule.range.min && points <= rule.range.max;
}
