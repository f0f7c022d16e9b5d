/**
 * Reads what consolidation needs from one township workbook: 考核设置 and the 镇街指标 checklist,
 * checked against the profile (ids, names, maxima, score ranges). Every problem is a located issue.
 */
import type { IndicatorRow, Settings } from "../engine/types";
import type { Issue, IssueCode, RawSheet } from "../core";
import type { IndicatorDef, Points } from "../rules/types";
import { cellText, isBlank } from "../workbook/cells";
import { dataRows, findTab, readHeader, type DataRow } from "../workbook/headers";
import { parseTenths } from "../workbook/numbers";
import { parseSettings } from "../workbook/parse/settings";
import { capIssues, duplicateTab } from "../workbook/parseWorkbook";
import type { ProfileResolver } from "../workbook/profile";
import { INDICATORS_TAB, SETTING_ITEMS, SETTINGS_TAB } from "../workbook/schema";
import { indicatorNameMatches } from "../workbook/parse/indicatorName";
import { matchKey } from "../workbook/text";
import { nameOf, tabRulebook } from "./rulebook";
import type { ConsolidationProfile, ProfileLookup, TownshipFile } from "./types";

const PER_FILE_ISSUES = 50;

function issueAt(row: DataRow, key: string, code: IssueCode, params: Record<string, string | number>): Issue {
  const issue: Issue = { severity: "error", code, sheet: row.sheet, row: row.row, params };
  const column = row.column(key);
  if (column !== undefined) issue.column = column;
  return issue;
}

/** A score cell: undefined when blank; an issue when not a number or outside [0, max]. */
function readScore(row: DataRow, key: string, def: IndicatorDef, issues: Issue[]): Points | undefined {
  const value = row.value(key);
  if (isBlank(value)) return undefined;
  const points = parseTenths(value);
  const shown = cellText(value);
  if (points === undefined) {
    issues.push(issueAt(row, key, "checklist-not-number", { id: def.id, value: shown }));
  } else if (points < 0 || points > def.max) {
    issues.push(issueAt(row, key, "checklist-out-of-range", { id: def.id, value: shown, max: def.max / 10 }));
  }
  return points;
}

function readRow(row: DataRow, def: IndicatorDef, issues: Issue[]): IndicatorRow {
  // A differing name with the right id and maximum is worded differently, not a different indicator:
  // a warning, and the township still counts. A changed maximum refuses the file.
  const name = row.text("indicator");
  if (name && !indicatorNameMatches(def, name)) {
    const params = { id: def.id, value: name, expected: def.name };
    const notice = issueAt(row, "indicator", "checklist-name-changed", params);
    notice.severity = "warning";
    issues.push(notice);
  }
  const maxValue = row.value("max");
  if (!isBlank(maxValue) && parseTenths(maxValue) !== def.max) {
    const value = cellText(maxValue);
    issues.push(issueAt(row, "max", "checklist-max-changed", { id: def.id, value, expected: def.max / 10 }));
  }
  const self = readScore(row, "self", def, issues);
  const reviewed = readScore(row, "reviewed", def, issues);
  if (self === undefined && reviewed === undefined) {
    issues.push(issueAt(row, "self", "checklist-no-score", { id: def.id }));
  }
  const out: IndicatorRow = {
    id: def.id,
    name: def.name,
    max: def.max,
    source: { sheet: row.sheet, row: row.row },
  };
  if (self !== undefined) out.self = self;
  if (reviewed !== undefined) out.reviewed = reviewed;
  const remark = row.text("remark");
  if (remark) out.remark = remark;
  return out;
}

