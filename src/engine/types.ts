/**
 * The core's input and output. Plain data only: no workbook objects, no DOM, no cell-address strings.
 * Points are integer tenths (see `Points` in ../rules/types), formatted to one decimal at the edges.
 */
import type { InlineFlag, IsoDate, Issue, PeriodId, SourceRef } from "../core";
import type { CalendarOverride } from "../calendar/types";
import type { Points, StaffCategory } from "../rules/types";
import type { RulebookName } from "../rules/title";

export interface Settings {
  unitName: string;
  unitType: "县中心" | "镇街";
  year: number;
  profile: string;
  county?: string;
}

export interface WindowRow {
  name: string;
  department: string;
  note?: string;
  source: SourceRef;
}

/**
 * One 人员名册 row. A person who moved between windows has several rows with the same `name` and
 * non-overlapping `start`/`end`; namesakes (told apart by `id`) get distinct names `姓名（工号）`.
 */
export interface StaffRow {
  name: string;
  window: string;
  /** 首席代表 / 负责人 count as the window's head. */
  role: string;
  post?: string;
  start?: IsoDate;
  end?: IsoDate;
  /** 工号/身份证后四位, when the roster has the column. */
  id?: string;
  source: SourceRef;
}

export interface IncidentRow {
  date: IsoDate;
  window: string;
  staff?: string;
  /** Canonical code as in the profile (e.g. `14.4a`, `20B.1`). */
  code: string;
  /** Positive integer, default 1. */
  quantity: number;
  /** Working days (overdue, late), where the rule uses them. */
  days?: number;
  /** 分值 override in tenths, only where the rule allows a range. */
  points?: Points;
  caseId?: string;
  verified: boolean;
  note?: string;
  /** Sheet row for incidents from 事项记录; case-log row for derived ones. */
  source: SourceRef;
  /** True for incidents derived by the engine (e.g. 15.7 from the case log); never written back. */
  derived?: boolean;
}

export interface IndicatorRow {
  id: string; // T1…T10
  name: string;
  max: Points;
  self?: Points;
  reviewed?: Points;
  remark?: string;
  source: SourceRef;
}

export type CaseType = "即办件" | "承诺件";
export type Satisfaction = "满意" | "基本满意" | "不满意";

export interface CaseRow {
  caseId: string;
  window: string;
  handler?: string;
  matter?: string;
  type: CaseType;
  received: IsoDate;
  /** Promised working days; 即办件 = 0. */
  promisedDays: number;
  completed?: IsoDate;
  satisfaction?: Satisfaction;
  source: SourceRef;
}

/** A 人工裁定 row: wins over computed values and appears in the audit trail. */
export interface OverrideRow {
  entity: string;
  period: PeriodId;
  field: string;
  value: string;
  reason: string;
  by: string;
  source: SourceRef;
}

export interface AssessmentInput {
  settings: Settings;
  windows: WindowRow[];
  staff: StaffRow[];
  incidents: IncidentRow[];
  indicators: IndicatorRow[];
  cases: CaseRow[];
  calendar: CalendarOverride[];
  overrides: OverrideRow[];
}

export type EntityType = "window" | "staff" | "township";

/**
 * One effect on one entity, traceable to its source row, with every period it counts in: an incident's
 * month, quarter and year (the year only for year-only items); one period for derived bonuses and overrides.
 * `考核明细` lists it once per period. One line per effect, not per period: there are hundreds of thousands.
 */
export interface AuditLine {
  entityType: EntityType;
  entity: string;
  periods: readonly PeriodId[];
  date?: IsoDate;
  /** Rule code, e.g. `14.7`, `19.9`, `override`. */
  code: string;
  /** Chinese text of the rule. */
  text: string;
  quantity: number;
  points: Points;
  category?: StaffCategory;
  source?: SourceRef;
  caseId?: string;
  /** e.g. `year-only`, `head`, `case-log` (an incident derived from the case log), `quarterly-grades`
   * (a derived year bonus), `人工裁定: reason`. */
  note?: string;
}

