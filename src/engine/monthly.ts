/** Profiles with monthly ranking (铜山, rulebook §8): bottom-N talks, consecutive-month flag, quarterly honours. */
import type { MonthlyRankingParams, Profile } from "../rules/types";
import type { Board, Slot } from "./board";
import { award } from "./grades";
import { monthsOfYear, quartersOfYear } from "../core";

/** Entities with fewer than `n` others strictly lower; nobody when all score the same. */
export function bottomOf(slots: Slot[], n: number): Slot[] {
  if (slots.length === 0 || slots.every((s) => s.score === slots[0].score)) return [];
  return slots.filter((s) => slots.filter((t) => t.score < s.score).length < n);
}

function monthlyFlags(board: Board, m: MonthlyRankingParams, year: number): void {
  const streak = new Map<string, number>();
  for (const month of monthsOfYear(year)) {
    for (const type of ["window", "staff"] as const) {
      const bottom = new Set(bottomOf(board.list(type, month), m.bottom));
      for (const s of bottom)
        board.reason(s, { code: m.bottomCode, text: m.bottomText, period: month, sources: [] });
      if (type !== "staff") continue;
      for (const s of board.list("staff", month)) {
        const run = bottom.has(s) ? (streak.get(s.entity) ?? 0) + 1 : 0;
        streak.set(s.entity, run);
        if (run < m.consecutiveMonths) continue;
        for (const period of [month, String(year)]) {
          const slot = board.get("staff", s.entity, period);
          if (slot)
            board.reason(slot, { code: m.consecutiveCode, text: m.consecutiveText, period, sources: [] });
        }
      }
    }
  }
}

function honours(board: Board, profile: Profile, m: MonthlyRankingParams, year: number): void {
  for (const q of quartersOfYear(year)) {
    const lists = [
      { slots: board.list("window", q), quota: m.honourWindows, code: m.honourWindowsCode },
      { slots: board.list("staff", q), quota: m.honourStaff, code: m.honourStaffCode },
    ];
    for (const { slots, quota, code } of lists) {
      const eligible = slots.filter((s) => s.eligible && !s.noAwards);
      const before = new Map(slots.map((s) => [s, { grade: s.grade, tie: s.tiePending }]));
      const chosen = award(eligible, quota, "", profile, board, `${code}名额边界得分并列,待人工裁定`);
      // award() is reused for its tie rule only: honours never change grades or grade ties.
      for (const [s, b] of before) [s.grade, s.tiePending] = [b.grade, b.tie];
      for (const s of chosen) board.reason(s, { code, text: code, period: q, sources: [] });
    }
  }
}

export function applyMonthlyRanking(board: Board, profile: Profile, year: number): void {
  if (!profile.monthly) return;
  monthlyFlags(board, profile.monthly, year);
  honours(board, profile, profile.monthly, year);
}
