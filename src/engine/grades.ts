/** Ranks and grades for one entity type and period: floors, quotas and the 并列待裁定 rule (rulebook §5). */
import type { Profile } from "../rules/types";
import type { Board, Slot } from "./board";
import type { AssessmentResult, ReasonWords } from "./types";
import { competitionRanks, pickQuota } from "./ranking";

export function rank(slots: Slot[]): void {
  const ranks = competitionRanks(slots.map((s) => s.score));
  slots.forEach((s, i) => (s.rank = ranks[i]));
}

/** Marks the tied candidates pending and gives the selected ones the top grade. */
export function award(
  slots: Slot[],
  quota: number,
  top: string,
  profile: Profile,
  board: Board,
  words: ReasonWords = { key: "gradeTie", settled: false },
): Slot[] {
  const pick = pickQuota(slots, (s) => s.score, quota);
  for (const s of pick.selected) s.grade = top;
  for (const s of pick.pending) {
    s.tiePending = true;
    s.grade = profile.tiePendingGrade;
    board.reason(s, { code: profile.tieCode, text: "", words, period: s.period, sources: [] });
  }
  return pick.selected;
}

/** The profile's grade names, best first. */
export function gradeOrder(profile: Profile): AssessmentResult["grades"] {
  const w = profile.windowGrades;
  const s = profile.staffGrades;
  return { window: [w.excellent, w.pass, w.fail], staff: [s.excellent, s.competent, s.basic, s.incompetent] };
}

function windowFloorGrade(s: Slot, profile: Profile): string {
  const g = profile.windowGrades;
  return s.score >= g.passFloor ? g.pass : g.fail;
}

/** Window month: 不合格 below the pass floor or with a 20B condition that month; else 合格. */
export function gradeWindowMonth(slots: Slot[], profile: Profile): void {
  const g = profile.windowGrades;
  for (const s of slots) {
    s.eligible = !s.failed;
    s.grade = s.failed || s.score < g.passFloor ? g.fail : g.pass;
  }
}

/** Window quarter: top `windowQuarter` eligible windows at or above the excellent floor are 优秀. */
export function gradeWindowQuarter(slots: Slot[], profile: Profile, board: Board): void {
  const g = profile.windowGrades;
  for (const s of slots) s.grade = windowFloorGrade(s, profile);
  const candidates = slots.filter((s) => s.eligible && !s.noAwards && s.score >= g.excellentFloor);
  award(candidates, profile.quotas.windowQuarter, g.excellent, profile, board);
}

/** Window year: 优秀 when eligible, at or above the floor, with enough quarterly 优秀 (no quota). */
export function gradeWindowYear(
  slots: Slot[],
  profile: Profile,
  quarterExcellent: (window: string) => number,
): void {
  const g = profile.windowGrades;
  for (const s of slots) {
    const excellent =
      s.eligible &&
      !s.noAwards &&
      s.score >= g.excellentFloor &&
      quarterExcellent(s.entity) >= profile.quotas.windowYearMinQuarters;
    s.grade = excellent ? g.excellent : windowFloorGrade(s, profile);
  }
}

function staffFloorGrade(s: Slot, profile: Profile): string {
  const g = profile.staffGrades;
  if (s.score >= g.competentFloor) return g.competent;
  return s.score >= g.basicFloor ? g.basic : g.incompetent;
}

/** ⌊share × roster⌋ in integers (第四条). */
export function staffQuota(profile: Profile, roster: number): number {
  const { numerator, denominator } = profile.quotas.staffShare;
  return Math.floor((roster * numerator) / denominator);
}

/**
 * Staff: month grades by floors only; quarter and year also award 优秀 within the quota. The quota and
 * the candidates are the people on the roster on some day of the period (a person who moved counts once).
 */
export function gradeStaff(slots: Slot[], profile: Profile, board: Board, withQuota: boolean): void {
  for (const s of slots) s.grade = staffFloorGrade(s, profile);
  if (!withQuota) return;
  const floor = profile.staffGrades.excellentFloor;
  const onRoster = slots.filter((s) => s.served.length > 0);
  const candidates = onRoster.filter((s) => s.eligible && !s.noAwards && s.score >= floor);
  award(candidates, staffQuota(profile, onRoster.length), profile.staffGrades.excellent, profile, board);
}
