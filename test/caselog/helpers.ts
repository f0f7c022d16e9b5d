import type { CaseRow, CaseType, Satisfaction } from "../../src/engine/types";

let nextRow = 2;

/** A case-log row; source rows are numbered in creation order from 2 (row 1 is the header). */
export function kase(
  window: string,
  type: CaseType,
  received: string,
  promisedDays: number,
  completed?: string,
  extra: { handler?: string; satisfaction?: Satisfaction; caseId?: string } = {},
): CaseRow {
  const row = nextRow++;
  const c: CaseRow = {
    caseId: extra.caseId ?? `C${row}`,
    window,
    type,
    received,
    promisedDays,
    source: { sheet: "办件台账", row },
  };
  if (completed) c.completed = completed;
  if (extra.handler) c.handler = extra.handler;
  if (extra.satisfaction) c.satisfaction = extra.satisfaction;
  return c;
}
