/**
 * Writing output tabs: fresh sheets under temporary names, filled in 2-D blocks (≤ 4 MB a sync), then
 * swapped in for the old tabs in the last sync, so a failure leaves the previous results intact.
 * Syncs: 1 (names) + 1 (flag state, with the first block) + one per further 4 MB.
 */
import { FLAG_SHEET, type InlineFlag, mergeFlags } from "../../core";
import type { SheetModel } from "../../workbook/types";
import { blockAddress } from "./address";
import { SyncBatch } from "./batch";
import { OP_OVERHEAD, planSyncs, widthPoints, type SheetBlock } from "./blocks";
import { applyFlags, loadFlagState, loadRecord, queueRestore } from "./excelFlags";
import { flagListModel, FLAG_LIST_SHEET, queueFlagLinks } from "./flagList";
import type { ExcelFeatures, ExcelRuntime } from "./runtime";

const TEMP_PREFIX = "_kaohe_new_";

/** Queues one block: number formats first, so text stays text, then values. */
export function queueBlock(ws: Excel.Worksheet, block: SheetBlock): void {
  const range = ws.getRange(blockAddress(block.row, 1, block.values.length, block.columnCount));
  range.numberFormat = block.formats;
  range.values = block.values;
}

/** Widths, frozen header, bold header, visibility: small per-sheet settings. */
export function queueSheetSettings(ws: Excel.Worksheet, model: SheetModel, features: ExcelFeatures): void {
  if (features.columnWidth) {
    model.columns.forEach((col, i) => {
      if (col.width) ws.getRange(blockAddress(1, i + 1, 1, 1)).format.columnWidth = widthPoints(col.width);
    });
  }
  if (!model.headerless && model.columns.length > 0) {
    ws.getRange(blockAddress(1, 1, 1, model.columns.length)).format.font.bold = true;
  }
  const freeze = model.headerless ? (model.freezeRows ?? 0) : (model.freezeRows ?? 1);
  if (features.freezeAndLinks && freeze > 0) ws.freezePanes.freezeRows(freeze);
  if (model.hidden) ws.visibility = "Hidden";
}

export async function writeAll(
  runtime: ExcelRuntime,
  features: ExcelFeatures,
  outputs: SheetModel[],
  /** The flags to set, replacing the previous run's; undefined leaves the workbook's flags as they are. */
  inlineFlags: InlineFlag[] | undefined,
  /** The flag record as last read; undefined costs one more sync. */
  knownRecord?: unknown[][],
  /** Told the data syncs made so far of all planned, after each. */
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const touchFlags = inlineFlags !== undefined;
  const flags = mergeFlags(inlineFlags ?? []);
  // Without notes (ExcelApi < 1.18) the flags are listed in a tab of their own, with go-to links.
  const models =
    features.notes || flags.length === 0 ? outputs : [...outputs, flagListModel(flags, features)];
  const replaced = new Set(models.map((m) => m.name));
  if (touchFlags) replaced.add(FLAG_LIST_SHEET);
  const temps: string[] = models.map((_, i) => `${TEMP_PREFIX}${i + 1}`);
  try {
    await runtime.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const existing = new Set(sheets.items.map((ws) => ws.name));
      const hasRecord = touchFlags && existing.has(FLAG_SHEET);
      const record = !hasRecord ? [] : (knownRecord ?? (await loadRecord(context)));
      const batch = new SyncBatch(context, features);
      for (const name of existing) if (name.startsWith(TEMP_PREFIX)) sheets.getItem(name).delete();
      // Loads of the rows' current fills and notes travel with the first blocks.
      const state = touchFlags
        ? await loadFlagState(context, batch, existing, record, flags, features)
        : undefined;
      const loadsQueuedAt = batch.syncs;
      const added = models.map((model, i) => {
        const ws = sheets.add(temps[i]);
        queueSheetSettings(ws, model, features);
        return ws;
      });
      const syncs = planSyncs(models, undefined, batch.pending + OP_OVERHEAD * 8 * models.length);
      for (let s = 0; s < syncs.length; s++) {
        for (const block of syncs[s]!) queueBlock(added[block.sheet]!, block);
        if (s < syncs.length - 1) {
          // One sync per ≤ 4 MB of cells: the loop is the chunking, bounded by ⌈payload / 4 MB⌉.
          await batch.flush();
          onProgress?.(s + 1, syncs.length);
        } else batch.pending += syncs[s]!.reduce((n, b) => n + b.bytes, 0);
      }
      // Swap in the last data sync, so a failure before it leaves the old tabs untouched.
      for (const name of existing) if (replaced.has(name)) sheets.getItem(name).delete();
      added.forEach((ws, i) => {
        ws.name = models[i]!.name;
      });
      const list = models.findIndex((m) => m.name === FLAG_LIST_SHEET);
      if (list >= 0) queueFlagLinks(added[list]!, flags, features);
      if (state) {
        // The flags need the loaded fills and notes: sync once more if no sync has carried the loads yet.
        if (batch.syncs === loadsQueuedAt) await batch.flush();
        // Then, in the same sync while there is room: restore the old ones, set the new ones, rewrite the record.
        await queueRestore(context, batch, state, features);
        await applyFlags(context, batch, state, flags, features);
      }
      if (batch.pending > 0) await batch.flush();
      onProgress?.(syncs.length, syncs.length);
    });
  } catch (error) {
    await removeTemps(runtime).catch(() => undefined);
    throw error;
  }
}

/** After a failure: drop half-written temporary sheets; the old tabs were never touched. */
async function removeTemps(runtime: ExcelRuntime): Promise<void> {
  await runtime.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const ws of sheets.items) if (ws.name.startsWith(TEMP_PREFIX)) ws.delete();
    await context.sync();
  });
}
