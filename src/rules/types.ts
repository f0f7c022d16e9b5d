/**
 * The rulebook as data. The engine runs generic mechanisms over these declarations;
 * it never branches on a specific code. Extended by the rules/engine owners as needed.
 */

/** Points as integer tenths: 0.5 points = 5. Exact; formatted to one decimal at the edges. */
export type Points = number;

/** 德 / 能 / 勤 / 绩 */
export type StaffCategory = "de" | "neng" | "qin" | "ji";

export const STAFF_CATEGORIES: readonly StaffCategory[] = ["de", "neng", "qin", "ji"];

/** Township checklist indicator (第一篇). */
export interface IndicatorDef {
  id: string; // T1…T10
  name: string;
  /** Other names a checklist may give the indicator (the seed's full name vs a short form), accepted silently. */
  aliases?: string[];
  max: Points;
  criterion: string;
}

/** Tags a behaviour carries; derived conditions select incidents by tag or code. */
export const TAGS = [
  "discipline",
  "attendance",
  "absence",
  "overdue",
  "notify",
  "data-entry",
  "complaint",
  "inspection",
  "corruption",
  "no-awards",
] as const;
export type Tag = (typeof TAGS)[number];

export type RuleKind = "deduction" | "bonus" | "veto" | "record";

export interface StaffEffect {
  /** Per unit, tenths (negative = deduction). */
  points: Points;
  /** Deductions carry a category; bonuses (第二十五条) have none. */
  category?: StaffCategory;
  /** Article that sets the staff effect, e.g. `23.1`. */
  article: string;
  /** Counts only in the year score (第二十三条(一)). */
  yearOnly?: boolean;
}

/** The row's 分值 may replace the per-unit points of the named effect within [min, max]. */
export interface PointsRange {
  min: Points;
  max: Points;
  appliesTo: "window" | "staff";
}

export interface RuleDef {
  code: string;
  text: string;
  unit: string;
  kind: RuleKind;
  /** Per-unit effect on the window (W), tenths. */
  window?: Points;
  staff?: StaffEffect;
  /** Per-unit effect on the window's head (H), same category as the staff effect. */
  head?: Points;
  tags: Tag[];
  range?: PointsRange;
  /** Staff effect: one event (case id) rewarded once across every code of this group, highest kept. */
  eventGroup?: string;
}

/** What a condition does when it holds. */
export type ConditionEffect =
  | "window-fail-month" // 不合格 that month; not 优秀 that quarter or year
  | "window-ineligible" // not 优秀 that quarter and year
  | "staff-ineligible" // not 优秀 / 先进个人 that quarter and year
  | "staff-flag" // a flag (退回原单位, 通报 …) on the person
  | "no-awards" // no award of any kind that year
  | "row-notice"; // 通报、问责 on the row itself

export type Comparison = "gte" | "gt";

export interface Threshold {
  op: Comparison;
  value: number;
}

export interface Match {
  codes?: string[];
  tags?: Tag[];
}

export type ConditionTest =
  | { kind: "any" }
  /** One row whose quantity or days passes the threshold. */
  | { kind: "row"; field: "quantity" | "days"; threshold: Threshold }
  /** Distinct events (a case id counts once) in a calendar month or the year. */
  | { kind: "count"; per: "month" | "year"; threshold: Threshold }
  /** Σ quantity in a calendar month or the year. */
  | { kind: "quantity"; per: "month" | "year"; threshold: Threshold }
  /** `count` distinct events with the last at most `workdays` working days after the first. */
  | { kind: "within"; count: number; workdays: number }
  /** Σ |year-only staff points| of the matched rows in the year (tenths). */
  | { kind: "yearOnlyPoints"; threshold: Threshold }
  /** After grading: a grade in `consecutive.count` consecutive quarters, or any of `anyGrade` in a quarter or the year. */
  | { kind: "grades"; consecutive?: { grade: string; count: number }; anyGrade?: string[] };

export interface ConditionClause {
  match: Match;
  test: ConditionTest;
}

export interface ConditionDef {
  code: string;
  text: string;
  /** Incidents are grouped per window, per staff member, or per staff member within a window. */
  groupBy: "window" | "staff" | "window-staff";
  effect: ConditionEffect;
  /** Holds when any clause holds. */
  anyOf: ConditionClause[];
}

export interface WindowGrades {
  excellent: string;
  pass: string;
  fail: string;
  excellentFloor: Points;
  passFloor: Points;
}

export interface StaffGrades {
  excellent: string;
  competent: string;
  basic: string;
  incompetent: string;
  excellentFloor: Points;
  competentFloor: Points;
  basicFloor: Points;
}

export interface QuotaParams {
  /** Window quarter 优秀: at most this many (第十条). */
  windowQuarter: number;
  /** Window year 优秀 needs this many quarterly 优秀 (第七条). */
  windowYearMinQuarters: number;
  /** Staff 优秀 at most ⌊numerator/denominator × roster⌋ (第四条), quarter and year. */
  staffShare: { numerator: number; denominator: number };
  /** Year 先进个人 needs this many quarterly 先进个人 (第七条). */
  advancedYearMinQuarters: number;
}

/** Year-only bonus derived from quarterly grades (§6). */
export interface DerivedBonusDef {
  code: string;
  text: string;
  target: "window" | "staff";
  /** own-quarter: the entity's own quarterly 优秀; window-quarter: the staff member's window's. */
  basis: "own-quarter" | "window-quarter";
  points: Points;
}

/** 铜山 monthly ranking and quarterly honours (§8). */
export interface MonthlyRankingParams {
  bottom: number;
  bottomCode: string;
  bottomText: string;
  /** Reason text of a tie group that overflows the bottom places (followed by 待人工裁定 / 已人工裁定). */
  bottomTieText: string;
  consecutiveMonths: number;
  consecutiveCode: string;
  consecutiveText: string;
  honourWindows: number;
  honourWindowsCode: string;
  honourStaff: number;
  honourStaffCode: string;
  /** Only entities with a deduction in the month can be in the bottom (§8). */
  bottomNeedsDeduction: boolean;
}

export interface TownshipParams {
  grades: WindowGrades;
  unreviewedNote: string;
  /** Evidence shown beside an indicator: count of verified incidents with the tag. */
  evidence: { indicator: string; tag: Tag; text: string }[];
}

export interface Profile {
  id: string;
  name: string;
  /** The rulebook's own version, shown beside its name (rulebook files). */
  version?: string;
  base: Points;
  rules: RuleDef[];
  conditions: ConditionDef[];
  windowGrades: WindowGrades;
  staffGrades: StaffGrades;
  /** Grade shown while a tie across a quota boundary waits for a 人工裁定. */
  tiePendingGrade: string;
  tieCode: string;
  /** Replaces `tieCode` on a tie's reason once a 人工裁定 has settled it. */
  tieSettledCode: string;
  advancedCode: string;
  advancedText: string;
  quotas: QuotaParams;
  bonuses: DerivedBonusDef[];
  /** Roster roles that make a person the window's head (first match wins). */
  headRoles: string[];
  monthly?: MonthlyRankingParams;
  indicators: IndicatorDef[];
  township: TownshipParams;
  caseLog: { overdueCode: string };
  /** Product choices (rulebook §9), labelled as ours in explanations. */
  interpretations: string[];
}
