/** Shared state and issue helpers for the tab parsers. */
import type { Issue, IssueCode, Severity } from "../../core";
import type { DataRow } from "../headers";
import type { ContractProfile } from "../profile";

export interface ParseContext {
  issues: Issue[];
  year?: number;
  profile?: ContractProfile;
}

/** An issue located on a row's cell (the column of `key` when the tab has it). */
export function rowIssue(
  row: DataRow,
  key: string | undefined,
  code: IssueCode,
  params: Record<string, string | number> = {},
  severity: Severity = "error",
): Issue {
  const column = key === undefined ? undefined : row.column(key);
  const issue: Issue = { severity, code, sheet: row.sheet, row: row.row, params };
  if (column !== undefined) issue.column = column;
  return issue;
}

/** Points (tenths) as one-decimal text for messages: 25 → "2.5". */
export function tenthsText(points: number): string {
  return (points / 10).toFixed(1);
}
