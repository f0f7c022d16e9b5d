/** Competition ranking and quota selection with the 并列待裁定 rule (rulebook §5). */

/** Competition ranks (1, 2, 2, 4) for scores, high to low, in input order. */
export function competitionRanks(scores: readonly number[]): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  const first = new Map<number, number>();
  sorted.forEach((s, i) => {
    if (!first.has(s)) first.set(s, i + 1);
  });
  return scores.map((s) => first.get(s) ?? 0);
}

export interface QuotaPick<T> {
  selected: T[];
  /** Tied across the quota boundary: the place stays open. */
  pending: T[];
}

/**
 * The best `quota` candidates by score. When candidates tie across the boundary, none of the tied
 * ones is selected: they are pending and the remaining places stay open.
 */
export function pickQuota<T>(candidates: readonly T[], score: (c: T) => number, quota: number): QuotaPick<T> {
  const sorted = [...candidates].sort((a, b) => score(b) - score(a));
  if (quota <= 0) return { selected: [], pending: [] };
  if (sorted.length <= quota) return { selected: sorted, pending: [] };
  const boundary = score(sorted[quota - 1]);
  if (score(sorted[quota]) !== boundary) return { selected: sorted.slice(0, quota), pending: [] };
  return {
    selected: sorted.filter((c) => score(c) > boundary),
    pending: sorted.filter((c) => score(c) === boundary),
  };
}
