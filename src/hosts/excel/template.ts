/** 新建模板: adds the input tabs that are missing (headers, drop-downs); never touches an existing tab. */
import type { SheetModel, ValidationModel } from "../../workbook/types";
import { blockAddress } from "./address";
import { planSyncs } from "./blocks";
import type { ExcelFeatures, ExcelRuntime } from "./runtime";
import { queueBlock, queueSheetSettings } from "./write";

function validationSource(v: ValidationModel): string {
  if (v.listRange) return `=${v.listRange}`;
  return (v.list ?? []).join(",");
}

/** Queues drop-downs (ExcelApi 1.8); older Excel gets the tabs without them (a notice says so). */
function queueValidations(ws: Excel.Worksheet, model: SheetModel, features: ExcelFeatures): void {
  if (!features.dataValidation) return;
  for (const v of model.validations ?? []) {
    const range = ws.getRange(blockAddress(v.firstRow, v.column, v.lastRow - v.firstRow + 1, 1));
    range.dataValidation.rule = { list: { inCellDropDown: true, source: validationSource(v) } };
  }
}

export async function addMissingTabs(
  runtime: ExcelRuntime,
  features: ExcelFeatures,
  models: SheetModel[],
): Promise<string[]> {
  return runtime.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const existing = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
    const missing = models.filter((m) => !existing.has(m.name.toLowerCase()));
    if (missing.length === 0) return [];
    const added = missing.map((model) => {
      const ws = sheets.add(model.name);
      queueSheetSettings(ws, model, features);
      queueValidations(ws, model, features);
      return ws;
    });
    for (const batch of planSyncs(missing)) {
      for (const block of batch) queueBlock(added[block.sheet]!, block);
      // One sync per ≤ 4 MB of cells: the loop is the chunking, bounded by ⌈payload / 4 MB⌉.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    return missing.map((m) => m.name);
  });
}
