/** Running under a county's own rulebook: it governs the workbook, whatever its 规则版本 says. */
import { assess } from "../engine";
import type { Issue } from "../core";
import { getProfile, type Profile } from "../rules";
import { problemText } from "../rules/format";
import { RULEBOOK_TAB, rulebookFromTab } from "../rules/format/sheet";
import { builtinProfiles, contractProfile } from "./profiles";
import { createRunAssessment } from "./run";
import type { RunAssessment } from "./types";

export function runWithRulebook(profile: Profile): RunAssessment {
  const run = createRunAssessment({
    assess,
    resolveProfile: (id) => (id === profile.id ? contractProfile(profile) : builtinProfiles(id)),
    profile: (id) => (id === profile.id ? profile : getProfile(id)),
  });
  return (sheets, options = {}) => run(sheets, { ...options, profile: profile.id });
}

/** A workbook with a `考核规则` tab is scored under that tab's rulebook; a broken tab names its cells. */
export function withRulebookTab(run: RunAssessment): RunAssessment {
  return (sheets, options = {}) => {
    const tab = sheets.find((s) => s.name.trim() === RULEBOOK_TAB);
    if (!tab) return run(sheets, options);
    const read = rulebookFromTab(tab, getProfile);
    if (read.ok) return runWithRulebook(read.profile)(sheets, options);
    const issues: Issue[] = read.problems.map((p) => ({
      severity: "error",
      code: "rulebook-tab",
      sheet: tab.name,
      ...(p.row ? { row: p.row } : {}),
      ...(p.column ? { column: p.column } : {}),
      params: {
        detail: problemText(p.row ? { ...p, path: "" } : p, "zh-CN"),
        detailTw: problemText(p.row ? { ...p, path: "" } : p, "zh-TW"),
        detailEn: problemText(p.row ? { ...p, path: "" } : p, "en"),
      },
    }));
    return { ok: false, issues, sheets: [], flags: [] };
  };
}
