/** Structural validation of a profile: every problem as a clear English message with its path. */
import { STAFF_CATEGORIES, TAGS } from "./types";

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const isTenths = (x: unknown): boolean => typeof x === "number" && Number.isInteger(x);
const KINDS = ["deduction", "bonus", "veto", "record"];
const EFFECTS = [
  "window-fail-month",
  "window-ineligible",
  "staff-ineligible",
  "staff-flag",
  "no-awards",
  "row-notice",
];
const GROUPS = ["window", "staff", "window-staff"];
const TESTS = ["any", "row", "count", "quantity", "within", "yearOnlyPoints", "grades"];

function checkTags(tags: unknown, at: string, out: string[]): void {
  if (!Array.isArray(tags)) return void out.push(`${at}: tags must be an array`);
  for (const t of tags)
    if (!(TAGS as readonly unknown[]).includes(t)) out.push(`${at}: unknown tag "${String(t)}"`);
}

function checkRule(r: unknown, i: number, seen: Set<string>, out: string[]): void {
  const at = `rules[${i}]`;
  if (!isObj(r)) return void out.push(`${at}: not an object`);
  const code = r.code;
  if (typeof code !== "string" || code.trim() === "")
    return void out.push(`${at}: code must be a non-empty string`);
  const where = `rule ${code}`;
  if (seen.has(code.toLowerCase())) out.push(`${where}: duplicate code`);
  seen.add(code.toLowerCase());
  if (typeof r.text !== "string" || !r.text) out.push(`${where}: text missing`);
  if (typeof r.unit !== "string" || !r.unit) out.push(`${where}: unit missing`);
  if (!KINDS.includes(r.kind as string)) out.push(`${where}: unknown kind "${String(r.kind)}"`);
  for (const key of ["window", "head"] as const) {
    if (r[key] !== undefined && !isTenths(r[key]))
      out.push(`${where}: ${key} points ${String(r[key])} are not integer tenths`);
  }
  if (r.staff !== undefined) {
    const s = r.staff;
    if (!isObj(s)) out.push(`${where}: staff effect must be an object`);
    else {
      if (!isTenths(s.points)) out.push(`${where}: staff points ${String(s.points)} are not integer tenths`);
      if (s.category !== undefined && !(STAFF_CATEGORIES as readonly unknown[]).includes(s.category)) {
        out.push(`${where}: unknown staff category "${String(s.category)}"`);
      }
      if (typeof s.article !== "string") out.push(`${where}: staff article missing`);
    }
  }
  if (r.head !== undefined && r.staff === undefined) out.push(`${where}: a head effect needs a staff effect`);
  checkTags(r.tags, where, out);
  if (r.range !== undefined) {
    const g = r.range;
    if (!isObj(g) || !isTenths(g.min) || !isTenths(g.max))
      out.push(`${where}: range must hold integer tenths min and max`);
    else if ((g.min as number) > (g.max as number))
      out.push(`${where}: range min ${g.min} exceeds max ${g.max}`);
    else if (g.appliesTo !== "window" && g.appliesTo !== "staff")
      out.push(`${where}: range.appliesTo must be window or staff`);
    else if (r[g.appliesTo] === undefined)
      out.push(`${where}: range applies to a ${g.appliesTo} effect the rule lacks`);
  }
}

function checkTest(t: unknown, at: string, out: string[]): void {
  if (!isObj(t) || !TESTS.includes(t.kind as string)) return void out.push(`${at}: unknown test`);
  if (t.threshold !== undefined) {
    const th = t.threshold;
    if (!isObj(th) || (th.op !== "gte" && th.op !== "gt") || typeof th.value !== "number") {
      out.push(`${at}: threshold must be {op: gte|gt, value: number}`);
    }
  } else if (["row", "count", "quantity", "yearOnlyPoints"].includes(t.kind as string)) {
    out.push(`${at}: threshold missing`);
  }
  if (
    t.kind === "within" &&
    (!Number.isInteger(t.count) || !Number.isInteger(t.workdays) || (t.count as number) < 1)
  ) {
    out.push(`${at}: within needs integer count ≥ 1 and workdays`);
  }
}

function checkCondition(c: unknown, i: number, codes: Set<string>, seen: Set<string>, out: string[]): void {
  const at = `conditions[${i}]`;
  if (!isObj(c) || typeof c.code !== "string" || !c.code)
    return void out.push(`${at}: code must be a non-empty string`);
  const where = `condition ${c.code}`;
  if (seen.has(c.code)) out.push(`${where}: duplicate code`);
  seen.add(c.code);
  if (typeof c.text !== "string" || !c.text) out.push(`${where}: text missing`);
  if (!GROUPS.includes(c.groupBy as string)) out.push(`${where}: unknown groupBy "${String(c.groupBy)}"`);
  if (!EFFECTS.includes(c.effect as string)) out.push(`${where}: unknown effect "${String(c.effect)}"`);
  if (!Array.isArray(c.anyOf) || c.anyOf.length === 0)
    return void out.push(`${where}: anyOf must list clauses`);
  c.anyOf.forEach((clause: unknown, j: number) => {
    const cat = `${where} clause ${j + 1}`;
    if (!isObj(clause) || !isObj(clause.match)) return void out.push(`${cat}: match missing`);
    const m = clause.match;
    if (m.codes !== undefined) {
      if (!Array.isArray(m.codes)) out.push(`${cat}: codes must be an array`);
      else
        for (const code of m.codes)
          if (!codes.has(String(code))) out.push(`${cat}: refers to unknown code "${String(code)}"`);
    }
    if (m.tags !== undefined) checkTags(m.tags, cat, out);
    checkTest(clause.test, cat, out);
  });
}

