/** Per entity and period: running sums of audit lines, reasons, eligibility and grade. */
import type { Points, StaffCategory } from "../rules/types";
import { periodKind, type PeriodKind } from "./periods";
import type { AuditLine, PeriodId, Reason } from "./types";

export type SlotType = "window" | "staff";

export interface Slot {
  type: SlotType;
  entity: string;
  period: PeriodId;
  kind: PeriodKind;
  /** The window (for staff: the roster window). */
  window: string;
  deductions: Points;
  bonuses: Points;
  categories: Record<StaffCategory, Points>;
  score: Points;
  rank: number;
  grade: string;
  eligible: boolean;
  /** Window month failed by a 20B condition. */
  failed: boolean;
  tiePending: boolean;
  reasons: Reason[];
  /** 先进个人 (staff, quarter or year). */
  advanced: boolean;
  /** No award of any kind (23.9) in this period. */
  noAwards: boolean;
}

const key = (type: SlotType, entity: string): string => `${type}\u0001${entity}`;

export class Board {
  readonly audit: AuditLine[] = [];
  private readonly slots = new Map<string, Map<PeriodId, Slot>>();
  private readonly order: Slot[] = [];
  private readonly lists = new Map<string, Slot[]>();
  private readonly sourceKeys = new WeakMap<Reason, Set<string>>();

  constructor(private readonly base: Points) {}

  add(type: SlotType, entity: string, window: string, period: PeriodId): void {
    const slot: Slot = {
      type,
      entity,
      period,
      kind: periodKind(period),
      window,
      deductions: 0,
      bonuses: 0,
      categories: { de: 0, neng: 0, qin: 0, ji: 0 },
      score: this.base,
      rank: 0,
      grade: "",
      eligible: true,
      failed: false,
      tiePending: false,
      reasons: [],
      advanced: false,
      noAwards: false,
    };
    const byPeriod = this.slots.get(key(type, entity));
    if (byPeriod) byPeriod.set(period, slot);
    else this.slots.set(key(type, entity), new Map([[period, slot]]));
    this.order.push(slot);
    const list = this.lists.get(`${type}\u0001${period}`);
    if (list) list.push(slot);
    else this.lists.set(`${type}\u0001${period}`, [slot]);
  }

  get(type: SlotType, entity: string, period: PeriodId): Slot | undefined {
    return this.slots.get(key(type, entity))?.get(period);
  }

  /** Every period's slot of one entity. */
  periodsOf(type: SlotType, entity: string): Map<PeriodId, Slot> | undefined {
    return this.slots.get(key(type, entity));
  }

  /** Slots of one type and period, in roster order. */
  list(type: SlotType, period: PeriodId): Slot[] {
    return this.lists.get(`${type}\u0001${period}`) ?? [];
  }

  all(): readonly Slot[] {
    return this.order;
  }

  /** Records an audit line and moves the entity's score by exactly its points. */
  line(line: AuditLine): void {
    if (line.entityType === "township") return;
    const slot = this.get(line.entityType, line.entity, line.period);
    if (slot) this.lineTo(slot, line);
  }

  /** As `line`, for a slot already looked up. */
  lineTo(slot: Slot, line: AuditLine): void {
    this.audit.push(line);
    if (line.points < 0) slot.deductions += line.points;
    else slot.bonuses += line.points;
    if (line.category && line.points < 0) slot.categories[line.category] += line.points;
    slot.score += line.points;
  }

  /** Adds a reason, merging sources into an existing reason with the same code and text. */
  reason(slot: Slot, reason: Reason): void {
    const same = slot.reasons.find((r) => r.code === reason.code && r.text === reason.text);
    const target = same ?? { ...reason, sources: [] };
    if (!same) slot.reasons.push(target);
    let seen = this.sourceKeys.get(target);
    if (!seen) {
      seen = new Set();
      this.sourceKeys.set(target, seen);
    }
    for (const s of reason.sources) {
      const k = `${s.sheet}\u0001${s.row}`;
      if (seen.has(k)) continue;
      seen.add(k);
      target.sources.push(s);
    }
  }
}
