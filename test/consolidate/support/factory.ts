/** Test factories for parsed township files (pure consolidation tests). */
import type { IndicatorRow } from "../../../src/engine/types";
import type { Issue } from "../../../src/core";
import type { ConsolidationProfile, TownshipFile } from "../../../src/consolidate/types";
import { INDICATORS } from "./townships";

export const PROFILE: ConsolidationProfile = {
  id: "tianyang-2008",
  indicators: INDICATORS.map(([id, name, max]) => ({ id, name, max: max * 10, criterion: "" })),
  township: {
    grades: { excellent: "优秀", pass: "合格", fail: "不合格", excellentFloor: 950, passFloor: 750 },
  },
};

export const lookup = (id: string): ConsolidationProfile | undefined =>
  id === PROFILE.id || id === "tongshan" ? { ...PROFILE, id } : undefined;

/** A township file; `self`/`reviewed` in points (not tenths), null = blank. */
export function township(
  file: string,
  over: {
    name?: string;
    year?: number;
    profile?: string;
    self?: number[];
    reviewed?: (number | null)[];
    issues?: Issue[];
  } = {},
): TownshipFile {
  const self = over.self ?? INDICATORS.map(([, , max]) => max);
  const reviewed = over.reviewed ?? self;
  const indicators: IndicatorRow[] = INDICATORS.map(([id, name, max], j) => {
    const row: IndicatorRow = {
      id,
      name,
      max: max * 10,
      self: Math.round(self[j]! * 10),
      source: { sheet: "镇街指标", row: j + 2 },
    };
    const r = reviewed[j];
    if (r !== null && r !== undefined) row.reviewed = Math.round(r * 10);
    return row;
  });
  return {
    file,
    settings: {
      unitName: over.name ?? file.replace(/\.xlsx$/, ""),
      unitType: "镇街",
      year: over.year ?? 2025,
      profile: over.profile ?? PROFILE.id,
    },
    settingCells: {
      year: { sheet: "考核设置", row: 4, column: 2 },
      profile: { sheet: "考核设置", row: 5, column: 2 },
      unitName: { sheet: "考核设置", row: 2, column: 2 },
    },
    indicators,
    issues: over.issues ?? [],
  };
}

/** Ten scores summing to `total` points: the maxima minus the shortfall taken from T10, then T6. */
export function scoresFor(total: number): number[] {
  const s = INDICATORS.map(([, , max]) => max);
  let short = 100 - total;
  for (const j of [9, 5, 1]) {
    const take = Math.min(short, s[j]!);
    s[j] = Math.round((s[j]! - take) * 10) / 10;
    short = Math.round((short - take) * 10) / 10;
  }
  return s;
}
