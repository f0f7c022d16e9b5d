/** Generic tests of a condition clause over one group's matching incidents (rulebook §4). */
import type { WorkCalendar } from "../calendar/types";
import type { ConditionTest, Match, RuleDef, Threshold } from "../rules/types";
import type { Incident } from "./prepare";
import type { IsoDate } from "../core";

/** A test that held: the date it first held on, the rows behind it, and whether it is about the year. */
export interface TestHit {
  date: IsoDate;
  rows: Incident[];
  yearLevel: boolean;
}

/** The codes a match selects: listed codes plus every rule carrying one of the tags. */
export function matchedCodes(m: Match, rules: readonly RuleDef[]): Set<string> {
  const out = new Set(m.codes ?? []);
  for (const r of rules) if (m.tags?.some((t) => r.tags.includes(t))) out.add(r.code);
  return out;
}

export function passes(t: Threshold, x: number): boolean {
  return t.op === "gte" ? x >= t.value : x > t.value;
}

/** Distinct events: rows sharing a case id are one event dated at its earliest row. */
function events(rows: Incident[]): Incident[][] {
  const byEvent = new Map<string, Incident[]>();
  for (const r of byDate(rows)) {
    const k = r.caseId ? `c\u0001${r.caseId}` : `r\u0001${r.index}`;
    const list = byEvent.get(k);
    if (list) list.push(r);
    else byEvent.set(k, [r]);
  }
  return [...byEvent.values()].sort((a, b) => earlier(a[0], b[0]));
}

/** Date order, then input order (ISO dates compare as strings). */
function earlier(a: Incident, b: Incident): number {
  return a.day - b.day || a.index - b.index;
}

/** Rows in date order: the rows themselves when already so (applyConditions groups date-sorted rows). */
function byDate(rows: Incident[]): Incident[] {
  for (let i = 1; i < rows.length; i++) if (earlier(rows[i - 1], rows[i]) > 0) return [...rows].sort(earlier);
  return rows;
}

/** Accumulates in date order; hits at the row where the running total first passes. */
function accumulate(
  rows: Incident[],
  t: Threshold,
  weigh: (r: Incident, i: number) => number,
  yearLevel: boolean,
): TestHit[] {
  let total = 0;
  for (const [i, r] of rows.entries()) {
    total += weigh(r, i);
    if (passes(t, total)) return [{ date: r.date, rows, yearLevel }];
  }
  return [];
}

function perPeriod(
  rows: Incident[],
  per: "month" | "year",
  run: (group: Incident[]) => TestHit[],
): TestHit[] {
  const groups = new Map<string, Incident[]>();
  for (const r of byDate(rows)) {
    const k = per === "month" ? r.month : r.year;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()].flatMap(run);
}

function countTest(rows: Incident[], t: Threshold, yearLevel: boolean): TestHit[] {
  const evs = events(rows);
  const firsts = evs.map((e) => e[0]);
  const hits = accumulate(firsts, t, () => 1, yearLevel);
  return hits.map((h) => ({ ...h, rows: evs.flat() }));
}

/** `count` events within `workdays` working days; one hit per month of the last event, rows merged. */
function withinTest(rows: Incident[], count: number, workdays: number, cal: WorkCalendar): TestHit[] {
  const evs = events(rows);
  const byMonth = new Map<string, { hit: TestHit; seen: Set<Incident> }>();
  for (let j = count - 1; j < evs.length; j++) {
    const last = evs[j][0];
    if (cal.workdaysBetween(evs[j - count + 1][0].date, last.date) > workdays) continue;
    let m = byMonth.get(last.month);
    if (!m)
      byMonth.set(
        last.month,
        (m = { hit: { date: last.date, rows: [], yearLevel: false }, seen: new Set() }),
      );
    for (let k = j - count + 1; k <= j; k++) {
      for (const r of evs[k]) {
        if (m.seen.has(r)) continue;
        m.seen.add(r);
        m.hit.rows.push(r);
      }
    }
  }
  return [...byMonth.values()].map((m) => m.hit);
}

/** One hit per month (or one for the year): same effect, fewer reasons and flags to merge later. */
function mergeByMonth(hits: TestHit[]): TestHit[] {
  const merged = new Map<string, { hit: TestHit; seen: Set<Incident> }>();
  for (const h of hits) {
    const k = h.yearLevel ? "year" : h.date.slice(0, 7);
    const cur = merged.get(k);
    if (!cur) {
      merged.set(k, { hit: { ...h, rows: [...h.rows] }, seen: new Set(h.rows) });
      continue;
    }
    if (h.date < cur.hit.date) cur.hit.date = h.date;
    for (const r of h.rows) {
      if (cur.seen.has(r)) continue;
      cur.seen.add(r);
      cur.hit.rows.push(r);
    }
  }
  return [...merged.values()].map((m) => m.hit);
}

/** Rows passing a per-row test, as one hit per month (what mergeByMonth makes of one hit per row). */
function rowsByMonth(rows: Incident[], keep: (r: Incident) => boolean): TestHit[] {
  const hits: TestHit[] = [];
  let current: TestHit | undefined;
  for (const r of byDate(rows)) {
    if (!keep(r)) continue;
    if (current && current.rows[0].month === r.month) current.rows.push(r);
    else hits.push((current = { date: r.date, rows: [r], yearLevel: false }));
  }
  return hits;
}

/** Runs an incident-based test, one hit per month it holds in; `grades` tests run after grading. */
export function runTest(test: ConditionTest, rows: Incident[], cal: WorkCalendar): TestHit[] {
  const hits = rawHits(test, rows, cal);
  // Per-row and window tests already give one hit per month (no hit object per row or per window).
  return test.kind === "any" || test.kind === "row" || test.kind === "within" ? hits : mergeByMonth(hits);
}

function rawHits(test: ConditionTest, rows: Incident[], cal: WorkCalendar): TestHit[] {
  if (rows.length === 0) return [];
  switch (test.kind) {
    case "any":
      return rowsByMonth(rows, () => true);
    case "row":
      return rowsByMonth(rows, (r) =>
        passes(test.threshold, (test.field === "days" ? r.days : r.quantity) ?? 0),
      );
    case "count":
      return perPeriod(rows, test.per, (g) => countTest(g, test.threshold, test.per === "year"));
    case "quantity":
      return perPeriod(rows, test.per, (g) =>
        accumulate(g, test.threshold, (r) => r.quantity, test.per === "year"),
      );
    case "within":
      return withinTest(rows, test.count, test.workdays, cal);
    case "yearOnlyPoints": {
      const yearOnly = byDate(rows).filter((r) => r.staff && r.rule.staff?.yearOnly);
      return accumulate(
        yearOnly,
        test.threshold,
        (r) => Math.abs(r.rule.staff?.points ?? 0) * r.quantity,
        true,
      );
    }
    case "grades":
      return [];
  }
}