/** The checklist in profile order, or undefined with issues. */
function readChecklist(
  sheet: RawSheet,
  profile: ConsolidationProfile,
  issues: Issue[],
): IndicatorRow[] | undefined {
  const before = issues.length;
  const header = readHeader(sheet, INDICATORS_TAB, issues);
  if (!header) return undefined;
  const byKey = new Map(profile.indicators.map((d) => [matchKey(d.id), d]));
  const found = new Map<string, IndicatorRow>();
  for (const row of dataRows(sheet, header)) {
    const idText = row.text("id");
    const def = byKey.get(matchKey(idText));
    if (!def) {
      issues.push(issueAt(row, "id", "checklist-unknown-indicator", { value: idText }));
    } else if (found.has(def.id)) {
      issues.push(issueAt(row, "id", "checklist-duplicate-indicator", { id: def.id }));
    } else {
      found.set(def.id, readRow(row, def, issues));
    }
  }
  for (const def of profile.indicators) {
    if (!found.has(def.id)) {
      issues.push({
        severity: "error",
        code: "checklist-missing-indicator",
        sheet: sheet.name,
        row: header.row,
        params: { id: def.id },
      });
    }
  }
  if (issues.slice(before).some((i) => i.severity === "error")) return undefined;
  return profile.indicators.map((d) => found.get(d.id)!);
}

/** Where 考核年度, 规则版本 and 单位名称 sit, so that cross-file problems can name the cell. */
function settingCells(sheet: RawSheet): NonNullable<TownshipFile["settingCells"]> {
  const cells: NonNullable<TownshipFile["settingCells"]> = {};
  const header = readHeader(sheet, SETTINGS_TAB, []);
  if (!header) return cells;
  for (const row of dataRows(sheet, header)) {
    const key = matchKey(row.text("item"));
    for (const item of ["year", "profile", "unitName"] as const) {
      if (cells[item] || !SETTING_ITEMS[item].some((n) => matchKey(n) === key)) continue;
      const column = row.column("value");
      cells[item] =
        column === undefined
          ? { sheet: row.sheet, row: row.row }
          : { sheet: row.sheet, row: row.row, column };
    }
  }
  return cells;
}

function resolverFor(lookup: ProfileLookup): ProfileResolver {
  return (id) => {
    const p = lookup(id);
    return p && { id: p.id, rules: [], indicators: p.indicators, normalizeCode: () => undefined };
  };
}

/** Settings and checklist of one township workbook's sheets. Never throws on bad cells. */
export function readTownship(file: string, sheets: readonly RawSheet[], lookup: ProfileLookup): TownshipFile {
  const issues: Issue[] = [];
  const out: TownshipFile = { file, issues };
  for (const def of [SETTINGS_TAB, INDICATORS_TAB]) {
    const twice = duplicateTab(sheets, def);
    if (twice) issues.push(twice);
  }
  const settingsSheet = findTab(sheets, SETTINGS_TAB);
  if (!settingsSheet) {
    issues.push({
      severity: "error",
      code: "missing-tab",
      sheet: SETTINGS_TAB.name,
      params: { tab: SETTINGS_TAB.name },
    });
  }
  const settings: Settings | undefined = settingsSheet
    ? parseSettings(settingsSheet, { issues }, resolverFor(lookup))
    : undefined;
  if (settings && settings.unitType !== "镇街") {
    issues.push({
      severity: "error",
      code: "not-township",
      sheet: settingsSheet!.name,
      params: { value: settings.unitType },
    });
  }
  if (settings) out.settings = settings;
  if (settingsSheet) out.settingCells = settingCells(settingsSheet);
  const checklist = findTab(sheets, INDICATORS_TAB);
  if (!checklist) {
    issues.push({
      severity: "error",
      code: "missing-checklist",
      sheet: INDICATORS_TAB.name,
      params: { tab: INDICATORS_TAB.name },
    });
    return out;
  }
  // A workbook carrying its own rulebook is checked against that rulebook's indicators.
  const own = tabRulebook(sheets);
  issues.push(...own.issues);
  if (own.profile) out.rulebook = nameOf(own.profile);
  const profile = own.profile ?? (settings && lookup(settings.profile));
  if (!profile) return out;
  const indicators = readChecklist(checklist, profile, issues);
  if (indicators) out.indicators = indicators;
  // A sheet of junk rows must not flood the county's problem list.
  out.issues = capIssues(issues, PER_FILE_ISSUES);
  return out;
}
