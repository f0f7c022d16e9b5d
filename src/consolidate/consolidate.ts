/**
 * County consolidation (pure): township files → one ranked result and a problem list.
 * A file's problems never stop the others; every decision that leaves a file out is reported.
 */
import type { Issue, SourceRef } from "../core";
import type { Points } from "../rules/types";
import { RULEBOOK_TAB } from "../workbook/parse/rulebookTab";
import { matchKey } from "../workbook/text";
import { fileRulebook, nameOf, otherRulebook, rulebookKey } from "./rulebook";
import type {
  ConsolidateOptions,
  ConsolidationProfile,
  CountyResult,
  Problem,
  ProfileLookup,
  TownshipFile,
  TownshipRow,
  WindowSummaryRow,
} from "./types";

function at(ref: SourceRef | undefined): Pick<Issue, "sheet" | "row" | "column"> {
  if (!ref) return {};
  return ref.column === undefined
    ? { sheet: ref.sheet, row: ref.row }
    : { sheet: ref.sheet, row: ref.row, column: ref.column };
}

/** The most frequent value; ties go to the value that sorts first, so the choice never depends on file order. */
function majority<T extends string | number>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) {
    const bn = best === undefined ? -1 : counts.get(best)!;
    if (n > bn || (n === bn && best !== undefined && v < best)) best = v;
  }
  return best;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function isPreferred(file: string, prefer: readonly string[]): boolean {
  return prefer.some((p) => p === file || baseName(p) === baseName(file));
}

/** Competition ranks (1, 2, 2, 4) over rows already sorted by total. */
function rank(rows: TownshipRow[]): void {
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    row.rank = prev && prev.total === row.total ? prev.rank : i + 1;
  });
}

function grade(total: Points, profile: ConsolidationProfile): string {
  const g = profile.township.grades;
  if (total >= g.excellentFloor) return g.excellent;
  if (total >= g.passFloor) return g.pass;
  return g.fail;
}

function townshipRow(f: TownshipFile, profile: ConsolidationProfile): TownshipRow {
  const row: TownshipRow = {
    township: f.settings!.unitName,
    file: f.file,
    counted: {},
    self: {},
    reviewed: {},
    difference: {},
    total: 0,
    differenceTotal: 0,
    unreviewed: 0,
    rank: 0,
    grade: "",
  };
  let selfTotal = 0;
  for (const ind of f.indicators!) {
    const counted = ind.reviewed ?? ind.self ?? 0;
    row.counted[ind.id] = counted;
    row.self[ind.id] = ind.self;
    row.reviewed[ind.id] = ind.reviewed;
    row.difference[ind.id] =
      ind.self !== undefined && ind.reviewed !== undefined ? ind.reviewed - ind.self : undefined;
    row.total += counted;
    if (ind.self !== undefined) selfTotal += ind.self;
    if (ind.reviewed === undefined) row.unreviewed++;
  }
  row.differenceTotal = row.total - selfTotal;
  row.grade = grade(row.total, profile);
  return row;
}

