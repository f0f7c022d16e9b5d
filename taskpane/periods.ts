/** Period choice ↔ period ids (`2025-03`, `2025-Q1`, `2025`). */
import type { AssessmentResult } from "../src/engine/types";
import type { PeriodId } from "../src/core";
import type { PeriodChoice } from "./Pane/Pane.types";

export function periodId(choice: PeriodChoice): PeriodId | undefined {
  switch (choice.kind) {
    case "all":
      return undefined;
    case "month":
      return `${choice.year}-${String(choice.index).padStart(2, "0")}`;
    case "quarter":
      return `${choice.year}-Q${choice.index}`;
    case "year":
      return String(choice.year);
  }
}

/** The period the summary shows: the chosen one, else the year when scored, else the last one. */
export function summaryPeriod(result: AssessmentResult, choice: PeriodChoice): PeriodId | undefined {
  const chosen = periodId(choice);
  if (chosen && result.periods.includes(chosen)) return chosen;
  if (result.periods.includes(String(result.year))) return String(result.year);
  return result.periods[result.periods.length - 1];
}
