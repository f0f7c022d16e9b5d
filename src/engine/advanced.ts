/** 先进个人 (rulebook §5): quarterly candidates from 优秀 windows, the year title from the quarters. */
import type { Profile } from "../rules/types";
import type { Board, Slot } from "./board";
import type { ReasonWords } from "./types";
import { quartersOfYear } from "../core";

function flag(board: Board, slot: Slot, profile: Profile, words: ReasonWords): void {
  board.reason(slot, { code: profile.advancedCode, text: "", words, period: slot.period, sources: [] });
}

/**
 * In each quarterly 优秀 window, the eligible member with the highest quarter score; a tie stays open.
 * Members are those on the window's roster on some day of the quarter (a person who moved mid-quarter
 * is a member of both windows).
 */
export function quarterCandidates(board: Board, profile: Profile, quarter: string): void {
  for (const w of board.list("window", quarter)) {
    if (w.grade !== profile.windowGrades.excellent) continue;
    const members = board
      .list("staff", quarter)
      .filter((s) => s.served.includes(w.entity) && s.eligible && !s.noAwards && !s.noHonours);
    if (members.length === 0) continue;
    const top = Math.max(...members.map((s) => s.score));
    const best = members.filter((s) => s.score === top);
    if (best.length === 1) best[0].advanced = true;
    else
      for (const s of best) {
        s.tiePending = true;
        board.reason(s, {
          code: profile.tieCode,
          text: "",
          words: { key: "advancedTie", title: profile.advancedText, settled: false },
          period: quarter,
          sources: [],
        });
      }
  }
}

/** After 人工裁定: a window's 先进个人 tie is settled once one of its tied members is chosen. */
export function settleAdvancedTies(board: Board, profile: Profile, quarter: string): void {
  const tied = (s: Slot) =>
    s.reasons.some((r) => r.code === profile.tieCode && r.words?.key === "advancedTie");
  for (const w of board.list("window", quarter)) {
    const members = board.list("staff", quarter).filter((s) => s.served.includes(w.entity) && tied(s));
    if (!members.some((s) => s.advanced)) continue;
    for (const s of members) board.settleTies(s, profile.tieCode, profile.tieSettledCode, "advancedTie");
  }
}

/** Flags every 先进个人 of the quarter (after 人工裁定). */
export function flagAdvanced(board: Board, profile: Profile, period: string, words: ReasonWords): void {
  for (const s of board.list("staff", period)) if (s.advanced) flag(board, s, profile, words);
}

/** Year title: enough quarterly 先进个人, eligible for the year and at or above the 优秀 floor (§9). */
export function yearAdvanced(board: Board, profile: Profile, year: number): void {
  for (const s of board.list("staff", String(year))) {
    const quarters = quartersOfYear(year).filter((q) => board.get("staff", s.entity, q)?.advanced).length;
    s.advanced =
      quarters >= profile.quotas.advancedYearMinQuarters &&
      s.eligible &&
      !s.noAwards &&
      s.score >= profile.staffGrades.excellentFloor;
  }
}
