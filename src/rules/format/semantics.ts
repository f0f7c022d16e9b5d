/** Checks a well-shaped rulebook file for what its schema cannot say: references, duplicates, orders, signs. */
import type { RulebookProblem } from "./messages";
import type { RulebookFile } from "./types";

const STAFF_EFFECTS = ["staff-ineligible", "staff-flag", "no-awards"];
const WINDOW_EFFECTS = ["window-fail-month", "window-ineligible"];

function duplicates(
  values: string[],
  path: (i: number) => string,
  out: RulebookProblem[],
  fold = true,
): void {
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    const key = fold ? v.normalize("NFKC").replace(/\s+/g, "").toLowerCase() : v;
    const first = seen.get(key);
    if (first !== undefined)
      out.push({ path: path(i), code: "duplicate", params: { value: v, other: path(first) } });
    else seen.set(key, i);
  });
}

function checkItems(f: RulebookFile, out: RulebookProblem[]): void {
  duplicates(
    f.items.map((r) => r.code),
    (i) => `items[${i}].code`,
    out,
  );
  f.items.forEach((r, i) => {
    const at = `items[${i}]`;
    if (r.head !== undefined && !r.staff)
      out.push({ path: `${at}.head`, code: "wrong-entity", params: { what: "head-without-staff" } });
    if (r.range && r[r.range.appliesTo] === undefined)
      out.push({
        path: `${at}.range.appliesTo`,
        code: "wrong-entity",
        params: { what: "range-missing", target: r.range.appliesTo },
      });
    if (r.range && r.range.min > r.range.max)
      out.push({
        path: `${at}.range`,
        code: "floors",
        params: { detail: `min ${r.range.min} > max ${r.range.max}` },
      });
    const signs: [string, number | undefined][] = [
      ["window", r.window],
      ["staff.points", r.staff?.points],
      ["head", r.head],
    ];
    for (const [key, v] of signs) {
      if (v === undefined) continue;
      const wrong =
        (r.kind === "deduction" && v > 0) ||
        (r.kind === "bonus" && v < 0) ||
        (r.kind !== "deduction" && r.kind !== "bonus" && v !== 0);
      if (wrong) out.push({ path: `${at}.${key}`, code: "sign", params: { value: v, kind: r.kind } });
    }
    if (r.staff && r.staff.points > 0 && r.staff.category)
      out.push({ path: `${at}.staff.category`, code: "wrong-entity", params: { what: "category-on-bonus" } });
    if (r.staff && r.staff.points < 0 && !r.staff.category)
      out.push({ path: `${at}.staff`, code: "wrong-entity", params: { what: "category-missing" } });
  });
}

function checkConditions(f: RulebookFile, out: RulebookProblem[]): void {
  duplicates(
    f.conditions.map((c) => c.code),
    (i) => `conditions[${i}].code`,
    out,
    false,
  );
  const codes = new Set(f.items.map((r) => r.code));
  const carried = new Set(f.items.flatMap((r) => r.tags));
  const grades = [
    f.staffGrades.excellent,
    f.staffGrades.competent,
    f.staffGrades.basic,
    f.staffGrades.incompetent,
  ];
  f.conditions.forEach((c, i) => {
    const at = `conditions[${i}]`;
    if (STAFF_EFFECTS.includes(c.effect) && c.groupBy === "window")
      out.push({
        path: `${at}.effect`,
        code: "wrong-entity",
        params: { what: "staff-effect-window-group", effect: c.effect },
      });
    if (WINDOW_EFFECTS.includes(c.effect) && c.groupBy === "staff")
      out.push({
        path: `${at}.effect`,
        code: "wrong-entity",
        params: { what: "window-effect-staff-group", effect: c.effect },
      });
    c.anyOf.forEach((clause, j) => {
      const cat = `${at}.anyOf[${j}]`;
      (clause.match.codes ?? []).forEach((code, k) => {
        if (!codes.has(code))
          out.push({ path: `${cat}.match.codes[${k}]`, code: "unknown-code", params: { value: code } });
      });
      (clause.match.tags ?? []).forEach((tag, k) => {
        if (!carried.has(tag))
          out.push({ path: `${cat}.match.tags[${k}]`, code: "unused-tag", params: { value: tag } });
      });
      const t = clause.test as unknown as Record<string, unknown>;
      const need: Record<string, string[]> = {
        row: ["field", "threshold"],
        count: ["per", "threshold"],
        quantity: ["per", "threshold"],
        within: ["count", "workdays"],
        yearOnlyPoints: ["threshold"],
      };
      for (const key of need[String(t.kind)] ?? [])
        if (t[key] === undefined)
          out.push({ path: `${cat}.test`, code: "test-field", params: { kind: String(t.kind), key } });
      if (t.kind === "grades") {
        if (c.groupBy !== "staff")
          out.push({ path: `${at}.groupBy`, code: "wrong-entity", params: { what: "grades-test-group" } });
        const named = [...((t.anyGrade as string[] | undefined) ?? [])];
        const cons = t.consecutive as { grade: string } | undefined;
        if (cons) named.push(cons.grade);
        for (const g of named)
          if (!grades.includes(g))
            out.push({ path: `${cat}.test`, code: "unknown-grade", params: { value: g } });
        if (!cons && !t.anyGrade)
          out.push({ path: `${cat}.test`, code: "test-field", params: { kind: "grades", key: "anyGrade" } });
      }
    });
  });
}

function checkNumbers(f: RulebookFile, out: RulebookProblem[]): void {
  const sg = f.staffGrades;
  if (!(sg.excellentFloor > sg.competentFloor && sg.competentFloor > sg.basicFloor))
    out.push({
      path: "staffGrades",
      code: "floors",
      params: { detail: `${sg.excellentFloor} > ${sg.competentFloor} > ${sg.basicFloor}` },
    });
  for (const [path, g] of [
    ["windowGrades", f.windowGrades],
    ["township.grades", f.township.grades],
  ] as const)
    if (!(g.excellentFloor > g.passFloor))
      out.push({ path, code: "floors", params: { detail: `${g.excellentFloor} > ${g.passFloor}` } });
  const share = f.quotas.staffShare;
  if (share.numerator > share.denominator)
    out.push({
      path: "quotas.staffShare",
      code: "share",
      params: { value: `${share.numerator}/${share.denominator}` },
    });
  if (f.ties.code === f.ties.settledCode)
    out.push({ path: "ties.settledCode", code: "same-code", params: {} });
  const ids = f.indicators.map((d) => d.id);
  duplicates(ids, (i) => `indicators[${i}].id`, out, false);
  f.township.evidence.forEach((e, i) => {
    if (!ids.includes(e.indicator))
      out.push({
        path: `township.evidence[${i}].indicator`,
        code: "unknown-indicator",
        params: { value: e.indicator },
      });
  });
  if (!f.items.some((r) => r.code === f.caseLog.overdueCode))
    out.push({ path: "caseLog.overdueCode", code: "unknown-code", params: { value: f.caseLog.overdueCode } });
  duplicates(
    f.bonuses.map((b) => b.code),
    (i) => `bonuses[${i}].code`,
    out,
    false,
  );
}

/** Problems in a file that already passed the schema check. */
export function semanticProblems(f: RulebookFile): RulebookProblem[] {
  const out: RulebookProblem[] = [];
  checkItems(f, out);
  checkConditions(f, out);
  checkNumbers(f, out);
  return out;
}
