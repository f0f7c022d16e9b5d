import type { TownshipResult } from "../engine/types";
import type { Points } from "../rules/types";
import { formatPoints } from "./format";
import {
  auditLinesOf,
  auditRow,
  gradeText,
  formHeading,
  notesBlock,
  pairRow,
  periodText,
  rankText,
  section,
  signatureBlock,
  auditTable,
  type FormContext,
} from "./formParts";

/** One township's form: 自评分 vs 复核分 per indicator, the counted total, evidence, notes, signatures. */
export function addTownshipForm(ctx: FormContext, t: TownshipResult, peers: number): void {
  const { b, L, input, result } = ctx;
  b.startEntity();
  const title = `${L.kindTownship}：${t.unit}`;
  formHeading(ctx, title);
  const own = input.settings.unitName === t.unit;
  pairRow(ctx, [L.unit, t.unit], [L.county, own ? (input.settings.county ?? "") : ""]);
  pairRow(ctx, [L.year, result.year], [L.profile, result.profile]);

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
  if (lines.length > 0) auditTable(ctx, title, () => lines.forEach((line) => auditRow(ctx, line)));

  pairRow(ctx, [L.score, formatPoints(t.total)], [L.rank, rankText(t.rank, peers)], "summary");
  pairRow(ctx, [L.grade, gradeText(ctx, t.grade, false)], [L.period, periodText(ctx)], "summary");
  notesBlock(ctx, t.notes);
  signatureBlock(ctx);
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
