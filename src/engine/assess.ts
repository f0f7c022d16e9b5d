/** The scoring engine: pure, deterministic, no I/O (rulebook §1–§6, §8). */
import type { WorkCalendar } from "../calendar/types";
import type { Profile } from "../rules/types";
import { flagAdvanced, quarterCandidates, settleAdvancedTies, yearAdvanced } from "./advanced";
import { Board, type Slot, type SlotType } from "./board";
import { applyDerivedBonuses, excellentQuarters } from "./bonuses";
import { applyConditions } from "./conditions";
import { applyEffects } from "./effects";
import { inlineFlags } from "./inlineFlags";
import { applyGradeConditions } from "./gradeConditions";
import {
  gradeOrder,
  gradeStaff,
  gradeWindowMonth,
  gradeWindowQuarter,
  gradeWindowYear,
  rank,
} from "./grades";
import { applyBottomRanking, applyMonthlyRanking } from "./monthly";
import { Overrides } from "./overrides";
import { monthsOfYear, periodsOfYear, quartersOfYear } from "../core";
import { prepareIncidents } from "./prepare";
import { Roster } from "./roster";
import { scoreTownship } from "./township";
import type { AssessmentInput, AssessmentResult, StaffResult, WindowResult } from "./types";

/**
 * One slot per window and per person (a person on several roster rows, having moved, is one person) for
 * every period. A person's slot names the window(s) served in that period, else the first roster window.
 */
function setUp(
  input: AssessmentInput,
  board: Board,
  periods: string[],
  roster: Roster,
): { windows: Set<string>; staff: Set<string> } {
  const windows = new Set<string>();
  const ws = input.windows.filter((w) => !windows.has(w.name) && windows.add(w.name));
  const people = roster.people();
  for (const period of periods) {
    for (const w of ws) board.add("window", w.name, w.name, period);
    for (const name of people) {
      const served = roster.windowsIn(name, period);
      board.add("staff", name, served.length ? served.join("、") : roster.firstWindow(name), period, served);
    }
  }
  return { windows, staff: new Set(people) };
}

function gradePeriod(
  board: Board,
  profile: Profile,
  overrides: Overrides,
  period: string,
  year: number,
): void {
  for (const type of ["window", "staff"] as SlotType[]) {
    overrides.apply("得分", type, period, board);
    const slots = board.list(type, period);
    rank(slots);
    const kind = slots[0]?.kind;
    if (kind !== "month") overrides.apply("评优资格", type, period, board);
    if (type === "staff") gradeStaff(slots, profile, board, kind !== "month");
    else if (kind === "month") gradeWindowMonth(slots, profile);
    else if (kind === "quarter") gradeWindowQuarter(slots, profile, board);
    else
      gradeWindowYear(slots, profile, (w) =>
        excellentQuarters(board, "window", w, year, profile.windowGrades.excellent),
      );
    if (kind === "month") overrides.apply("评优资格", type, period, board);
    overrides.apply("等次", type, period, board);
  }
}

function windowResult(s: Slot, department: string): WindowResult {
  return {
    period: s.period,
    window: s.entity,
    department,
    deductions: s.deductions,
    bonuses: s.bonuses,
    score: s.score,
    rank: s.rank,
    grade: s.grade,
    eligible: s.eligible,
    tiePending: s.tiePending,
    reasons: s.reasons,
  };
}

function staffResult(s: Slot): StaffResult {
  return {
    period: s.period,
    name: s.entity,
    window: s.window,
    categories: { ...s.categories },
    bonuses: s.bonuses,
    score: s.score,
    rank: s.rank,
    grade: s.grade,
    eligible: s.eligible,
    tiePending: s.tiePending,
    flags: s.reasons,
  };
}

/**
 * Scores every window and staff member for every month, quarter and the year, with ranks, grades,
 * quotas, vetoes, derived conditions and bonuses, overrides and an audit line for every effect.
 * Domain problems become warnings in `issues`; the function does not throw on bad data.
 */
export function assess(input: AssessmentInput, profile: Profile, calendar: WorkCalendar): AssessmentResult {
  const year = input.settings.year;
  const periods = periodsOfYear(year);
  const board = new Board(profile.base);
  const roster = new Roster(input.staff);
  const names = setUp(input, board, periods, roster);
  const { incidents, issues } = prepareIncidents(input, profile);
  applyEffects(incidents, roster.headsOn(profile), board);
  const hits = applyConditions(incidents, profile, calendar, board, year);
  const overrides = new Overrides(input.overrides, names.windows, names.staff, board, profile);
  for (const month of monthsOfYear(year)) gradePeriod(board, profile, overrides, month, year);
  applyBottomRanking(board, profile, overrides, year);
  for (const quarter of quartersOfYear(year)) {
    gradePeriod(board, profile, overrides, quarter, year);
    quarterCandidates(board, profile, quarter);
    overrides.apply("先进个人", "staff", quarter, board);
    settleAdvancedTies(board, profile, quarter);
    flagAdvanced(board, profile, quarter, { key: "advancedQuarter", title: profile.advancedText });
  }
  applyDerivedBonuses(board, profile, year);
  gradePeriod(board, profile, overrides, String(year), year);
  yearAdvanced(board, profile, year);
  overrides.apply("先进个人", "staff", String(year), board);
  flagAdvanced(board, profile, String(year), { key: "advancedYear", title: profile.advancedText });
  applyGradeConditions(board, profile, year);
  applyMonthlyRanking(board, profile, year);
  const township = scoreTownship(input, profile, incidents);
  const departments = new Map(input.windows.map((w) => [w.name, w.department]));
  return {
    unit: input.settings.unitName,
    year,
    profile: profile.id,
    rulebook: profile.version ? { name: profile.name, version: profile.version } : { name: profile.name },
    periods,
    grades: gradeOrder(profile),
    windows: board
      .all()
      .filter((s) => s.type === "window")
      .map((s) => windowResult(s, departments.get(s.entity) ?? "")),
    staff: board
      .all()
      .filter((s) => s.type === "staff")
      .map(staffResult),
    townships: township.result ? [township.result] : [],
    audit: township.audit.length > 0 ? board.audit.concat(township.audit) : board.audit,
    flags: inlineFlags(hits),
    caseStats: [],
    issues: [...issues, ...overrides.issues],
  };
}
