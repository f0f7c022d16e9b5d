/** RawSheet[] → AssessmentInput + located issues, per the workbook contract (docs workbook.md). */
import type { AssessmentInput, CaseRow } from "../engine/types";
import type { Issue, RawSheet } from "../core";
import { isBlankRow } from "./cells";
import { aliasKeys, findTab } from "./headers";
import { matchKey } from "./text";
import type { ProfileResolver } from "./profile";
import { parseCalendar, parseOverrides } from "./parse/extras";
import type { ParseContext } from "./parse/context";
import { parseIncidents } from "./parse/incidents";
import { parseIndicators } from "./parse/indicators";
import { parseStaff, parseWindows } from "./parse/rosters";
import { parseSettings } from "./parse/settings";
import {
  CALENDAR_TAB,
  CASES_TAB,
  INCIDENTS_TAB,
  INDICATORS_TAB,
  ISSUE_CAP,
  OVERRIDES_TAB,
  SETTINGS_TAB,
  STAFF_TAB,
  WINDOWS_TAB,
  type TabDef,
} from "./schema";

export interface ParseOptions {
  /** Overrides the workbook's 规则版本. */
  profile?: string;
  /** Parses 办件台账; wired by the pipeline (the case-log parser lives in ./caseLog). */
  parseCases?: (
    sheet: RawSheet | undefined,
    ctx: { year?: number; windows: string[]; staff: string[] },
  ) => { cases: CaseRow[]; issues: Issue[] };
  /** Most issues reported (errors first); the rest are counted in one `too-many-issues`. */
  cap?: number;
}

export interface WorkbookParse {
  /** Present only when there is no error. */
  input?: AssessmentInput;
  issues: Issue[];
}

/** Errors first, then warnings, each in sheet order; at most `cap`, plus a count of the rest. */
export function capIssues(issues: readonly Issue[], cap = ISSUE_CAP): Issue[] {
  const ordered = [
    ...issues.filter((i) => i.severity === "error"),
    ...issues.filter((i) => i.severity !== "error"),
  ];
  if (ordered.length <= cap) return ordered;
  const hasError = ordered[0]?.severity === "error";
  const rest: Issue = {
    severity: hasError ? "error" : "warning",
    code: "too-many-issues",
    params: { count: ordered.length - cap, total: ordered.length },
  };
  return [...ordered.slice(0, cap), rest];
}

/**
 * Two tabs that both answer to one tab's name or aliases (`事项记录` and `incidents`): which one holds
 * the data is the user's call, never a silent pick of the first.
 */
export function duplicateTab(sheets: readonly RawSheet[], def: TabDef): Issue | undefined {
  const keys = aliasKeys([def.name, ...def.aliases]);
  const matching = sheets.filter((s) => keys.has(matchKey(s.name)));
  if (matching.length < 2) return undefined;
  const [first, second] = matching as [RawSheet, RawSheet];
  return {
    severity: "error",
    code: "duplicate-tab",
    sheet: second.name,
    params: { tab: def.name, first: first.name, second: second.name },
  };
}

function missingTab(def: TabDef): Issue {
  return { severity: "error", code: "missing-tab", sheet: def.name, params: { tab: def.name } };
}

/**
 * Parse every input tab. Never throws on bad input: problems are issues with sheet, row and column.
 * @throws only on programmer misuse (e.g. a resolver that throws).
 */
export function parseWorkbook(
  sheets: readonly RawSheet[],
  resolve: ProfileResolver,
  options: ParseOptions = {},
): WorkbookParse {
  if (sheets.length === 0 || sheets.every((s) => s.rows.every((r) => isBlankRow(r)))) {
    return { issues: [{ severity: "error", code: "empty-workbook" }] };
  }
  const ctx: ParseContext = { issues: [] };
  const tab = (def: TabDef, required: boolean) => {
    const sheet = findTab(sheets, def);
    if (!sheet && required) ctx.issues.push(missingTab(def));
    const twice = duplicateTab(sheets, def);
    if (twice) ctx.issues.push(twice);
    return sheet;
  };
  const settingsSheet = tab(SETTINGS_TAB, true);
  const settings = settingsSheet ? parseSettings(settingsSheet, ctx, resolve, options.profile) : undefined;
  const windowsSheet = tab(WINDOWS_TAB, true);
  const windows = windowsSheet ? parseWindows(windowsSheet, ctx) : undefined;
  const staffSheet = tab(STAFF_TAB, true);
  const staff = staffSheet ? parseStaff(staffSheet, windows ?? [], ctx) : undefined;
  const incidentsSheet = tab(INCIDENTS_TAB, true);
  const incidents = incidentsSheet
    ? parseIncidents(incidentsSheet, windows ?? [], staff ?? [], ctx)
    : undefined;
  const township = settings?.unitType === "镇街";
  // The checklist belongs to township workbooks; a county workbook's (template-prefilled) tab is ignored.
  const indicatorsSheet = township ? tab(INDICATORS_TAB, true) : undefined;
  const indicators = indicatorsSheet ? parseIndicators(indicatorsSheet, ctx) : [];
  const calendarSheet = tab(CALENDAR_TAB, false);
  const calendar = calendarSheet ? parseCalendar(calendarSheet, ctx) : [];
  const overridesSheet = tab(OVERRIDES_TAB, false);
  const overrides = overridesSheet ? parseOverrides(overridesSheet, ctx) : [];
  let cases: CaseRow[] = [];
  if (options.parseCases) {
    const names = { windows: (windows ?? []).map((w) => w.name), staff: (staff ?? []).map((s) => s.name) };
    const twice = duplicateTab(sheets, CASES_TAB);
    if (twice) ctx.issues.push(twice);
    const parsed = options.parseCases(findTab(sheets, CASES_TAB), {
      ...names,
      ...(ctx.year ? { year: ctx.year } : {}),
    });
    cases = parsed.cases;
    ctx.issues.push(...parsed.issues.filter((i) => i.code !== "too-many-issues"));
  }

  const issues = capIssues(ctx.issues, options.cap);
  const failed = issues.some((i) => i.severity === "error");
  if (failed || !settings || !windows || !staff || !incidents || !indicators || !calendar || !overrides) {
    return { issues };
  }
  return { input: { settings, windows, staff, incidents, indicators, cases, calendar, overrides }, issues };
}
