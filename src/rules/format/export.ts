/** Profile (integer tenths) → rulebook file (decimal points). */
import type { ConditionDef, Points, Profile, RuleDef, StaffCategory, WindowGrades } from "../types";
import {
  RULEBOOK_FORMAT,
  type CategoryName,
  type ItemFile,
  type RulebookFile,
  type WindowGradesFile,
} from "./types";

export const CATEGORY_NAMES: Record<StaffCategory, CategoryName> = {
  de: "德",
  neng: "能",
  qin: "勤",
  ji: "绩",
};

/** Tenths → decimal points (5 → 0.5), exact to one decimal. */
export const points = (t: Points): number => Number((t / 10).toFixed(1));

function item(r: RuleDef): ItemFile {
  const s = r.staff;
  const staff: ItemFile["staff"] = s && {
    points: points(s.points),
    ...(s.category ? { category: CATEGORY_NAMES[s.category] } : {}),
    article: s.article,
    ...(s.yearOnly ? { yearOnly: true } : {}),
  };
  return {
    code: r.code,
    text: r.text,
    unit: r.unit,
    kind: r.kind,
    ...(r.window !== undefined ? { window: points(r.window) } : {}),
    ...(staff ? { staff } : {}),
    ...(r.head !== undefined ? { head: points(r.head) } : {}),
    tags: [...r.tags],
    ...(r.range
      ? { range: { min: points(r.range.min), max: points(r.range.max), appliesTo: r.range.appliesTo } }
      : {}),
    ...(r.eventGroup ? { eventGroup: r.eventGroup } : {}),
  };
}

function condition(c: ConditionDef): ConditionDef {
  const copy = JSON.parse(JSON.stringify(c)) as ConditionDef;
  for (const clause of copy.anyOf)
    if (clause.test.kind === "yearOnlyPoints")
      clause.test.threshold = { ...clause.test.threshold, value: points(clause.test.threshold.value) };
  return copy;
}

const windowGrades = (g: WindowGrades): WindowGradesFile => ({
  ...g,
  excellentFloor: points(g.excellentFloor),
  passFloor: points(g.passFloor),
});

/** The rulebook file for a profile; `schema` is the `$schema` reference written first (editors validate). */
export function exportRulebook(p: Profile, schema = "./rules.schema.json"): RulebookFile {
  const sg = p.staffGrades;
  const out: RulebookFile = {
    $schema: schema,
    format: RULEBOOK_FORMAT,
    id: p.id,
    name: p.name,
    base: points(p.base),
    items: p.rules.map(item),
    conditions: p.conditions.map(condition),
    windowGrades: windowGrades(p.windowGrades),
    staffGrades: {
      ...sg,
      excellentFloor: points(sg.excellentFloor),
      competentFloor: points(sg.competentFloor),
      basicFloor: points(sg.basicFloor),
    },
    ties: { pendingGrade: p.tiePendingGrade, code: p.tieCode, settledCode: p.tieSettledCode },
    advanced: { code: p.advancedCode, text: p.advancedText },
    quotas: JSON.parse(JSON.stringify(p.quotas)) as RulebookFile["quotas"],
    bonuses: p.bonuses.map((b) => ({ ...b, points: points(b.points) })),
    headRoles: [...p.headRoles],
    indicators: p.indicators.map((d) => ({
      id: d.id,
      name: d.name,
      ...(d.aliases ? { aliases: [...d.aliases] } : {}),
      max: points(d.max),
      criterion: d.criterion,
    })),
    township: {
      grades: windowGrades(p.township.grades),
      unreviewedNote: p.township.unreviewedNote,
      evidence: p.township.evidence.map((e) => ({ ...e })),
    },
    caseLog: { ...p.caseLog },
    interpretations: [...p.interpretations],
  };
  if (p.version) out.version = p.version;
  if (p.monthly) out.monthly = { ...p.monthly };
  return out;
}

/** The file's text: two-space JSON, ending in a newline. */
export const rulebookText = (p: Profile, schema?: string): string =>
  `${JSON.stringify(exportRulebook(p, schema), null, 2)}\n`;
