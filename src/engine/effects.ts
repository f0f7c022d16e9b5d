/** Effects of each incident on the window, the staff member and the head, as audit lines per period. */
import type { Profile } from "../rules/types";
import type { Board } from "./board";
import type { Incident } from "./prepare";
import type { AuditLine, StaffRow } from "./types";

/** The window's head: the first roster member whose role is listed in the profile's headRoles order. */
export function headsOf(staff: StaffRow[], profile: Profile): Map<string, string> {
  const heads = new Map<string, string>();
  for (const role of profile.headRoles) {
    for (const s of staff) if (s.role.trim() === role && !heads.has(s.window)) heads.set(s.window, s.name);
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
  staffEffect: boolean;
}

function effectsOf(inc: Incident, heads: Map<string, string>): Effect[] {
  const { rule, quantity } = inc;
  const out: Effect[] = [];
  const override = (target: "window" | "staff", unit: number): number =>
    inc.points !== undefined && rule.range?.appliesTo === target ? inc.points : unit;
  if (rule.window !== undefined) {
    out.push({
      inc,
      type: "window",
      entity: inc.window,
      points: override("window", rule.window) * quantity,
      yearOnly: false,
      staffEffect: false,
    });
  }
  const yearOnly = !!rule.staff?.yearOnly;
  if (rule.staff && inc.staff) {
    const note = yearOnly ? "year-only" : undefined;
    out.push({
      inc,
      type: "staff",
      entity: inc.staff,
      points: override("staff", rule.staff.points) * quantity,
      yearOnly,
      note,
      staffEffect: true,
    });
  }
  const head = heads.get(inc.window);
  // The head answers for others' faults; a head who is the offender is not charged twice.
  if (rule.head !== undefined && head !== undefined && head !== inc.staff) {
    out.push({
      inc,
      type: "staff",
      entity: head,
      points: rule.head * quantity,
      yearOnly,
      note: "head",
      staffEffect: false,
    });
  }
  return out;
}

/** Staff effects of an event group (19.7a–d) count once per person and case id: the highest is kept. */
function onePerEvent(effects: Effect[]): Effect[] {
  const best = new Map<string, Effect>();
  for (const e of effects) {
    const group = e.inc.rule.eventGroup;
    if (!e.staffEffect || !group || !e.inc.caseId) continue;
    const k = `${e.entity}\u0001${group}\u0001${e.inc.caseId}`;
    const cur = best.get(k);
    if (!cur || e.points > cur.points) best.set(k, e);
  }
  return effects.filter((e) => {
    const group = e.inc.rule.eventGroup;
    if (!e.staffEffect || !group || !e.inc.caseId) return true;
    return best.get(`${e.entity}\u0001${group}\u0001${e.inc.caseId}`) === e;
  });
}

/** Writes every effect of every incident to the board as audit lines (one per period it counts in). */
export function applyEffects(incidents: Incident[], heads: Map<string, string>, board: Board): void {
  const effects = onePerEvent(incidents.flatMap((inc) => effectsOf(inc, heads)));
  for (const e of effects) {
    const { inc } = e;
    const slots = board.periodsOf(e.type, e.entity);
    if (!slots) continue;
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
  }
}
