/** What the workbook parser needs from a rules profile (a structural view of src/rules' Profile). */
import type { Points, IndicatorDef } from "../rules/types";
import { matchKey } from "./text";

export interface ContractRule {
  code: string;
  text: string;
  unit: string;
  /** Allowed 分值 range (tenths) where the rule lets a row set its points. */
  range?: { min: Points; max: Points };
}

export interface ContractProfile {
  id: string;
  rules: readonly ContractRule[];
  indicators: readonly IndicatorDef[];
  /** Canonical code for user text (case-insensitive, folded), or undefined. */
  normalizeCode(text: string): string | undefined;
}

/** Resolves a 规则版本 id to a profile; undefined for an unknown id. */
export type ProfileResolver = (id: string) => ContractProfile | undefined;

/** Default code normalisation: trimmed, width-folded, case-insensitive match against the rule codes. */
export function codeMatcher(rules: readonly { code: string }[]): (text: string) => string | undefined {
  const byKey = new Map(rules.map((r) => [matchKey(r.code), r.code]));
  return (text) => byKey.get(matchKey(text));
}
