/** Derived year-only bonuses from quarterly 优秀 (rulebook §6: 19.9, 25.6a, 25.6b) as audit lines. */
import type { Profile } from "../rules/types";
import type { Board } from "./board";
import { quartersOfYear } from "../core";

/** Quarters in which any of the person's windows that quarter was 优秀 (25.6a follows a person who moved). */
function windowExcellentQuarters(board: Board, person: string, year: number, excellent: string): number {
  return quartersOfYear(year).filter((q) =>
    (board.get("staff", person, q)?.served ?? []).some((w) => board.get("window", w, q)?.grade === excellent),
  ).length;
}

/** Quarterly 优秀 count of an entity, from final (overridden) grades. */
export function excellentQuarters(
  board: Board,
  type: "window" | "staff",
  entity: string,
  year: number,
  excellent: string,
): number {
  return quartersOfYear(year).filter((q) => board.get(type, entity, q)?.grade === excellent).length;
}

export function applyDerivedBonuses(board: Board, profile: Profile, year: number): void {
  const y = String(year);
  for (const def of profile.bonuses) {
    for (const slot of board.list(def.target, y)) {
      // 23.9: no award of any kind that year, derived bonuses included.
      if (slot.noAwards) continue;
      const count =
        def.basis === "window-quarter"
          ? windowExcellentQuarters(board, slot.entity, year, profile.windowGrades.excellent)
          : excellentQuarters(
              board,
              def.target,
              slot.entity,
              year,
              def.target === "window" ? profile.windowGrades.excellent : profile.staffGrades.excellent,
            );
      if (count === 0) continue;
      board.line({
        entityType: def.target,
        entity: slot.entity,
        periods: [y],
        code: def.code,
        text: def.text,
        quantity: count,
        points: def.points * count,
        note: "quarterly-grades",
      });
    }
  }
}
