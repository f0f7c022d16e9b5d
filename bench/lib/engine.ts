/** The core's steps as src/pipeline/run.ts calls them, for in-process timings. */
import { createCalendar } from "../../src/calendar";
import { deriveOverdueIncidents, withoutRecorded } from "../../src/caselog";
import { assess } from "../../src/engine";
import type { AssessmentInput } from "../../src/engine/types";
import { builtinProfiles } from "../../src/pipeline";
import { getProfile } from "../../src/rules";
import { parseCaseLog } from "../../src/workbook/parse/caseLogTab";
import { parseWorkbook } from "../../src/workbook/parseWorkbook";
import type { RawSheet } from "../../src/core";

/** RawSheet[] → typed input (the 办件台账 tab included); throws when the workbook has errors. */
export function parseInput(sheets: readonly RawSheet[]): AssessmentInput {
  const parsed = parseWorkbook(sheets, builtinProfiles, { parseCases: parseCaseLog });
  if (!parsed.input) throw new Error(`synthetic workbook does not parse: ${parsed.issues[0]?.code}`);
  return parsed.input;
}

/** Calendar, derived overdue incidents and `assess`; returns the number of derived incidents. */
export function runEngine(input: AssessmentInput): number {
  const profile = getProfile(input.settings.profile);
  if (!profile) throw new Error(`unknown profile ${input.settings.profile}`);
  const calendar = createCalendar(input.calendar);
  const year = input.settings.year;
  const derived = deriveOverdueIncidents(input.cases, calendar, { year, code: profile.caseLog.overdueCode });
  const incidents = [...input.incidents, ...withoutRecorded(derived, input.incidents)];
  assess({ ...input, incidents }, profile, calendar);
  return derived.length;
}
