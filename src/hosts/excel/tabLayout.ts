/**
 * Result tabs in Excel: a filter on the header row, grade cells filled by grade, and the page layout
 * (A4 landscape, one page wide, header row repeated, header and footer). The filter and page layout need
 * ExcelApi 1.9; without it the tab is written as before and the pane says page setup is manual.
 */
import type { SheetModel } from "../../workbook/types";
import { blockAddress } from "./address";
import { PAGE_LAYOUT_API, queuePageLayout } from "./printLayout";
import type { ExcelRuntime } from "./runtime";

/** Applies a tabular tab's layout; returns false when this Excel lacks the page-layout API. */
export async function applyExcelTabLayout(runtime: ExcelRuntime, model: SheetModel): Promise<boolean> {
  const supported = runtime.isSetSupported(PAGE_LAYOUT_API);
  const fills = model.valueFills;
  const width = model.columns.length;
  if (width === 0) return true;
  await runtime.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(model.name);
    if (fills) {
      model.rows.forEach((row, r) => {
        const color = fills.fills[String(row[fills.column - 1] ?? "")];
        if (color)
          ws.getRange(blockAddress(r + 2, fills.column, 1, 1)).format.fill.color = `#${color.slice(-6)}`;
      });
    }
    model.columns.forEach((c, i) => {
      if (c.align !== "center" || model.rows.length === 0) return;
      ws.getRange(blockAddress(2, i + 1, model.rows.length, 1)).format.horizontalAlignment = "Center";
    });
    if (supported) {
      if (model.autoFilter)
        ws.autoFilter.apply(ws.getRange(blockAddress(1, 1, model.rows.length + 1, width)));
      if (model.pageSetup) queuePageLayout(ws, model.pageSetup);
    }
    await context.sync();
  });
  return supported;
}
