/** Case log (办件台账): deadlines, derived overdue incidents and e-supervision statistics. */
export { deriveOverdueIncidents, withoutRecorded } from "./incidents";
export type { OverdueOptions } from "./incidents";
export { caseStatistics, t6Evidence, t6EvidenceNote, TOTAL_WINDOW } from "./stats";
export type { CaseStatsOptions } from "./stats";
export { evaluateCases } from "./evaluate";
export type { CaseEvaluation, EvaluateOptions } from "./evaluate";