function checkNumbers(p: Obj, out: string[]): void {
  const wg = p.windowGrades,
    sg = p.staffGrades,
    q = p.quotas;
  if (!isObj(wg) || !isTenths(wg.excellentFloor) || !isTenths(wg.passFloor))
    out.push("windowGrades: floors must be integer tenths");
  if (
    !isObj(sg) ||
    !isTenths(sg.excellentFloor) ||
    !isTenths(sg.competentFloor) ||
    !isTenths(sg.basicFloor)
  ) {
    out.push("staffGrades: floors must be integer tenths");
  }
  if (!isObj(q)) return void out.push("quotas missing");
  for (const k of ["windowQuarter", "windowYearMinQuarters", "advancedYearMinQuarters"]) {
    if (!Number.isInteger(q[k]) || (q[k] as number) < 0)
      out.push(`quotas.${k} must be a non-negative integer`);
  }
  const share = q.staffShare;
  if (
    !isObj(share) ||
    !Number.isInteger(share.numerator) ||
    !Number.isInteger(share.denominator) ||
    (share.denominator as number) <= 0
  ) {
    out.push("quotas.staffShare must be integer numerator/positive denominator");
  }
  if (!isTenths(p.base)) out.push("base must be integer tenths");
}

/** Messages for every problem found; empty when the profile is well formed. */
export function validateProfile(x: unknown): string[] {
  const out: string[] = [];
  if (!isObj(x)) return ["profile must be an object"];
  if (typeof x.id !== "string" || !x.id) out.push("id must be a non-empty string");
  if (!Array.isArray(x.rules)) return [...out, "rules must be an array"];
  const seen = new Set<string>();
  x.rules.forEach((r, i) => checkRule(r, i, seen, out));
  const codes = new Set(x.rules.filter(isObj).map((r) => String(r.code)));
  if (!Array.isArray(x.conditions)) out.push("conditions must be an array");
  else {
    const seenC = new Set<string>();
    x.conditions.forEach((c, i) => checkCondition(c, i, codes, seenC, out));
  }
  checkNumbers(x, out);
  if (!Array.isArray(x.bonuses)) out.push("bonuses must be an array");
  else
    for (const b of x.bonuses)
      if (!isObj(b) || !isTenths(b.points))
        out.push(`bonus ${isObj(b) ? String(b.code) : "?"}: points must be integer tenths`);
  const ids = new Set<string>();
  if (!Array.isArray(x.indicators)) out.push("indicators must be an array");
  else
    for (const d of x.indicators) {
      if (!isObj(d) || typeof d.id !== "string") out.push("indicator without id");
      else if (ids.has(d.id)) out.push(`indicator ${d.id}: duplicate id`);
      else if (!isTenths(d.max) || (d.max as number) <= 0)
        out.push(`indicator ${d.id}: max must be positive integer tenths`);
      else if (
        d.aliases !== undefined &&
        (!Array.isArray(d.aliases) || !d.aliases.every((a) => typeof a === "string" && a.trim()))
      )
        out.push(`indicator ${d.id}: aliases must be non-empty names`);
      if (isObj(d) && typeof d.id === "string") ids.add(d.id);
    }
  const cl = x.caseLog;
  if (!isObj(cl) || !codes.has(String(cl.overdueCode)))
    out.push(`caseLog.overdueCode refers to unknown code "${isObj(cl) ? String(cl.overdueCode) : ""}"`);
  const tw = x.township;
  if (!isObj(tw) || !Array.isArray(tw.evidence)) out.push("township.evidence must be an array");
  else
    for (const e of tw.evidence) {
      if (!isObj(e) || !ids.has(String(e.indicator)))
        out.push(`township evidence refers to unknown indicator "${isObj(e) ? String(e.indicator) : ""}"`);
      else checkTags([e.tag], `township evidence ${String(e.indicator)}`, out);
    }
  if (!Array.isArray(x.headRoles)) out.push("headRoles must be an array");
  for (const k of ["tieCode", "tieSettledCode"] as const)
    if (typeof x[k] !== "string" || !x[k]) out.push(`${k} must be a non-empty string`);
  if (x.tieCode === x.tieSettledCode) out.push("tieSettledCode must differ from tieCode");
  const m = x.monthly;
  if (m !== undefined && (!isObj(m) || !Number.isInteger(m.bottom) || typeof m.bottomTieText !== "string"))
    out.push("monthly: bottom must be an integer and bottomTieText a string");
  return out;
}
