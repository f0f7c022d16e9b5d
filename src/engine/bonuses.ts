/** Derived year-only bonuses from quarterly 优秀 (rulebook §6: 19.9, 25.6a, 25.6b) as audit lines. */
import type { Profile } from "../rules/types";
import type { Board } from "./board";
import { quartersOfYear } from "../core";

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
      const type = def.basis === "window-quarter" ? "window" : def.target;
      const entity = def.basis === "window-quarter" ? slot.window : slot.entity;
      const excellent = type === "window" ? profile.windowGrades.excellent : profile.staffGrades.excellent;
      const count = excellentQuarters(board, type, entity, year, excellent);
      if (count === 0) continue;
      board.line({
        entityType: def.target,
        entity: slot.entity,
        periods: [y],
        code: def.code,
        text: def.text,
        quantity: count,
        points: def.points * count,
        note: "derived",
      });
    }
  }
}
