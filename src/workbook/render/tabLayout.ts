/**
 * How output tabs look and print: a filter on the header row, the header frozen, grade cells with a light
 * fill per grade, and A4 landscape fitted to one page wide with the header repeated on every page.
 */
import { listProfiles } from "../../rules";
import { displayWidth } from "../text";
import type { ColumnModel, PageSetupModel, SheetModel } from "../types";

/** Light fills that stay distinguishable as greys in black-and-white print (ARGB). */
const LEVEL_FILLS = {
  top: "FFD9EAD3",
  good: "FFDDEBF7",
  low: "FFFFF2CC",
  bad: "FFF8CBAD",
  pending: "FFE7E6E6",
} as const;

/** Every profile's grade names with the fill of their level (grades are data, not code). */
export function gradeFills(): Record<string, string> {
  const fills: Record<string, string> = {};
  for (const p of listProfiles()) {
    fills[p.windowGrades.excellent] = LEVEL_FILLS.top;
    fills[p.windowGrades.pass] = LEVEL_FILLS.good;
    fills[p.windowGrades.fail] = LEVEL_FILLS.bad;
    fills[p.staffGrades.excellent] = LEVEL_FILLS.top;
    fills[p.staffGrades.competent] = LEVEL_FILLS.good;
    fills[p.staffGrades.basic] = LEVEL_FILLS.low;
    fills[p.staffGrades.incompetent] = LEVEL_FILLS.bad;
    fills[p.tiePendingGrade] = LEVEL_FILLS.pending;
  }
  return fills;
}

export function tabPageSetup(footer = "第 &P 页 共 &N 页"): PageSetupModel {
  return {
    orientation: "landscape",
    paperSize: "A4",
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    fitToWidth: true,
    fitToHeight: false,
    rowBreaks: [],
    printTitleRows: [1, 1],
    footer,
  };
}

/** Rows looked at to size text columns: names repeat, and 考核明细 can hold hundreds of thousands of rows. */
const SIZING_ROWS = 5000;
/** Beyond this a text column stays as wide as it is (long reasons run on, as in the seed's own tables). */
const MAX_FITTED_WIDTH = 60;

/** Every column at least as wide as its bold header, text columns as their longest value, so print cuts none. */
function fittedColumns(model: SheetModel): ColumnModel[] {
  const rows = Math.min(model.rows.length, SIZING_ROWS);
  return model.columns.map((column, i) => {
    let width = displayWidth(column.header) + 3;
    if (column.format === undefined || column.format === "text")
      for (let r = 0; r < rows; r++) {
        const value = model.rows[r]![i];
        if (typeof value === "string") width = Math.max(width, displayWidth(value) + 2);
      }
    return { ...column, width: Math.max(column.width ?? 0, Math.min(MAX_FITTED_WIDTH, width)) };
  });
}

/** The model with filter, frozen header, page setup, fitted widths and grade fills in column `gradeHeader`. */
export function withTabLayout(model: SheetModel, gradeHeader?: string): SheetModel {
  const column = gradeHeader ? model.columns.findIndex((c) => c.header === gradeHeader) + 1 : 0;
  const out: SheetModel = {
    ...model,
    columns: fittedColumns(model),
    freezeRows: 1,
    autoFilter: true,
    pageSetup: tabPageSetup(),
  };
  if (column > 0) out.valueFills = { column, fills: gradeFills() };
  return out;
}
