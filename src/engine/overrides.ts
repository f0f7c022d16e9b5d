/**
 * 人工裁定 rows (rulebook §5): manual decisions that win over computed values and enter the audit trail.
 * Fields: 得分 (score, one decimal), 等次 (grade), 评优资格 (是/否), 先进个人 (是/否, staff quarter or year),
 * 末两位 (是/否, a month of a profile with monthly ranking: settles who is in the bottom two).
 */
import type { Profile } from "../rules/types";
import type { Board, Slot, SlotType } from "./board";
import type { OverrideRow } from "./types";
import type { Issue, IssueCode, PeriodId } from "../core";

export type OverrideField = "得分" | "等次" | "评优资格" | "先进个人" | "末两位";
export const OVERRIDE_FIELDS: readonly OverrideField[] = ["得分", "等次", "评优资格", "先进个人", "末两位"];
export const OVERRIDE_CODE = "人工裁定";

interface Decision {
  row: OverrideRow;
  field: OverrideField;
  type: SlotType;
  value: string;
}

/** Traditional-script and English spellings of fields and grades. */
const FIELD_ALIASES: Record<string, OverrideField> = {
  得分: "得分",
  score: "得分",
  等次: "等次",
  grade: "等次",
  评优资格: "评优资格",
  評優資格: "评优资格",
  eligible: "评优资格",
  先进个人: "先进个人",
  先進個人: "先进个人",
  advanced: "先进个人",
  末两位: "末两位",
  末兩位: "末两位",
  bottom: "末两位",
};
const GRADE_ALIASES: Record<string, string> = {
  優秀: "优秀",
  稱職: "称职",
  基本稱職: "基本称职",
  不稱職: "不称职",
};

const YES = ["是", "yes", "y", "true", "1"];
const NO = ["否", "no", "n", "false", "0"];

function bad(row: OverrideRow, code: IssueCode, value: string): Issue {
  return { severity: "warning", code, sheet: row.source.sheet, row: row.source.row, params: { value } };
}

function gradesFor(type: SlotType, slot: Slot, profile: Profile): string[] {
  if (type === "window") {
    const g = profile.windowGrades;
    return slot.kind === "month" ? [g.pass, g.fail] : [g.excellent, g.pass, g.fail];
  }
  const g = profile.staffGrades;
  const base = [g.competent, g.basic, g.incompetent];
  return slot.kind === "month" ? base : [g.excellent, ...base];
}

function valid(d: Decision, slot: Slot, profile: Profile): boolean {
  const v = d.value;
  switch (d.field) {
    case "得分":
      return /^-?\d+(\.\d)?$/.test(v);
    case "等次":
      return gradesFor(d.type, slot, profile).includes(v);
    case "评优资格":
      return YES.includes(v.toLowerCase()) || NO.includes(v.toLowerCase());
    case "先进个人":
      return (
        d.type === "staff" &&
        slot.kind !== "month" &&
        (YES.includes(v.toLowerCase()) || NO.includes(v.toLowerCase()))
      );
    case "末两位":
      return (
        !!profile.monthly &&
        slot.kind === "month" &&
        (YES.includes(v.toLowerCase()) || NO.includes(v.toLowerCase()))
      );
  }
}

export class Overrides {
  readonly issues: Issue[] = [];
  private readonly decisions: Decision[] = [];

  constructor(
    rows: OverrideRow[],
    windows: Set<string>,
    staff: Set<string>,
    board: Board,
    private readonly profile: Profile,
  ) {
    for (const row of rows) {
      const field =
        FIELD_ALIASES[
          String(row.field ?? "")
            .trim()
            .toLowerCase()
        ];
      const entity = String(row.entity ?? "").trim();
      const raw = String(row.value ?? "").trim();
      const value = GRADE_ALIASES[raw] ?? raw;
      if (!field) {
        this.issues.push(bad(row, "override-unknown-field", row.field));
        continue;
      }
      const type: SlotType | undefined =
        field !== "先进个人" && windows.has(entity) ? "window" : staff.has(entity) ? "staff" : undefined;
      const slot = type && board.get(type, entity, String(row.period ?? "").trim());
      if (!type || !slot) {
        this.issues.push(
          bad(
            row,
            type ? "override-unknown-period" : "override-unknown-entity",
            type ? row.period : row.entity,
          ),
        );
        continue;
      }
      const d: Decision = { row: { ...row, entity, period: slot.period }, field, type, value };
      if (!valid(d, slot, profile)) this.issues.push(bad(row, "override-bad-value", row.value));
      else this.decisions.push(d);
    }
  }

  /** The slot's grade tie, if any, now says it was settled. */
  private settle(board: Board, slot: Slot): void {
    board.settleTies(slot, this.profile.tieCode, this.profile.tieSettledCode, "gradeTie");
  }

  /** Applies the decisions of one field for the given slots' type and period; returns the slots changed. */
  apply(field: OverrideField, type: SlotType, period: PeriodId, board: Board): Slot[] {
    const changed: Slot[] = [];
    for (const d of this.decisions) {
      if (d.field !== field || d.type !== type || d.row.period !== period) continue;
      const slot = board.get(type, d.row.entity, period);
      if (!slot) continue;
      let points = 0;
      const yes = YES.includes(d.value.toLowerCase());
      if (field === "得分") points = Math.round(Number(d.value) * 10) - slot.score;
      else if (field === "等次") {
        slot.grade = d.value;
        // The grade is decided: its tie, if any, now reads as settled (and no longer pending).
        this.settle(board, slot);
      } else if (field === "评优资格") slot.eligible = yes;
      else if (field === "末两位") slot.bottomDecision = yes;
      else slot.advanced = yes;
      const note = `${OVERRIDE_CODE}: ${d.row.reason} (${d.row.by})`;
      board.line({
        entityType: type,
        entity: slot.entity,
        periods: [period],
        code: OVERRIDE_CODE,
        text: `${field} → ${d.value}`,
        quantity: 1,
        points,
        source: d.row.source,
        note,
      });
      board.reason(slot, {
        code: OVERRIDE_CODE,
        text: "",
        words: { key: "override", field, value: d.value, why: d.row.reason, by: d.row.by },
        period,
        sources: [d.row.source],
      });
      changed.push(slot);
    }
    return changed;
  }
}
