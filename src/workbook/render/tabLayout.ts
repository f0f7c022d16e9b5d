/**
 * How output tabs look and print: a filter on the header row, the header frozen, grade cells with a light
 * fill per grade, and A4 landscape fitted to one page wide with the header repeated on every page.
 */
import { listProfiles } from "../../rules";
import type { PageSetupModel, SheetModel } from "../types";

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

/** The model with filter, frozen header, page setup, and grade fills in the column headed `gradeHeader`. */
export function withTabLayout(model: SheetModel, gradeHeader?: string): SheetModel {
  const column = gradeHeader ? model.columns.findIndex((c) => c.header === gradeHeader) + 1 : 0;
  const out: SheetModel = { ...model, freezeRows: 1, autoFilter: true, pageSetup: tabPageSetup() };
  if (column > 0) out.valueFills = { column, fills: gradeFills() };
  return out;
}
