/** Effects of each incident on the window, the staff member and the head, as audit lines per period. */
import type { Board } from "./board";
import type { Incident } from "./prepare";

/** The head of a window on a date (see Roster.headsOn). */
export type HeadOn = (window: string, date: string) => string | undefined;

function staffPoints(inc: Incident): number {
  const { rule } = inc;
  const unit =
    inc.points !== undefined && rule.range?.appliesTo === "staff" ? inc.points : (rule.staff?.points ?? 0);
  return unit * inc.quantity;
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

const NOTES = {
  plain: [undefined, "case-log"],
  "year-only": ["year-only", "year-only, case-log"],
  head: ["head", "head, case-log"],
} as const;

/** Writes one effect as one audit line counting in the incident's periods (the year only, if year-only). */
function write(
  board: Board,
  inc: Incident,
  type: "window" | "staff",
  entity: string,
  points: number,
  yearOnly: boolean,
  note: keyof typeof NOTES,
): void {
  const byPeriod = board.periodsOf(type, entity);
  if (!byPeriod) return;
  // Every line has the same shape (absent fields undefined): there are hundreds of thousands of them.
  board.lineIn(byPeriod, {
    entityType: type,
    entity,
    periods: yearOnly ? inc.yearPeriods : inc.periods,
    date: inc.date,
    code: inc.code,
    text: inc.rule.text,
    quantity: inc.quantity,
    points,
    category: type === "staff" ? inc.rule.staff?.category : undefined,
    source: inc.source,
    caseId: inc.caseId || undefined,
    note: NOTES[note][inc.derived ? 1 : 0],
  });
}

/** One incident's effects: window, staff (unless an event group's lesser) and head. */
function applyIncident(inc: Incident, head: string | undefined, loser: boolean, board: Board): void {
  const { rule, quantity } = inc;
  if (rule.window !== undefined) {
    const unit = inc.points !== undefined && rule.range?.appliesTo === "window" ? inc.points : rule.window;
    write(board, inc, "window", inc.window, unit * quantity, false, "plain");
  }
  const yearOnly = !!rule.staff?.yearOnly;
  if (rule.staff && inc.staff && !loser) {
    write(board, inc, "staff", inc.staff, staffPoints(inc), yearOnly, yearOnly ? "year-only" : "plain");
  }
  // The head answers for others' faults; a head who is the offender is not charged twice.
  if (rule.head !== undefined && head !== undefined && head !== inc.staff) {
    write(board, inc, "staff", head, rule.head * quantity, yearOnly, "head");
  }
}

/** Writes every effect of every incident to the board as audit lines. */
export function applyEffects(incidents: Incident[], headOn: HeadOn, board: Board): void {
  const losers = eventLosers(incidents);
  // Indexed loops in run-once functions: an iterator would allocate a result per step until optimised.
  for (let i = 0; i < incidents.length; i++) {
    const inc = incidents[i];
    const head = inc.rule.head === undefined ? undefined : headOn(inc.window, inc.date);
    applyIncident(inc, head, losers.has(inc), board);
  }
}
