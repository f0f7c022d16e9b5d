/**
 * Authoring helpers: rules are written in readable decimal points and converted once to integer
 * tenths. A value that is not a multiple of 0.1 throws here (a bug in the data, caught by tests).
 */
import type { PointsRange, RuleDef, RuleKind, StaffCategory, Tag } from "./types";

/** Decimal points → integer tenths. @throws Error when `x` is not a multiple of 0.1. */
export function tenths(x: number): number {
  const t = Math.round(x * 10);
  if (Math.abs(t - x * 10) > 1e-9) throw new Error(`points ${x} are not a multiple of 0.1`);
  return t;
}

const CATEGORY: Record<string, StaffCategory> = { 德: "de", 能: "neng", 勤: "qin", 绩: "ji" };

export interface RuleSpec {
  code: string;
  text: string;
  unit: string;
  /** Window points per unit. */
  w?: number;
  /** Staff: [points, category (德/能/勤/绩 or "" for bonuses), article, year-only]. */
  s?: [number, string, string, boolean?];
  h?: number;
  tags?: Tag[];
  range?: [number, number, "window" | "staff"];
  eventGroup?: string;
  kind?: RuleKind;
}

function kindOf(spec: RuleSpec): RuleKind {
  if (spec.kind) return spec.kind;
  const p = spec.w ?? spec.s?.[0] ?? 0;
  if (p > 0) return "bonus";
  return p < 0 ? "deduction" : "record";
}

/** Builds a runtime rule from its authored spec. */
export function rule(spec: RuleSpec): RuleDef {
  const out: RuleDef = {
    code: spec.code,
    text: spec.text,
    unit: spec.unit,
    kind: kindOf(spec),
    tags: spec.tags ?? [],
  };
  if (spec.w !== undefined) out.window = tenths(spec.w);
  if (spec.s) {
    const [points, cat, article, yearOnly] = spec.s;
    out.staff = { points: tenths(points), article };
    const category = CATEGORY[cat];
    if (category) out.staff.category = category;
    if (yearOnly) out.staff.yearOnly = true;
  }
  if (spec.h !== undefined) out.head = tenths(spec.h);
  if (spec.range) {
    const range: PointsRange = {
      min: tenths(spec.range[0]),
      max: tenths(spec.range[1]),
      appliesTo: spec.range[2],
    };
    out.range = range;
  }
  if (spec.eventGroup) out.eventGroup = spec.eventGroup;
  return out;
}
