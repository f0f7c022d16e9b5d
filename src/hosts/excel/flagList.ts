/** Where notes are missing (ExcelApi < 1.18): the flags as a tab of their own, with go-to links (1.7). */
import type { InlineFlag } from "../../core";
import type { SheetModel } from "../../workbook/types";
import { sheetRef } from "./address";
import type { ExcelFeatures } from "./runtime";

export const FLAG_LIST_SHEET = "考核标记";
const LINK_COLUMN = "F";

export function flagListModel(flags: InlineFlag[], features: ExcelFeatures): SheetModel {
  return {
    name: FLAG_LIST_SHEET,
    columns: [
      { header: "工作表", format: "text", width: 12 },
      { header: "行", format: "integer", width: 6 },
      { header: "条款", format: "text", width: 14 },
      { header: "期间", format: "text", width: 14 },
      { header: "说明", format: "text", width: 50 },
      { header: "定位", format: "text", width: 16 },
    ],
    rows: flags.map((f) => [
      f.sheet,
      f.row,
      f.codes.join("、"),
      f.periods.join("、"),
      f.message,
      features.freezeAndLinks ? "定位" : `${f.sheet}!A${f.row}`,
    ]),
  };
}

/** Queues the go-to links of the list (ExcelApi 1.7 `range.hyperlink`). */
export function queueFlagLinks(ws: Excel.Worksheet, flags: InlineFlag[], features: ExcelFeatures): void {
  if (!features.freezeAndLinks) return;
  flags.forEach((f, i) => {
    ws.getRange(`${LINK_COLUMN}${i + 2}`).hyperlink = {
      documentReference: sheetRef(f.sheet, `A${f.row}`),
      textToDisplay: "定位",
    };
  });
}
