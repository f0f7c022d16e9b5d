/** Evaluates the profile's incident-based conditions and records their effects on the board. */
import type { WorkCalendar } from "../calendar/types";
import type { ConditionClause, ConditionDef, Profile, RuleDef } from "../rules/types";
import type { Board, Slot, SlotType } from "./board";
import { SourceSet } from "./sourceSet";
import { matchedCodes, runTest, type TestHit } from "./conditionTests";
import { type PeriodId, quarterOfMonth, quartersOfYear, type SourceRef } from "../core";
import type { Incident } from "./prepare";

/** A condition that held, for an inline flag on its rows. */
export interface ConditionHit {
  def: ConditionDef;
  periods: PeriodId[];
  sources: SourceRef[];
}

/** The clause's incidents grouped by window, person or both, groups in order of first appearance. */
function groupsOf(def: ConditionDef, incidents: Incident[]): Incident[][] {
  const order: Incident[][] = [];
  // Keyed by window then person (nested maps: no key strings per incident).
  const byWindow = new Map<string, Map<string, Incident[]>>();
  for (let i = 0; i < incidents.length; i++) {
    const inc = incidents[i];
    if (def.groupBy !== "window" && !inc.staff) continue;
    const first = def.groupBy === "staff" ? (inc.staff as string) : inc.window;
    const second = def.groupBy === "window-staff" ? (inc.staff as string) : "";
    let inner = byWindow.get(first);
    if (!inner) byWindow.set(first, (inner = new Map()));
    const list = inner.get(second);
    if (list) list.push(inc);
    else {
      const created = [inc];
      inner.set(second, created);
      order.push(created);
    }
  }
  return order;
}

function sourcesOf(rows: Incident[]): SourceRef[] {
  const seen = new SourceSet();
  const out: SourceRef[] = [];
  for (const r of rows) if (seen.add(r.source)) out.push(r.source);
  return out;
}

/**
 * Incidents by date, then input order: a stable counting sort on the day number (a year has ≤ 366 days).
 * Here and below, indexed loops: these run once per call over every incident, and an iterator would
 * allocate a result object per step until V8 optimises the loop.
 */
function inDateOrder(incidents: Incident[]): Incident[] {
  const n = incidents.length;
  if (n === 0) return incidents;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const day = incidents[i].day;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  // starts[d] = where day first + d begins in the output.
  const starts = new Int32Array(last - first + 2);
  for (let i = 0; i < n; i++) starts[incidents[i].day - first + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  const out = new Array<Incident>(n);
  for (let i = 0; i < n; i++) out[starts[incidents[i].day - first]++] = incidents[i];
  return out;
}

/** Each code's incidents, in the order given. */
function indexByCode(incidents: Incident[]): Map<string, Incident[]> {
  const byCode = new Map<string, Incident[]>();
  for (let i = 0; i < incidents.length; i++) {
    const inc = incidents[i];
    const list = byCode.get(inc.code);
    if (list) list.push(inc);
    else byCode.set(inc.code, [inc]);
  }
  return byCode;
}

/** The entity a hit lands on and the periods it touches, by effect. */
function targets(
  def: ConditionDef,
  hit: TestHit,
  rows: Incident[],
  year: number,
): { type: SlotType; entity: string; periods: PeriodId[]; sources?: SourceRef[] }[] {
  const first = rows[0];
  const month = hit.date.slice(0, 7);
  const quarter = quarterOfMonth(month);
  const y = String(year);
  const staff = hit.rows.find((r) => r.staff)?.staff;
  switch (def.effect) {
    case "window-fail-month":
      return [{ type: "window", entity: first.window, periods: [month, quarter, y] }];
    case "window-ineligible":
      return [{ type: "window", entity: first.window, periods: [quarter, y] }];
    case "staff-ineligible":
      return staff ? [{ type: "staff", entity: staff, periods: [quarter, y] }] : [];
    case "staff-flag":
      return staff
        ? [{ type: "staff", entity: staff, periods: hit.yearLevel ? [y] : [month, quarter, y] }]
        : [];
    case "no-awards":
      return staff ? [{ type: "staff", entity: staff, periods: [...quartersOfYear(year), y] }] : [];
    case "row-notice":
      // One notice per row, on that row's person, citing that row only.
      return hit.rows.flatMap((r) =>
        r.staff
          ? [
              {
                type: "staff" as const,
                entity: r.staff,
                periods: [r.month, r.quarter, y],
                sources: [r.source],
              },
            ]
          : [],
      );
  }
}

/** The condition's effect on one slot, with its rows as the reason's sources. */
function apply(def: ConditionDef, slot: Slot, sources: readonly SourceRef[], board: Board): void {
  board.cite(slot, def.code, def.text, slot.period, sources);
  if (def.effect === "row-notice" || def.effect === "staff-flag") return;
  if (def.effect === "no-awards") slot.noAwards = true;
  if (def.effect === "window-fail-month" && slot.kind === "month") slot.failed = true;
  else if (slot.kind !== "month") slot.eligible = false;
}

/** Records one hit on the slots it lands on; returns it for the inline flags. */
function record(def: ConditionDef, hit: TestHit, rows: Incident[], board: Board, year: number): ConditionHit {
  const sources = sourcesOf(hit.rows);
  const touched: PeriodId[] = [];
  for (const t of targets(def, hit, rows, year)) {
    const slots = board.periodsOf(t.type, t.entity);
    for (const period of t.periods) {
      const slot = slots?.get(period);
      if (slot) apply(def, slot, t.sources ?? sources, board);
      if (!touched.includes(period)) touched.push(period);
    }
  }
  if (touched.length === 0) touched.push(hit.yearLevel ? String(year) : hit.date.slice(0, 7));
  return { def, periods: touched, sources };
}

/** The incidents a clause matches: each code's, in date order (the tests sort a mix of codes). */
function matching(clause: ConditionClause, byCode: Map<string, Incident[]>, rules: readonly RuleDef[]) {
  const lists: Incident[][] = [];
  let total = 0;
  for (const code of matchedCodes(clause.match, rules)) {
    const list = byCode.get(code);
    if (!list) continue;
    lists.push(list);
    total += list.length;
  }
  if (lists.length === 1) return lists[0];
  const out = new Array<Incident>(total);
  let k = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) out[k++] = list[i];
  return out;
}

/** Runs every incident-based condition of the profile; returns the hits for inline flags. */
export function applyConditions(
  incidents: Incident[],
  profile: Profile,
  cal: WorkCalendar,
  board: Board,
  year: number,
): ConditionHit[] {
  const byCode = indexByCode(inDateOrder(incidents));
  const hits: ConditionHit[] = [];
  for (const def of profile.conditions) {
    for (const clause of def.anyOf) {
      for (const rows of groupsOf(def, matching(clause, byCode, profile.rules))) {
        for (const hit of runTest(clause.test, rows, cal)) hits.push(record(def, hit, rows, board, year));
      }
    }
  }
  return hits;
}
