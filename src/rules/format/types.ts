/**
 * The rulebook file (`rules.json`, described by src/rules/rules.schema.json): the engine's Profile written
 * for the people who own the rules — decimal points, 德/能/勤/绩 categories, readable names.
 */
import type {
  ConditionDef,
  DerivedBonusDef,
  MonthlyRankingParams,
  QuotaParams,
  RuleKind,
  Tag,
} from "../types";

export const RULEBOOK_FORMAT = 1;

export type CategoryName = "德" | "能" | "勤" | "绩";

export interface ItemFile {
  code: string;
  text: string;
  unit: string;
  kind: RuleKind;
  window?: number;
  staff?: { points: number; category?: CategoryName; article: string; yearOnly?: boolean };
  head?: number;
  tags: Tag[];
  range?: { min: number; max: number; appliesTo: "window" | "staff" };
  eventGroup?: string;
}

export interface WindowGradesFile {
  excellent: string;
  pass: string;
  fail: string;
  excellentFloor: number;
  passFloor: number;
}

export interface RulebookFile {
  $schema?: string;
  format: typeof RULEBOOK_FORMAT;
  id: string;
  name: string;
  version?: string;
  base: number;
  items: ItemFile[];
  /** As in the engine, except a `yearOnlyPoints` threshold, which is in decimal points. */
  conditions: ConditionDef[];
  windowGrades: WindowGradesFile;
  staffGrades: {
    excellent: string;
    competent: string;
    basic: string;
    incompetent: string;
    excellentFloor: number;
    competentFloor: number;
    basicFloor: number;
  };
  ties: { pendingGrade: string; code: string; settledCode: string };
  advanced: { code: string; text: string };
  quotas: QuotaParams;
  bonuses: DerivedBonusDef[];
  headRoles: string[];
  monthly?: MonthlyRankingParams;
  indicators: { id: string; name: string; aliases?: string[]; max: number; criterion: string }[];
  township: {
    grades: WindowGradesFile;
    unreviewedNote: string;
    evidence: { indicator: string; tag: Tag; text: string }[];
  };
  caseLog: { overdueCode: string };
  interpretations?: string[];
}
