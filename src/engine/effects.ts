/** Effects of each incident on the window, the staff member and the head, as audit lines per period. */
import type { Profile } from "../rules/types";
import type { Board } from "./board";
import type { Incident } from "./prepare";
import type { AuditLine, StaffRow } from "./types";

/** The window's head: the first roster member whose role is listed in the profile's headRoles order. */
export function headsOf(staff: StaffRow[], profile: Profile): Map<string, string> {
  const heads = new Map<string, string>();
  for (const role of profile.headRoles) {
    for (const s of staff)
      if (String(s.role ?? "").trim() === role && !heads.has(s.window)) heads.set(s.window, s.name);
  }
  return heads;
}

interface Effect {
  inc: Incident;
  type: "window" | "staff";
  entity: string;
  points: number;
  yearOnly: boolean;
  note?: string;
}

function staffPoints(inc: Incident): number {
  const { rule } = inc;
  const unit =
    inc.points !== undefined && rule.range?.appliesTo === "staff" ? inc.points : (rule.staff?.points ?? 0);
  return unit * inc.quantity;
}

function eachEffect(
  inc: Incident,
  heads: Map<string, string>,
  emit: (e: Effect) => void,
  skipStaff: boolean,
): void {
  const { rule, quantity } = inc;
  if (rule.window !== undefined) {
    const unit = inc.points !== undefined && rule.range?.appliesTo === "window" ? inc.points : rule.window;
    emit({ inc, type: "window", entity: inc.window, points: unit * quantity, yearOnly: false });
  }
  const yearOnly = !!rule.staff?.yearOnly;
  if (rule.staff && inc.staff && !skipStaff) {
    const e: Effect = { inc, type: "staff", entity: inc.staff, points: staffPoints(inc), yearOnly };
    if (yearOnly) e.note = "year-only";
    emit(e);
  }
  const head = heads.get(inc.window);
  // The head answers for others' faults; a head who is the offender is not charged twice.
  if (rule.head !== undefined && head !== undefined && head !== inc.staff) {
    emit({ inc, type: "staff", entity: head, points: rule.head * quantity, yearOnly, note: "head" });
  }
}

/** Staff effects of an event group (19.7a–d) count once per person and case id: the highest is kept. */
function eventLosers(incidents: Incident[]): Set<Incident> {
  const best = new Map<string, Incident>();
  const losers = new Set<Incident>();
  for (const inc of incidents) {
    const group = inc.rule.eventGroup;
    if (!group || !inc.caseId || !inc.staff || !inc.rule.staff) continue;
    const k = `${inc.staff}\u0001${group}\u0001${inc.caseId}`;
    const cur = best.get(k);
    if (!cur) best.set(k, inc);
    else if (staffPoints(inc) > staffPoints(cur)) {
      losers.add(cur);
      best.set(k, inc);
    } else losers.add(inc);
  }
  return losers;
}

/** Writes every effect of every incident to the board as audit lines (one per period it counts in). */
export function applyEffects(incidents: Incident[], heads: Map<string, string>, board: Board): void {
  const losers = eventLosers(incidents);
  const write = (e: Effect): void => {
    const { inc } = e;
    const slots = board.periodsOf(e.type, e.entity);
    if (!slots) return;
    const category = e.type === "staff" ? inc.rule.staff?.category : undefined;
    const note =
      e.note && inc.derived ? `${e.note}, derived` : (e.note ?? (inc.derived ? "derived" : undefined));
    const periods = e.yearOnly ? [inc.year] : [inc.month, inc.quarter, inc.year];
    for (const period of periods) {
      const slot = slots.get(period);
      if (!slot) continue;
      const line: AuditLine = {
        entityType: e.type,
        entity: e.entity,
        period,
        date: inc.date,
        code: inc.code,
        text: inc.rule.text,
        quantity: inc.quantity,
        points: e.points,
        source: inc.source,
      };
      if (category) line.category = category;
      if (inc.caseId) line.caseId = inc.caseId;
      if (note) line.note = note;
      board.lineTo(slot, line);
    }
  };
  for (const inc of incidents) eachEffect(inc, heads, write, losers.has(inc));
}