/** A veto, condition, notice or title, with the rows that caused it. */
/**
 * A sentence of the engine's own, named by key with its params and worded by the locale tables
 * (src/workbook/messages/reasons.ts). Params that are rulebook words (a title, a tie text) stay as data.
 * `settled`: a tie that a 人工裁定 has decided (else still pending).
 */
export type ReasonWords =
  | { key: "gradeTie"; settled: boolean }
  | { key: "bottomTie"; tieText: string; settled: boolean }
  | { key: "advancedTie"; title: string; settled: boolean }
  | { key: "honourTie"; honour: string; settled: boolean }
  | { key: "advancedQuarter"; title: string }
  | { key: "advancedYear"; title: string }
  | { key: "override"; field: string; value: string; why: string; by: string };

export interface Reason {
  code: string;
  /** The rulebook's own words for the code (rule data); empty when `words` says it. */
  text: string;
  words?: ReasonWords;
  period: PeriodId;
  sources: SourceRef[];
}

export interface WindowResult {
  period: PeriodId;
  window: string;
  department: string;
  /** Sum of negative effects (≤ 0), tenths. */
  deductions: Points;
  /** Sum of positive effects including derived bonuses (≥ 0), tenths. */
  bonuses: Points;
  score: Points;
  rank: number;
  grade: string;
  eligible: boolean;
  /** True when tied across a quota boundary: grade stays open (并列待裁定). */
  tiePending: boolean;
  reasons: Reason[];
}

export interface StaffResult {
  period: PeriodId;
  name: string;
  window: string;
  categories: Record<StaffCategory, Points>;
  bonuses: Points;
  score: Points;
  rank: number;
  grade: string;
  eligible: boolean;
  tiePending: boolean;
  /** Conditions, notices and titles (26.x, 27.x, N-23.1, 23.9, 先进个人, 约谈整改 …). */
  flags: Reason[];
}

export interface TownshipResult {
  unit: string;
  /** Counted score per indicator id (reviewed, else self), tenths. */
  indicators: Record<string, Points>;
  selfIndicators: Record<string, Points | undefined>;
  reviewedIndicators: Record<string, Points | undefined>;
  total: Points;
  rank: number;
  grade: string;
  /** e.g. `T3 未复核`, evidence such as `T6 建议 13.5 (按期办结率 90.0%)`, worded by the locale tables. */
  notes: TownshipNote[];
}

/**
 * A note on a township's row, by key and params. `text` is the rulebook's own words (an unreviewed note,
 * an evidence label); `rate` is a fraction (0.9 = 90 %).
 */
export type TownshipNote =
  | { key: "unreviewed"; indicator: string; text: string }
  | { key: "evidence"; indicator: string; text: string; count: number }
  | { key: "caseLogSuggestion"; indicator: string; points: Points; rate: number };

export interface CaseStats {
  period: PeriodId;
  window: string;
  received: number;
  completed: number;
  instant: number;
  /** Ratios in [0,1]; undefined when the denominator is 0 (shown blank). */
  instantRate?: number;
  onTimeRate?: number;
  earlyRate?: number;
  overdue: number;
  satisfactionRate?: number;
  /** Counts behind the rates (exact evidence, e.g. T6 = 15 × onTime ÷ promised). */
  promised?: number;
  onTime?: number;
  early?: number;
  /** Overdue working days of the overdue cases. */
  overdueDays?: number;
  rated?: number;
  satisfied?: number;
}

export interface AssessmentResult {
  unit: string;
  year: number;
  profile: string;
  /** The rulebook scored under, by its own name and version (a county's file may reuse a built-in id). */
  rulebook?: RulebookName;
  periods: PeriodId[];
  /** The rulebook's grade names, best first (the order a chart or a count follows; names are data). */
  grades: { window: string[]; staff: string[] };
  windows: WindowResult[];
  staff: StaffResult[];
  townships: TownshipResult[];
  audit: AuditLine[];
  flags: InlineFlag[];
  caseStats: CaseStats[];
  /** Warnings found while scoring (unverified rows, dates outside the year, …). */
  issues: Issue[];
}
