/**
 * The rulebook as data. The engine runs generic mechanisms over these declarations;
 * it never branches on a specific code. Extended by the rules/engine owners as needed.
 */

/** Points as integer tenths: 0.5 points = 5. Exact; formatted to one decimal at the edges. */
export type Points = number;

/** 德 / 能 / 勤 / 绩 */
export type StaffCategory = "de" | "neng" | "qin" | "ji";

export const STAFF_CATEGORIES: readonly StaffCategory[] = ["de", "neng", "qin", "ji"];

/** Township checklist indicator (第一篇). */
export interface IndicatorDef {
  id: string; // T1…T10
  name: string;
  max: Points;
  criterion: string;
}
