/** Each overdue case becomes a derived incident (15.7 in tianyang-2008; the code comes from the profile). */
import { isoFromDay, yearStartDay } from "../calendar/days";
import type { WorkCalendar } from "../calendar/types";
import type { CaseRow, IncidentRow } from "../engine/types";
import type { IsoDate } from "../core";
import { evaluateCases, NONE, type CaseEvaluation } from "./evaluate";

export interface OverdueOptions {
  year: number;
  /** The profile's overdue code, e.g. `15.7`. */
  code: string;
  /** Open cases are counted overdue up to this date (default: 31 December of `year`). */
  asOf?: IsoDate;
}

/**
 * One incident per case whose first overdue working day falls in the assessment year (up to `asOf`):
 * dated on that day, `days` = overdue working days, the handler as staff, the case-log row as source.
 */
export function deriveOverdueIncidents(
  cases: readonly CaseRow[],
  calendar: WorkCalendar,
  opts: OverdueOptions,
  evaluation?: CaseEvaluation,
): IncidentRow[] {
  const ev = evaluation ?? evaluateCases(cases, calendar, opts);
  const yearStart = yearStartDay(opts.year);
  const out: IncidentRow[] = [];
  for (let i = 0; i < cases.length; i++) {
    const first = ev.firstOverdue[i];
    if (first === NONE || first < yearStart || first > ev.end) continue;
    const c = cases[i];
    const incident: IncidentRow = {
      date: isoFromDay(first),
      window: c.window,
      code: opts.code,
      quantity: 1,
      days: ev.overdueDays[i],
      caseId: c.caseId,
      verified: true,
      derived: true,
      source: { ...c.source },
    };
    if (c.handler !== undefined) incident.staff = c.handler;
    out.push(incident);
  }
  return out;
}

/**
 * Derived incidents minus those the incident log already records (same case id and code), so that a
 * case is never counted twice; recorded rows win because they carry the evaluator's verification.
 */
export function withoutRecorded(
  derived: readonly IncidentRow[],
  recorded: readonly IncidentRow[],
): IncidentRow[] {
  if (derived.length === 0) return [];
  const keys = new Set(recorded.filter((r) => r.caseId).map((r) => `${r.code}\u0000${r.caseId}`));
  return derived.filter((d) => !keys.has(`${d.code}\u0000${d.caseId}`));
}
