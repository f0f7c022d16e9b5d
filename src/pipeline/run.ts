/** The pure pipeline: RawSheet[] → parse → case log → calendar → engine → render → RunOutcome. */
import { createCalendar } from "../calendar";
import type { WorkCalendar } from "../calendar/types";
import {
  caseStatistics,
  deriveOverdueIncidents,
  evaluateCases,
  t6EvidenceNote,
  withoutRecorded,
} from "../caselog";
import type { AssessmentInput, AssessmentResult } from "../engine/types";
import type { Issue } from "../core";
import { getProfile, type Profile } from "../rules";
import { parseCaseLog } from "../workbook/parse/caseLogTab";
import { normalizePeriod } from "../workbook/parse/extras";
import { capIssues, parseWorkbook } from "../workbook/parseWorkbook";
import type { ProfileResolver } from "../workbook/profile";
import { renderResults } from "../workbook/render/results";
import { renderCaseStats } from "../workbook/renderCaseStats";
import type { SheetModel } from "../workbook/types";
import { stampOutputs } from "./stampOutputs";
import { builtinProfiles } from "./profiles";
import type { RunAssessment, RunOptions, RunOutcome } from "./types";

/** The engine's entry point (src/engine `assess`), injectable for tests. */
export type AssessFn = (input: AssessmentInput, profile: Profile, calendar: WorkCalendar) => AssessmentResult;

export interface PipelineDeps {
  assess: AssessFn;
  resolveProfile?: ProfileResolver;
  /** Full profile for the engine (defaults to the built-in profiles). */
  profile?: (id: string) => Profile | undefined;
}

/** One issue per (severity, code, sheet, row): parse and engine may both report e.g. an unverified row. */
export function dedupeIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = [i.severity, i.code, i.sheet ?? "", i.row ?? ""].join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const failed = (issues: Issue[], input?: AssessmentInput): RunOutcome => {
  const outcome: RunOutcome = { ok: false, issues, sheets: [], flags: [] };
  if (input) outcome.input = input;
  return outcome;
};

/** Builds `runAssessment` over an engine. */
export function createRunAssessment(deps: PipelineDeps): RunAssessment {
  const resolve = deps.resolveProfile ?? builtinProfiles;
  const fullProfile = deps.profile ?? getProfile;
  return (sheets, options: RunOptions = {}) => {
    const parseOptions = {
      parseCases: parseCaseLog,
      // Capped once, at the end, over parse + calendar + engine issues.
      cap: Number.POSITIVE_INFINITY,
      ...(options.profile ? { profile: options.profile } : {}),
    };
    const parsed = parseWorkbook(sheets, resolve, parseOptions);
    const profile = parsed.input && fullProfile(parsed.input.settings.profile);
    if (!parsed.input || !profile) return failed(capIssues(parsed.issues));
    const input = parsed.input;
    const year = input.settings.year;

    let period: string | undefined;
    if (options.period !== undefined) {
      period = normalizePeriod(options.period);
      if (!period)
        return failed([{ severity: "error", code: "bad-period", params: { value: options.period } }], input);
      if (!period.startsWith(String(year))) {
        return failed([{ severity: "error", code: "period-not-in-year", params: { period, year } }], input);
      }
    }

    const calendar = createCalendar(input.calendar);
    // Open cases are overdue only up to the day of the run (or the year's end, for a past year).
    const caseOptions = options.asOf ? { year, asOf: options.asOf } : { year };
    const evaluation = evaluateCases(input.cases, calendar, caseOptions);
    const derived = deriveOverdueIncidents(
      input.cases,
      calendar,
      { ...caseOptions, code: profile.caseLog.overdueCode },
      evaluation,
    );
    const engineInput: AssessmentInput = {
      ...input,
      incidents: [...input.incidents, ...withoutRecorded(derived, input.incidents)],
    };
    const result = deps.assess(engineInput, profile, calendar);
    const windows = input.windows.map((w) => w.name);
    if (input.cases.length > 0) {
      result.caseStats = caseStatistics(input.cases, calendar, { ...caseOptions, windows }, evaluation);
      // T6 evidence beside the evaluator's score, never replacing it (rulebook §2).
      const note = t6EvidenceNote(result.caseStats, year);
      if (note) for (const t of result.townships) t.notes.push(note);
    }

    const issues = capIssues(dedupeIssues([...parsed.issues, ...calendar.warnings(year), ...result.issues]));
    const ok = !issues.some((i) => i.severity === "error");
    const rendered: SheetModel[] = renderResults(result, input, period ? { period } : {});
    if (result.caseStats.length > 0) rendered.push(renderCaseStats(result.caseStats, period));
    const stamped = ok ? stampOutputs(sheets, rendered, result, engineInput, options, period) : undefined;
    const outcome: RunOutcome = {
      ok,
      input: engineInput,
      result,
      issues,
      sheets: stamped?.sheets ?? [],
      flags: ok ? result.flags : [],
    };
    if (stamped) outcome.fingerprint = stamped.fingerprint;
    if (period) outcome.period = period;
    return outcome;
  };
}
