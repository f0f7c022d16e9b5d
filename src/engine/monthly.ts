/** Profiles with monthly ranking (铜山, rulebook §8): bottom-N talks, consecutive-month flag, quarterly honours. */
import type { MonthlyRankingParams, Profile } from "../rules/types";
import type { Board, Slot } from "./board";
import { award } from "./grades";
import type { Overrides } from "./overrides";
import { monthsOfYear, quarterOfMonth, quartersOfYear } from "../core";

export interface BottomPick {
  /** In the bottom. */
  selected: Slot[];
  /** A tie group that would overflow the remaining places: 并列待裁定 until a 人工裁定 settles it. */
  pending: Slot[];
}

/**
 * The bottom `n` of a month (§8): scores ascending, whole tie groups taken while they fit in the places
 * left; the group that would overflow is pending, never taken wholesale. Only entities with a deduction
 * that month qualify (when `needsDeduction`); nobody when all score the same.
 */
export function bottomOf(slots: Slot[], n: number, needsDeduction = true): BottomPick {
  const none: BottomPick = { selected: [], pending: [] };
  if (slots.length === 0 || slots.every((s) => s.score === slots[0].score)) return none;
  const sorted = slots.filter((s) => !needsDeduction || s.deductions < 0).sort((a, b) => a.score - b.score);
  const selected: Slot[] = [];
  for (let i = 0; i < sorted.length && selected.length < n;) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j++;
    const group = sorted.slice(i, j);
    if (selected.length + group.length > n) return { selected, pending: group };
    selected.push(...group);
    i = j;
  }
  return { selected, pending: [] };
}

/** A month's slots that take part: every window; staff on the roster that month. */
function ranked(board: Board, type: "window" | "staff", month: string): Slot[] {
  const slots = board.list(type, month);
  return type === "staff" ? slots.filter((s) => s.served.length > 0) : slots;
}

/** In the bottom: a 人工裁定 of 末两位 wins; pending without one is undecided (undefined). */
function inBottom(s: Slot, pick: BottomPick): boolean | undefined {
  if (s.bottomDecision !== undefined) return s.bottomDecision;
  if (pick.selected.includes(s)) return true;
  return pick.pending.includes(s) ? undefined : false;
}

/**
 * A pending group is settled member by member by 人工裁定; once the 是 decisions fill the places left,
 * the undecided rest are out. Settled members' tie reasons say so.
 */
function settle(board: Board, profile: Profile, pick: BottomPick, m: MonthlyRankingParams): void {
  const left = m.bottom - pick.selected.length;
  const full = pick.pending.filter((s) => s.bottomDecision === true).length >= left;
  for (const s of pick.pending) {
    if (full && s.bottomDecision === undefined) s.bottomDecision = false;
    if (s.bottomDecision !== undefined)
      board.settleTies(s, profile.tieCode, profile.tieSettledCode, "bottomTie");
  }
}

/** 末位淘汰: flags the month and the year, and bars the quarter's honours and the year's 优秀. */
function eliminate(board: Board, m: MonthlyRankingParams, person: string, month: string, year: number): void {
  const quarter = quarterOfMonth(month);
  for (const period of [month, quarter, String(year)]) {
    const slot = board.get("staff", person, period);
    if (!slot) continue;
    board.reason(slot, { code: m.consecutiveCode, text: m.consecutiveText, period, sources: [] });
    if (slot.kind === "quarter") slot.noHonours = true;
    if (slot.kind === "year") slot.eligible = false;
  }
}

/**
 * Bottom two of each month (with 人工裁定 of 末两位 settling a tie) and 末位淘汰 after the given number
 * of consecutive months; a pending month counts once settled. Runs after the months are graded and
 * before the quarters, so that 末位淘汰 can bar that quarter's 先进个人 and 服务标兵 and the year's 优秀.
 */
export function applyBottomRanking(board: Board, profile: Profile, overrides: Overrides, year: number): void {
  const m = profile.monthly;
  if (!m) return;
  const streak = new Map<string, number>();
  for (const month of monthsOfYear(year)) {
    for (const type of ["window", "staff"] as const) {
      const slots = ranked(board, type, month);
      const pick = bottomOf(slots, m.bottom, m.bottomNeedsDeduction);
      for (const s of pick.pending)
        board.reason(s, {
          code: profile.tieCode,
          text: "",
          words: { key: "bottomTie", tieText: m.bottomTieText, settled: false },
          period: month,
          sources: [],
        });
      overrides.apply("末两位", type, month, board);
      settle(board, profile, pick, m);
      for (const s of board.list(type, month)) {
        const bottom = inBottom(s, pick);
        if (bottom) board.reason(s, { code: m.bottomCode, text: m.bottomText, period: month, sources: [] });
        if (type !== "staff") continue;
        const run = bottom ? (streak.get(s.entity) ?? 0) + 1 : 0;
        streak.set(s.entity, run);
        if (run >= m.consecutiveMonths) eliminate(board, m, s.entity, month, year);
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
      const eligible = slots.filter((s) => s.eligible && !s.noAwards && !s.noHonours && s.served.length > 0);
      const before = new Map(slots.map((s) => [s, { grade: s.grade, tie: s.tiePending }]));
      const chosen = award(eligible, quota, "", profile, board, {
        key: "honourTie",
        honour: code,
        settled: false,
      });
      // award() is reused for its tie rule only: honours never change grades or grade ties.
      for (const [s, b] of before) [s.grade, s.tiePending] = [b.grade, b.tie];
      for (const s of chosen) board.reason(s, { code, text: code, period: q, sources: [] });
    }
  }
}

/** Quarterly honours (优质服务窗口, 服务标兵), after the quarters and the year are graded. */
export function applyMonthlyRanking(board: Board, profile: Profile, year: number): void {
  if (!profile.monthly) return;
  honours(board, profile, profile.monthly, year);
}
