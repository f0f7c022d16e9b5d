/** Shapes of county consolidation: township files in, one ranked county result out. */
import type { IndicatorRow, Settings } from "../engine/types";
import type { Issue, RawSheet, SourceRef } from "../core";
import type { IndicatorDef, Points, WindowGrades } from "../rules/types";
import type { RulebookName } from "../rules/title";

/** What consolidation needs of a rules profile (a structural view of src/rules' Profile). */
export interface ConsolidationProfile {
  id: string;
  /** The rulebook's own name and version: townships are compared by these. */
  name?: string;
  version?: string;
  indicators: readonly IndicatorDef[];
  township: { grades: WindowGrades };
}

export type ProfileLookup = (id: string) => ConsolidationProfile | undefined;

/** A township's own window, year result (from running the engine on its workbook). */
export interface TownshipWindow {
  window: string;
  score: Points;
  grade: string;
  /** Veto and condition reasons, each beginning with its rule code. */
  vetoes: string[];
}

/** One township workbook after reading: what consolidation got from it, or the issues that stopped it. */
export interface TownshipFile {
  file: string;
  settings?: Settings;
  /** Cells of the settings consolidation compares across files (year, profile, unit name). */
  settingCells?: Partial<Record<"year" | "profile" | "unitName", SourceRef>>;
  indicators?: IndicatorRow[];
  /** The rulebook of the workbook's own `考核规则` tab, which governs it whatever its 规则版本 says. */
  rulebook?: RulebookName;
  windows?: TownshipWindow[];
  /** Located issues (errors exclude the file; warnings are reported only). */
  issues: Issue[];
}

export interface ConsolidateOptions {
  /** The assessment year every file must have; default: the year most files have. */
  year?: number;
  /** The profile every file must use; default: the one most files use. */
  profile?: string;
  /** File names (or paths ending in them) that win when a township appears twice. */
  prefer?: string[];
}

export interface Problem {
  file: string;
  issue: Issue;
  /** True when the file was left out of the ranking because of this or another problem. */
  excluded: boolean;
}

export interface TownshipRow {
  township: string;
  file: string;
  /** Counted score per indicator id: reviewed, else self (tenths). */
  counted: Record<string, Points>;
  self: Record<string, Points | undefined>;
  reviewed: Record<string, Points | undefined>;
  /** Reviewed − self per indicator, where both exist. */
  difference: Record<string, Points | undefined>;
  total: Points;
  /** Counted total − Σ self over the indicators that have a self score. */
  differenceTotal: Points;
  unreviewed: number;
  rank: number;
  grade: string;
}

export interface WindowSummaryRow extends TownshipWindow {
  township: string;
}

export interface CountyResult {
  year?: number;
  profile?: string;
  /** Indicator ids in profile order (the columns). */
  indicatorIds: string[];
  /** Sorted by total (high first), then township name. */
  townships: TownshipRow[];
  windows: WindowSummaryRow[];
  /** Sorted by file, sheet, row, column, code. */
  problems: Problem[];
  /** Files counted in the ranking and files left out, each sorted. */
  used: string[];
  excluded: string[];
}

/** A township's own window results for the year, with the issues that prevented or accompanied them. */
export type WindowScorer = (
  sheets: RawSheet[],
  year: number,
) => { windows: TownshipWindow[]; issues: Issue[] };
