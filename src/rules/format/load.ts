/** Rulebook file (decimal points) → the engine's Profile (integer tenths), refusing anything it cannot run. */
import type { ConditionDef, Profile, RuleDef, StaffCategory, WindowGrades } from "../types";
import { problemText, type RulebookLocale, type RulebookProblem } from "./messages";
import { schemaProblems } from "./schemaCheck";
import { semanticProblems } from "./semantics";
import type { CategoryName, ItemFile, RulebookFile, WindowGradesFile } from "./types";

const CATEGORY: Record<CategoryName, StaffCategory> = { 德: "de", 能: "neng", 勤: "qin", 绩: "ji" };

/** Decimal points → integer tenths (checked to be exact by the schema check). */
const tenths = (x: number): number => Math.round(x * 10);

export type LoadResult = { ok: true; profile: Profile } | { ok: false; problems: RulebookProblem[] };

function rule(r: ItemFile): RuleDef {
  const out: RuleDef = { code: r.code, text: r.text, unit: r.unit, kind: r.kind, tags: [...r.tags] };
  if (r.window !== undefined) out.window = tenths(r.window);
  if (r.staff) {
    out.staff = { points: tenths(r.staff.points), article: r.staff.article };
    if (r.staff.category) out.staff.category = CATEGORY[r.staff.category];
    if (r.staff.yearOnly) out.staff.yearOnly = true;
  }
  if (r.head !== undefined) out.head = tenths(r.head);
  if (r.range)
    out.range = { min: tenths(r.range.min), max: tenths(r.range.max), appliesTo: r.range.appliesTo };
  if (r.eventGroup) out.eventGroup = r.eventGroup;
  return out;
}

function condition(c: ConditionDef): ConditionDef {
  const copy = JSON.parse(JSON.stringify(c)) as ConditionDef;
  for (const clause of copy.anyOf)
    if (clause.test.kind === "yearOnlyPoints")
      clause.test.threshold = { ...clause.test.threshold, value: tenths(clause.test.threshold.value) };
  return copy;
}

const grades = (g: WindowGradesFile): WindowGrades => ({
  excellent: g.excellent,
  pass: g.pass,
  fail: g.fail,
  excellentFloor: tenths(g.excellentFloor),
  passFloor: tenths(g.passFloor),
});

function toProfile(f: RulebookFile): Profile {
  const sg = f.staffGrades;
  const p: Profile = {
    id: f.id,
    name: f.name,
    base: tenths(f.base),
    rules: f.items.map(rule),
    conditions: f.conditions.map(condition),
    windowGrades: grades(f.windowGrades),
    staffGrades: {
      excellent: sg.excellent,
      competent: sg.competent,
      basic: sg.basic,
      incompetent: sg.incompetent,
      excellentFloor: tenths(sg.excellentFloor),
      competentFloor: tenths(sg.competentFloor),
      basicFloor: tenths(sg.basicFloor),
    },
    tiePendingGrade: f.ties.pendingGrade,
    tieCode: f.ties.code,
    tieSettledCode: f.ties.settledCode,
    advancedCode: f.advanced.code,
    advancedText: f.advanced.text,
    quotas: JSON.parse(JSON.stringify(f.quotas)) as Profile["quotas"],
    bonuses: f.bonuses.map((b) => ({ ...b, points: tenths(b.points) })),
    headRoles: [...f.headRoles],
    indicators: f.indicators.map((d) => ({
      id: d.id,
      name: d.name,
      ...(d.aliases ? { aliases: [...d.aliases] } : {}),
      max: tenths(d.max),
      criterion: d.criterion,
    })),
    township: {
      grades: grades(f.township.grades),
      unreviewedNote: f.township.unreviewedNote,
      evidence: f.township.evidence.map((e) => ({ ...e })),
    },
    caseLog: { ...f.caseLog },
    interpretations: [...(f.interpretations ?? [])],
  };
  if (f.version) p.version = f.version;
  if (f.monthly) p.monthly = { ...f.monthly };
  return p;
}

/** Validates a parsed rulebook (shape first, then meaning) and converts it. */
export function loadRulebook(x: unknown): LoadResult {
  const shape = schemaProblems(x);
  if (shape.length > 0) return { ok: false, problems: shape };
  const file = x as RulebookFile;
  const meaning = semanticProblems(file);
  if (meaning.length > 0) return { ok: false, problems: meaning };
  return { ok: true, profile: toProfile(file) };
}

/** Parses the text of a rulebook file, then loads it; a JSON syntax error is a problem like any other. */
export function loadRulebookText(text: string): LoadResult {
  let x: unknown;
  try {
    x = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "", code: "json", params: { detail } }] };
  }
  return loadRulebook(x);
}

/** One line per problem, each prefixed with the file name: `rules.json: items[12].window: …`. */
export function problemLines(
  file: string,
  problems: RulebookProblem[],
  locale: RulebookLocale = "zh-CN",
): string[] {
  return problems.map((p) => `${file}: ${problemText(p, locale)}`);
}

/** Loads a built-in rulebook shipped with the program; a broken one is a bug, so it throws. */
export function builtinRulebook(x: unknown, name: string): Profile {
  const r = loadRulebook(x);
  if (!r.ok) throw new Error(problemLines(name, r.problems, "en").join("\n"));
  return r.profile;
}
