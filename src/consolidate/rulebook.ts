/**
 * Which rulebook a township scored under: the one in its own `考核规则` tab, else the built-in profile its
 * 规则版本 names. Townships are compared by the rulebook's name and version, never by id alone, because a
 * county's own rulebook may keep a built-in id.
 */
import type { Issue } from "../core";
import { rulebookTabIssues } from "../pipeline/rulebook";
import { getProfile, type Profile, type RulebookName } from "../rules";
import { RULEBOOK_TAB, rulebookFromTab } from "../workbook/parse/rulebookTab";
import type { RawSheet } from "../core";
import type { ProfileLookup, TownshipFile } from "./types";

/** The workbook's own rulebook tab read, or its located problems; nothing when it has no such tab. */
export function tabRulebook(sheets: readonly RawSheet[]): { profile?: Profile; issues: Issue[] } {
  const tab = sheets.find((s) => s.name.trim() === RULEBOOK_TAB);
  if (!tab) return { issues: [] };
  const read = rulebookFromTab(tab, getProfile);
  return read.ok
    ? { profile: read.profile, issues: [] }
    : { issues: rulebookTabIssues(tab.name, read.problems) };
}

export const nameOf = (p: { name: string; version?: string }): RulebookName =>
  p.version ? { name: p.name, version: p.version } : { name: p.name };

/** The rulebook a readable township file scored under. */
export function fileRulebook(f: TownshipFile, lookup: ProfileLookup): RulebookName {
  if (f.rulebook) return f.rulebook;
  const id = f.settings!.profile;
  const p = lookup(id);
  return p?.name ? nameOf({ name: p.name, ...(p.version ? { version: p.version } : {}) }) : { name: id };
}

export const rulebookKey = (r: RulebookName): string => `${r.name}\u0000${r.version ?? ""}`;

/** The problem of a township scored under another rulebook than the county's, naming both (— for no version). */
export function otherRulebook(own: RulebookName, expected: RulebookName): Issue["params"] {
  return {
    value: own.name,
    valueVersion: own.version?.trim() || "—",
    expected: expected.name,
    expectedVersion: expected.version?.trim() || "—",
  };
}