function compareProblems(a: Problem, b: Problem): number {
  const key = (p: Problem): (string | number)[] => [
    p.file,
    p.issue.sheet ?? "",
    p.issue.row ?? 0,
    p.issue.column ?? 0,
    p.issue.code,
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}

/**
 * One county result from township files. Files with errors, another year or profile than the chosen
 * one, or a township that appears twice without a `prefer` choice, are left out and reported.
 */
export function consolidate(
  files: readonly TownshipFile[],
  lookup: ProfileLookup,
  options: ConsolidateOptions = {},
): CountyResult {
  const problems: Problem[] = [];
  const left = new Set<string>();
  const report = (file: string, issue: Issue, exclude: boolean): void => {
    problems.push({ file, issue, excluded: exclude });
    if (exclude) left.add(file);
  };
  for (const f of files) {
    const fatal = f.issues.some((i) => i.severity === "error") || !f.settings || !f.indicators;
    for (const issue of f.issues) report(f.file, issue, fatal);
    // Never leave a file out silently, even when a caller hands over a file without issues.
    if (fatal && !f.issues.some((i) => i.severity === "error")) {
      report(f.file, { severity: "error", code: "township-unreadable", params: { file: f.file } }, true);
    }
    if (fatal) left.add(f.file);
  }
  const readable = files.filter((f) => !left.has(f.file));
  const year = options.year ?? majority(readable.map((f) => f.settings!.year));
  // Townships are compared by the rulebook they scored under (name and version), not by 规则版本 alone.
  const rulebooks = new Map(readable.map((f) => [f.file, fileRulebook(f, lookup)]));
  const chosen = options.profile !== undefined ? lookup(options.profile) : undefined;
  const expected =
    options.profile !== undefined
      ? chosen?.name
        ? nameOf({ name: chosen.name, ...(chosen.version ? { version: chosen.version } : {}) })
        : { name: options.profile }
      : undefined;
  const expectedKey = expected
    ? rulebookKey(expected)
    : majority(readable.map((f) => rulebookKey(rulebooks.get(f.file)!)));
  const sameBook = readable.filter((f) => rulebookKey(rulebooks.get(f.file)!) === expectedKey);
  const profileId = options.profile ?? majority(sameBook.map((f) => f.settings!.profile));
  const expectedBook = expected ?? (sameBook[0] ? rulebooks.get(sameBook[0].file) : undefined);
  for (const f of readable) {
    const s = f.settings!;
    if (year !== undefined && s.year !== year) {
      report(
        f.file,
        {
          severity: "error",
          code: "other-year",
          ...at(f.settingCells?.year),
          params: { value: s.year, expected: year },
        },
        true,
      );
    }
    const own = rulebooks.get(f.file)!;
    if (expectedBook && rulebookKey(own) !== expectedKey) {
      // Two built-in profiles differ by 规则版本 as before; a 考核规则 tab on either side is named in full.
      const tabbed = f.rulebook !== undefined || sameBook.some((b) => b.rulebook !== undefined);
      const issue: Issue = tabbed
        ? {
            severity: "error",
            code: "other-rulebook",
            ...(f.rulebook ? { sheet: RULEBOOK_TAB } : at(f.settingCells?.profile)),
            params: otherRulebook(own, expectedBook),
          }
        : {
            severity: "error",
            code: "other-profile",
            ...at(f.settingCells?.profile),
            params: { value: s.profile, expected: profileId ?? expectedBook.name },
          };
      report(f.file, issue, true);
    }
  }
  const prefer = options.prefer ?? [];
  const byTownship = new Map<string, TownshipFile[]>();
  for (const f of readable.filter((r) => !left.has(r.file))) {
    const key = matchKey(f.settings!.unitName);
    byTownship.set(key, [...(byTownship.get(key) ?? []), f]);
  }
  for (const group of byTownship.values()) {
    if (group.length < 2) continue;
    const chosen = group.filter((f) => isPreferred(f.file, prefer));
    const others = group.map((f) => f.file).sort();
    for (const f of group) {
      if (chosen.length === 1 && chosen[0] === f) continue;
      const params = { township: f.settings!.unitName, files: others.join("、") };
      const code = chosen.length === 1 ? "duplicate-township-not-preferred" : "duplicate-township";
      report(f.file, { severity: "error", code, ...at(f.settingCells?.unitName), params }, true);
    }
  }
  const profile = profileId === undefined ? undefined : lookup(profileId);
  const used = files.filter((f) => !left.has(f.file));
  const townships = profile ? used.map((f) => townshipRow(f, profile)) : [];
  townships.sort(
    (a, b) => b.total - a.total || (a.township < b.township ? -1 : a.township > b.township ? 1 : 0),
  );
  rank(townships);
  const windows: WindowSummaryRow[] = [];
  for (const t of townships) {
    const f = used.find((u) => u.file === t.file)!;
    const own = [...(f.windows ?? [])].sort((a, b) =>
      a.window < b.window ? -1 : a.window > b.window ? 1 : 0,
    );
    for (const w of own) windows.push({ township: t.township, ...w });
  }
  for (const p of problems) p.excluded = left.has(p.file);
  problems.sort(compareProblems);
  const result: CountyResult = {
    indicatorIds: profile ? profile.indicators.map((d) => d.id) : [],
    townships,
    windows,
    problems,
    used: used.map((f) => f.file).sort(),
    excluded: [...left].sort(),
  };
  if (year !== undefined) result.year = year;
  if (profileId !== undefined) result.profile = profileId;
  return result;
}
