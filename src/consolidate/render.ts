/** The county result as output tabs: 县汇总_镇街排名, 县汇总_问题, 县汇总_窗口 (no timestamps: re-runs are identical). */
import type { CellValue, Locale } from "../core";
import { getProfile } from "../rules";
import { withTabLayout } from "../workbook/render/tabLayout";
import type { Points } from "../rules/types";
import { cellRef } from "../workbook/cells";
import type { ColumnModel, SheetModel } from "../workbook/types";
import { problemText } from "./messages";
import type { CountyResult } from "./types";

export const RANKING_TAB = "县汇总_镇街排名";
export const PROBLEMS_TAB = "县汇总_问题";
export const WINDOWS_TAB = "县汇总_窗口";

function points(p: Points | undefined): CellValue {
  return p === undefined ? null : p / 10;
}

const OUTCOME: Record<Locale, { excluded: string; counted: string }> = {
  "zh-CN": { excluded: "未汇总", counted: "已汇总（提示）" },
  "zh-TW": { excluded: "未彙總", counted: "已彙總（提示）" },
  en: { excluded: "left out", counted: "counted (notice)" },
};

/** `T1 领导重视`: the indicator's name with its id (the id alone when the profile is unknown). */
function indicatorHeader(result: CountyResult): (id: string) => string {
  const defs = getProfile(result.profile ?? "")?.indicators ?? [];
  const names = new Map(defs.map((d) => [d.id, d.name]));
  return (id) => (names.get(id) ? `${id} ${names.get(id)}` : id);
}

function rankingSheet(result: CountyResult): SheetModel {
  const ids = result.indicatorIds;
  const header = indicatorHeader(result);
  const columns: ColumnModel[] = [
    { header: "镇街", width: 14, format: "text" },
    ...ids.map((id): ColumnModel => ({ header: header(id), width: 10, format: "points" })),
    { header: "总分", width: 8, format: "points" },
    { header: "排名", width: 6, format: "integer", align: "center" },
    { header: "等次", width: 8, format: "text", align: "center" },
    ...ids.map((id): ColumnModel => ({ header: `${id}差额`, width: 7, format: "delta" })),
    { header: "差额合计", width: 9, format: "points" },
    { header: "未复核项", width: 9, format: "integer" },
    { header: "来源文件", width: 28, format: "text" },
  ];
  const rows = result.townships.map((t): CellValue[] => [
    t.township,
    ...ids.map((id) => points(t.counted[id])),
    points(t.total),
    t.rank,
    t.grade,
    ...ids.map((id) => points(t.difference[id])),
    points(t.differenceTotal),
    t.unreviewed,
    t.file,
  ]);
  return withTabLayout({ name: RANKING_TAB, columns, rows, freezeRows: 1 }, "等次");
}

function problemsSheet(result: CountyResult, locale: Locale): SheetModel {
  const columns: ColumnModel[] = [
    { header: "文件", width: 28, format: "text" },
    { header: "工作表", width: 12, format: "text" },
    { header: "单元格", width: 8, format: "text" },
    { header: "问题", width: 100, format: "text" },
    { header: "处理", width: 14, format: "text" },
  ];
  const rows = result.problems.map(({ file, issue, excluded }): CellValue[] => [
    file,
    issue.sheet ?? null,
    issue.sheet && issue.row !== undefined ? cellRef(issue.row, issue.column) : null,
    problemText(issue, locale),
    excluded ? OUTCOME[locale].excluded : OUTCOME[locale].counted,
  ]);
  return withTabLayout({ name: PROBLEMS_TAB, columns, rows, freezeRows: 1 });
}

function windowsSheet(result: CountyResult): SheetModel {
  const columns: ColumnModel[] = [
    { header: "镇街", width: 14, format: "text" },
    { header: "窗口", width: 18, format: "text" },
    { header: "年度得分", width: 9, format: "points" },
    { header: "等次", width: 8, format: "text" },
    { header: "否决", width: 60, format: "text" },
  ];
  const rows = result.windows.map((w): CellValue[] => [
    w.township,
    w.window,
    points(w.score),
    w.grade,
    w.vetoes.length ? w.vetoes.join("；") : null,
  ]);
  return withTabLayout({ name: WINDOWS_TAB, columns, rows, freezeRows: 1 }, "等次");
}

/** The three county tabs, always all three (an empty tab says "nothing of that kind"). */
export function renderCounty(result: CountyResult, locale: Locale = "zh-CN"): SheetModel[] {
  return [rankingSheet(result), problemsSheet(result, locale), windowsSheet(result)];
}
