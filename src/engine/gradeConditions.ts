/** Conditions over grades (27.1): run after quarters and the year are graded. */
import type { Profile } from "../rules/types";
import type { Board } from "./board";
import { quartersOfYear } from "../core";

export function applyGradeConditions(board: Board, profile: Profile, year: number): void {
  const y = String(year);
  for (const def of profile.conditions) {
    for (const clause of def.anyOf) {
      const test = clause.test;
      if (test.kind !== "grades") continue;
      for (const person of board.list("staff", y)) {
        const periods = [...quartersOfYear(year), y];
        const hits: string[] = [];
        let run = 0;
        for (const period of periods) {
          const slot = board.get("staff", person.entity, period);
          if (!slot) continue;
          const isQuarter = slot.kind === "quarter";
          run = isQuarter && slot.grade === test.consecutive?.grade ? run + 1 : 0;
          if (test.consecutive && isQuarter && run >= test.consecutive.count) hits.push(period);
          if (test.anyGrade?.includes(slot.grade)) hits.push(period);
        }
        if (hits.length === 0) continue;
        for (const period of new Set([...hits, y])) {
          const slot = board.get("staff", person.entity, period);
          if (slot) board.reason(slot, { code: def.code, text: def.text, period, sources: [] });
        }
      }
    }
  }
}
