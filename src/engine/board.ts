/** Per entity and period: running sums of audit lines, reasons, eligibility and grade. */
import type { Points, StaffCategory } from "../rules/types";
import { type PeriodId, periodKind, type PeriodKind, type SourceRef } from "../core";
import { SourceSet } from "./sourceSet";
import type { AuditLine, Reason, ReasonWords } from "./types";

export type SlotType = "window" | "staff";

export interface Slot {
  type: SlotType;
  entity: string;
  period: PeriodId;
  kind: PeriodKind;
  /** The window (for staff: the window(s) served in the period, joined with 、, for display). */
  window: string;
  /** Staff: the windows served on at least one day of the period (empty: not on the roster then). */
  served: readonly string[];
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
  /** No quarterly honour (服务标兵, 先进个人): flagged 末位淘汰 in a month of the quarter (§8). */
  noHonours: boolean;
  /** A 人工裁定 of 末两位 for this month: in the bottom (true), not (false), or none (undefined). */
  bottomDecision: boolean | undefined;
}

function holdsAll(slots: ReadonlyMap<PeriodId, Slot>, periods: readonly PeriodId[]): boolean {
  for (let i = 0; i < periods.length; i++) if (!slots.has(periods[i])) return false;
  return true;
}

export class Board {
  readonly audit: AuditLine[] = [];
  // Per type, then entity: no key strings built on the hot path.
  private readonly slots = {
    window: new Map<string, Map<PeriodId, Slot>>(),
    staff: new Map<string, Map<PeriodId, Slot>>(),
  };
  private readonly order: Slot[] = [];
  private readonly lists = { window: new Map<PeriodId, Slot[]>(), staff: new Map<PeriodId, Slot[]>() };
  private readonly seen = new Map<Reason, SourceSet>();

  private readonly kinds = new Map<PeriodId, PeriodKind>();

  constructor(private readonly base: Points) {}

  private kindOf(period: PeriodId): PeriodKind {
    let kind = this.kinds.get(period);
    if (!kind) this.kinds.set(period, (kind = periodKind(period)));
    return kind;
  }

  add(
    type: SlotType,
    entity: string,
    window: string,
    period: PeriodId,
    served: readonly string[] = [window],
  ): void {
    const slot: Slot = {
      type,
      entity,
      period,
      kind: this.kindOf(period),
      window,
      served,
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
      noHonours: false,
      bottomDecision: undefined,
    };
    let byPeriod = this.slots[type].get(entity);
    if (!byPeriod) this.slots[type].set(entity, (byPeriod = new Map()));
    byPeriod.set(period, slot);
    this.order.push(slot);
    const list = this.lists[type].get(period);
    if (list) list.push(slot);
    else this.lists[type].set(period, [slot]);
  }

  get(type: SlotType, entity: string, period: PeriodId): Slot | undefined {
    return this.slots[type].get(entity)?.get(period);
  }

  /** Every period's slot of one entity. */
  periodsOf(type: SlotType, entity: string): Map<PeriodId, Slot> | undefined {
    return this.slots[type].get(entity);
  }

  /** Slots of one type and period, in roster order. */
  list(type: SlotType, period: PeriodId): Slot[] {
    return this.lists[type].get(period) ?? [];
  }

  all(): readonly Slot[] {
    return this.order;
  }

  /** Records an audit line and moves the entity's score in each of its periods by exactly its points. */
  line(line: AuditLine): void {
    if (line.entityType === "township") return;
    const slots = this.periodsOf(line.entityType, line.entity);
    if (slots) this.lineIn(slots, line);
  }

  /** As `line`, given the entity's slots. A period without a slot does not count and is left off the line. */
  lineIn(slots: ReadonlyMap<PeriodId, Slot>, line: AuditLine): void {
    if (!holdsAll(slots, line.periods)) line = { ...line, periods: line.periods.filter((p) => slots.has(p)) };
    const { periods, points, category } = line;
    if (periods.length === 0) return;
    this.audit.push(line);
    for (let i = 0; i < periods.length; i++) {
      const slot = slots.get(periods[i]) as Slot;
      if (points < 0) slot.deductions += points;
      else slot.bonuses += points;
      if (category && points < 0) slot.categories[category] += points;
      slot.score += points;
    }
  }

  /**
   * A 人工裁定 settled a tie: the slot's pending-tie reasons of the given kind now say so (code
   * `settledCode`, words settled), and the slot is pending only while another tie is.
   */
  settleTies(slot: Slot, pendingCode: string, settledCode: string, kind: ReasonWords["key"]): void {
    for (const r of slot.reasons) {
      const w = r.words;
      if (r.code !== pendingCode || w?.key !== kind || !("settled" in w)) continue;
      r.code = settledCode;
      r.words = { ...w, settled: true };
    }
    slot.tiePending = slot.reasons.some((r) => r.code === pendingCode);
  }

  /** Adds a reason, merging sources into an existing reason with the same code and text (or words). */
  reason(slot: Slot, reason: Reason): void {
    if (!reason.words) {
      this.cite(slot, reason.code, reason.text, reason.period, reason.sources);
      return;
    }
    const key = JSON.stringify(reason.words);
    let target = slot.reasons.find(
      (r) => r.code === reason.code && r.words && JSON.stringify(r.words) === key,
    );
    if (!target) {
      target = { code: reason.code, text: "", words: reason.words, period: reason.period, sources: [] };
      slot.reasons.push(target);
    }
    this.addSources(target, reason.sources);
  }

  /** As `reason`, without a Reason object from the caller (conditions cite rows by the hundred thousand). */
  cite(slot: Slot, code: string, text: string, period: PeriodId, sources: readonly SourceRef[]): void {
    let target = slot.reasons.find((r) => r.code === code && !r.words && r.text === text);
    if (!target) {
      target = { code, text, period, sources: [] };
      slot.reasons.push(target);
    }
    this.addSources(target, sources);
  }

  private addSources(target: Reason, sources: readonly SourceRef[]): void {
    let seen = this.seen.get(target);
    if (!seen) this.seen.set(target, (seen = new SourceSet()));
    for (const s of sources) if (seen.add(s)) target.sources.push(s);
  }
}
