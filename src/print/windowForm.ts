import { Roster } from "../engine/roster";
import type { WindowResult } from "../engine/types";
import { formatPoints } from "./format";
import {
  auditLinesOf,
  auditRow,
  auditTable,
  gradeText,
  formHeading,
  pairRow,
  periodText,
  rankText,
  reasonsBlock,
  signatureBlock,
  subtotalRow,
  textRow,
  type FormContext,
} from "./formParts";

const HEAD_ROLES = new Set(["首席代表", "负责人", "負責人"]);

/** One window's form: details, every effect, deductions and bonuses, result, vetoes, signatures. */
export function addWindowForm(ctx: FormContext, w: WindowResult, peers: number): void {
  const { b, L, input } = ctx;
  b.startEntity();
  const title = `${L.kindWindow}：${w.window}`;
  formHeading(ctx, title);
  // Those on the window's roster in the period (a person who moved counts where they served).
  const serving = new Set(new Roster(input.staff).membersIn(w.window, ctx.period));
  const members = input.staff.filter(
    (s) => s.window === w.window && serving.has(s.name) && serving.delete(s.name),
  );
  const heads = members.filter((s) => HEAD_ROLES.has(s.role.trim())).map((s) => s.name);
  pairRow(ctx, [L.window, w.window], [L.department, w.department]);
  pairRow(ctx, [L.head, heads.join("、")], [L.headcount, members.length]);

  const lines = auditLinesOf(ctx, "window", w.window);
  auditTable(ctx, title, () => {
    if (lines.length === 0) textRow(ctx, L.none);
    for (const line of lines) auditRow(ctx, line);
    subtotalRow(ctx, `${L.deductions} ${L.subtotal}`, w.deductions);
    subtotalRow(ctx, `${L.bonuses} ${L.subtotal}`, w.bonuses);
  });

  pairRow(ctx, [L.base, formatPoints(1000)], [L.deductions, formatPoints(w.deductions)], "summary");
  pairRow(ctx, [L.bonuses, formatPoints(w.bonuses)], [L.score, formatPoints(w.score)], "summary");
  pairRow(
    ctx,
    [L.rank, rankText(w.rank, peers)],
    [L.grade, gradeText(ctx, w.grade, w.tiePending)],
    "summary",
  );
  pairRow(ctx, [L.eligible, w.eligible ? L.yes : L.no], [L.period, periodText(ctx)], "summary");
  reasonsBlock(ctx, w.reasons);
  signatureBlock(ctx);
}
