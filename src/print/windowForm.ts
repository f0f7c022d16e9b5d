import { Roster } from "../engine/roster";
import type { WindowResult } from "../engine/types";
import { formatPoints } from "./format";
import {
  auditLinesOf,
  auditRow,
  auditTable,
  beginClosing,
  gradeText,
  pairRow,
  periodText,
  rankText,
  reasonsBlock,
  signatureBlock,
  startForm,
  subtotalRow,
  textRow,
  type FormContext,
} from "./formParts";

/** One window's form: details, every effect, deductions and bonuses, result, vetoes, signatures. */
export function addWindowForm(ctx: FormContext, w: WindowResult, peers: number, headRoles: string[]): void {
  const { L, input } = ctx;
  startForm(ctx, `${L.kindWindow}${L.colon}${w.window}`);
  const roles = new Set(headRoles);
  // Those on the window's roster in the period (a person who moved counts where they served).
  const serving = new Set(new Roster(input.staff).membersIn(w.window, ctx.period));
  const members = input.staff.filter(
    (s) => s.window === w.window && serving.has(s.name) && serving.delete(s.name),
  );
  const heads = members.filter((s) => roles.has(s.role.trim())).map((s) => s.name);
  pairRow(ctx, [L.department, w.department], [L.window, w.window]);
  pairRow(ctx, [L.head, heads.join("、")], [L.headcount, members.length]);

  const lines = auditLinesOf(ctx, "window", w.window);
  auditTable(ctx, () => {
    if (lines.length === 0) textRow(ctx, L.none);
    for (const line of lines) auditRow(ctx, line);
    subtotalRow(ctx, `${L.deductions} ${L.subtotal}`, w.deductions);
    subtotalRow(ctx, `${L.bonuses} ${L.subtotal}`, w.bonuses);
  });

  beginClosing(ctx);
  pairRow(ctx, [L.base, formatPoints(1000)], [L.deductions, formatPoints(w.deductions, true)], "summary");
  pairRow(ctx, [L.bonuses, formatPoints(w.bonuses, true)], [L.score, formatPoints(w.score)], "summary");
  pairRow(
    ctx,
    [L.rank, rankText(w.rank, peers)],
    [L.grade, gradeText(ctx, w.grade, w.tiePending)],
    "summary",
  );
  pairRow(ctx, [L.eligible, w.eligible ? L.yes : L.no], [L.period, periodText(ctx)], "summary");
  reasonsBlock(ctx, w.reasons);
  ctx.b.keepRestTogether();
  signatureBlock(ctx, [
    { label: L.windowHeadSign, kind: "sign" },
    { label: L.departmentOpinion, kind: "opinion" },
    { label: L.assessorSign, kind: "sign" },
    { label: L.boardOpinion, kind: "opinion" },
  ]);
}
