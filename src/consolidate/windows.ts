/** A township's own window results for the year, from the whole pipeline run on its workbook. */
import { assess } from "../engine";
import type { Issue } from "../core";
import { withRulebookTab } from "../pipeline/rulebook";
import { createRunAssessment } from "../pipeline/run";
import type { RunAssessment } from "../pipeline/types";
import { dataRows, findTab, readHeader } from "../workbook/headers";
import { reasonText } from "../workbook/messages/reasons";
import { WINDOWS_TAB } from "../workbook/schema";
import type { WindowScorer } from "./types";

/** True when the workbook lists at least one window (otherwise there is nothing to score). */
function hasWindows(sheets: Parameters<WindowScorer>[0]): boolean {
  const sheet = findTab(sheets, WINDOWS_TAB);
  const header = sheet && readHeader(sheet, WINDOWS_TAB, []);
  return Boolean(sheet && header && dataRows(sheet, header).length > 0);
}

/**
 * Scores the township's windows for the year. A workbook whose window tabs do not score gives a
 * warning and its errors as warnings: the checklist still counts, only its window rows are missing.
 */
export function pipelineWindowScorer(
  // A township's own 考核规则 tab governs its windows too.
  run: RunAssessment = withRulebookTab(createRunAssessment({ assess })),
): WindowScorer {
  return (sheets, year) => {
    if (!hasWindows(sheets)) return { windows: [], issues: [] };
    const outcome = run(sheets, { period: String(year) });
    const errors = outcome.issues.filter((i) => i.severity === "error");
    if (!outcome.result || errors.length > 0) {
      const notScored: Issue = {
        severity: "warning",
        code: "windows-not-scored",
        params: { detail: `${errors.length}` },
      };
      return {
        windows: [],
        issues: [notScored, ...errors.map((e): Issue => ({ ...e, severity: "warning" }))],
      };
    }
    const windows = outcome.result.windows
      .filter((w) => w.period === String(year))
      .map((w) => ({
        window: w.window,
        score: w.score,
        grade: w.grade,
        vetoes: w.reasons.map((r) => `${r.code} ${reasonText(r)}`),
      }));
    return { windows, issues: [] };
  };
}
