import type { AuditLine, StaffResult } from "../engine/types";
import { STAFF_CATEGORIES, type Points } from "../rules/types";
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
  writingBox,
  type FormContext,
} from "./formParts";

/**
 * One staff member's form: effects grouped by 德/能/勤/绩 with subtotals, then bonuses; the result, vetoes,
 * a box for 评语 / 个人小结, and the opinions in the order the form is signed (本人, 窗口负责人, 派驻单位, 中心).
 */
export function addStaffForm(ctx: FormContext, s: StaffResult, peers: number): void {
  const { b, L, input } = ctx;
  startForm(ctx, `${L.kindStaff}${L.colon}${s.name}`);
  // A person who moved has a row per window; the period's window(s) are joined with 、.
  const rows = input.staff.filter((r) => r.name === s.name);
  const roster = rows.filter((r) => s.window.split("、").includes(r.window)).pop() ?? rows[0];
  const department = input.windows.find((w) => w.name === roster?.window)?.department ?? "";
  const tenure = [roster?.start, roster?.end].filter((d) => d).join(" ~ ");
  pairRow(ctx, [L.name, s.name], [L.window, s.window]);
  pairRow(ctx, [L.department, department], [L.role, roster?.role ?? ""]);
  pairRow(ctx, [L.post, roster?.post ?? ""], [L.start, tenure]);

  const lines = auditLinesOf(ctx, "staff", s.name);
  const deductions = STAFF_CATEGORIES.reduce((sum, c) => sum + s.categories[c], 0);
  auditTable(ctx, () => {
    for (const c of STAFF_CATEGORIES) {
      group(
        ctx,
        lines.filter((l) => l.category === c && l.points <= 0),
        `${L.categories[c]} ${L.subtotal}`,
        s.categories[c],
      );
    }
    // Bonuses (25.x, derived 25.6) and anything without a category are listed after the four categories.
    const bonuses = lines.filter((l) => l.points > 0);
    const other = lines.filter((l) => l.points <= 0 && !l.category);
    group(ctx, bonuses, `${L.bonuses} ${L.subtotal}`, s.bonuses);
    if (other.length > 0) group(ctx, other, undefined, 0);
  });

  beginClosing(ctx);
  pairRow(ctx, [L.base, formatPoints(1000)], [L.deductions, formatPoints(deductions, true)], "summary");
  pairRow(ctx, [L.bonuses, formatPoints(s.bonuses, true)], [L.score, formatPoints(s.score)], "summary");
  pairRow(
    ctx,
    [L.rank, rankText(s.rank, peers)],
    [L.grade, gradeText(ctx, s.grade, s.tiePending)],
    "summary",
  );
  pairRow(ctx, [L.eligible, s.eligible ? L.yes : L.no], [L.period, periodText(ctx)], "summary");
  reasonsBlock(ctx, s.flags);
  b.keepRestTogether();
  writingBox(ctx, L.remarks);
  signatureBlock(ctx, [
    { label: L.selfOpinion, kind: "opinion", choice: L.selfChoice },
    { label: L.headOpinion, kind: "opinion" },
    { label: L.departmentOpinion, kind: "opinion" },
    { label: L.boardOpinion, kind: "opinion" },
  ]);
}

function group(ctx: FormContext, lines: AuditLine[], subtotal: string | undefined, points: Points): void {
  for (const line of lines) auditRow(ctx, line);
  if (subtotal) subtotalRow(ctx, subtotal, points);
}
