/** Township checklist (rulebook §2): counted score per indicator, total, grade, notes and evidence. */
import type { Points, Profile } from "../rules/types";
import type { Incident } from "./prepare";
import type { AssessmentInput, AuditLine, TownshipResult } from "./types";

const fmt = (p: Points): string => (p / 10).toFixed(1);

/** The township result and its audit lines, or nothing when the workbook has no checklist rows. */
export function scoreTownship(
  input: AssessmentInput,
  profile: Profile,
  incidents: Incident[],
): { result?: TownshipResult; audit: AuditLine[] } {
  if (input.indicators.length === 0) return { audit: [] };
  const year = String(input.settings.year);
  const unit = input.settings.unitName;
  const result: TownshipResult = {
    unit,
    indicators: {},
    selfIndicators: {},
    reviewedIndicators: {},
    total: 0,
    rank: 1,
    grade: "",
    notes: [],
  };
  const audit: AuditLine[] = [];
  for (const row of input.indicators) {
    const counted = row.reviewed ?? row.self ?? 0;
    result.indicators[row.id] = counted;
    result.selfIndicators[row.id] = row.self;
    result.reviewedIndicators[row.id] = row.reviewed;
    result.total += counted;
    if (row.reviewed === undefined)
      result.notes.push({ key: "unreviewed", indicator: row.id, text: profile.township.unreviewedNote });
    const line: AuditLine = {
      entityType: "township",
      entity: unit,
      periods: [year],
      code: row.id,
      text: row.name,
      quantity: 1,
      points: counted,
      source: row.source,
    };
    if (row.reviewed === undefined) line.note = profile.township.unreviewedNote;
    audit.push(line);
  }
  for (const ev of profile.township.evidence) {
    const n = incidents.filter((i) => i.rule.tags.includes(ev.tag)).length;
    result.notes.push({ key: "evidence", indicator: ev.indicator, text: ev.text, count: n });
  }
  const g = profile.township.grades;
  result.grade =
    result.total >= g.excellentFloor ? g.excellent : result.total >= g.passFloor ? g.pass : g.fail;
  return { result, audit };
}

/** Competition ranks for several townships' results (consolidation), in place. */
export function rankTownships(results: TownshipResult[]): void {
  for (const r of results) r.rank = 1 + results.filter((o) => o.total > r.total).length;
}

export { fmt as formatTenths };
