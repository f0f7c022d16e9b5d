/** "Did you mean …?" for a name not on a roster: the nearest roster names by edit distance. */
import { matchKey } from "../text";

/** Levenshtein distance with adjacent transpositions, over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[x.length]![y.length]!;
}

/**
 * Roster names close to `name` (same after folding width and script, or one character off; two for names
 * of five characters or more), nearest first, at most three. A Chinese name is two to four characters,
 * so one wrong character is the usual typo (黄丽平 for 黄丽萍).
 */
export function nearestNames(name: string, roster: Iterable<string>): string[] {
  const key = matchKey(name);
  const limit = [...key].length >= 5 ? 2 : 1;
  const found: { name: string; distance: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of roster) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const distance = editDistance(key, matchKey(candidate));
    if (distance <= limit) found.push({ name: candidate, distance });
  }
  return found
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((f) => f.name);
}
