import type { TownshipResult } from "../engine/types";
import type { Points } from "../rules/types";
import { formatPoints } from "./format";
import { townshipNoteText } from "../workbook/messages/reasons";
import {
  auditLinesOf,
  auditRow,
  auditTable,
  beginClosing,
  gradeText,
  notesBlock,
  pairRow,
  periodText,
  rankText,
  section,
  signatureBlock,
  startForm,
  wideRow,
  type FormContext,
} from "./formParts";

/**
 * One township's form, issued by the county centre: 自评分 vs 复核分 per indicator, the counted total,
 * evidence, notes, and the township head's, the assessment team's and the county centre's signatures.
 */
export function addTownshipForm(ctx: FormContext, t: TownshipResult, peers: number, rules: string): void {
  const { b, L, input, result } = ctx;
  startForm(ctx, `${L.kindTownship}${L.colon}${t.unit}`);
  const own = input.settings.unitName === t.unit;
  pairRow(ctx, [L.unit, t.unit], [L.county, own ? (input.settings.county ?? "") : ""]);
  pairRow(ctx, [L.year, result.year], [L.period, periodText(ctx)]);
  wideRow(ctx, L.rules, rules);

  section(ctx, L.indicators);
  b.add(
    [L.indicatorId, L.indicator, null, L.max, L.selfScore, L.reviewedScore, L.countedScore],
    "indicator-header",
  );
  const defs = own ? input.indicators : [];
  const ids = [...new Set([...defs.map((d) => d.id), ...Object.keys(t.indicators)])].sort(byIndicatorId);
  let maxSum = 0;
  let selfSum = 0;
  let reviewedSum = 0;
  for (const id of ids) {
    const def = defs.find((d) => d.id === id);
    const self = t.selfIndicators[id];
    const reviewed = t.reviewedIndicators[id];
    maxSum += def?.max ?? 0;
    selfSum += self ?? 0;
    reviewedSum += reviewed ?? 0;
    const counted = t.indicators[id];
    b.add(
      [
        id,
        def?.name ?? "",
        null,
        opt(def?.max),
        opt(self),
        reviewed === undefined ? L.notReviewed : opt(reviewed),
        opt(counted),
      ],
      "indicator",
    );
  }
  const totals = [
    formatPoints(maxSum),
    formatPoints(selfSum),
    formatPoints(reviewedSum),
    formatPoints(t.total),
  ];
  b.add([L.total, null, null, ...totals], "indicator-total");

  // Lines that restate an indicator's counted score are already in the table above; others are evidence.
  const lines = auditLinesOf(ctx, "township", t.unit).filter((line) => !ids.includes(line.code));
  if (lines.length > 0) auditTable(ctx, () => lines.forEach((line) => auditRow(ctx, line)));

  beginClosing(ctx);
  const rank = rankText(t.rank, peers);
  if (rank) pairRow(ctx, [L.score, formatPoints(t.total)], [L.rank, rank], "summary");
  pairRow(
    ctx,
    rank ? [L.grade, gradeText(ctx, t.grade, false)] : [L.score, formatPoints(t.total)],
    rank ? [L.period, periodText(ctx)] : [L.grade, gradeText(ctx, t.grade, false)],
    "summary",
  );
  notesBlock(
    ctx,
    t.notes.map((n) => townshipNoteText(n, ctx.locale)),
  );
  b.keepRestTogether();
  signatureBlock(ctx, [
    { label: L.townshipHeadSign, kind: "sign" },
    { label: L.inspectorsSign, kind: "sign" },
    { label: L.countyOpinion, kind: "opinion" },
  ]);
}

function opt(p: Points | undefined): string {
  return p === undefined ? "" : formatPoints(p);
}

/** T2 before T10. */
function byIndicatorId(a: string, b: string): number {
  const na = Number(a.replace(/\D/g, ""));
  const nb = Number(b.replace(/\D/g, ""));
  return na - nb || a.localeCompare(b);
}
