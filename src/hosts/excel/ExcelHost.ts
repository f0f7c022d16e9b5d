/**
 * The Excel host: `WorkbookHost` over Office.js. The only code that calls `Excel.run` (through
 * ExcelRuntime, so tests can hand it the emulation in test/emulation/excel).
 */
import type { InlineFlag, RawSheet } from "../../core";
import type { ProgressListener } from "../../workbook/progress";
import type { SheetModel, WorkbookHost } from "../../workbook/types";
import { blockAddress } from "./address";
import { clearAll } from "./excelFlags";
import type { MeasureRequest } from "../../print";
import { measureRowHeights } from "./measureRows";
import { applyExcelPrintLayout } from "./printLayout";
import { applyExcelTabLayout } from "./tabLayout";
import { readAllSheets } from "./read";
import {
  detectFeatures,
  featureNotices,
  officeRuntime,
  type ExcelFeatures,
  type ExcelRuntime,
  type FeatureNotice,
} from "./runtime";
import { addMissingTabs } from "./template";
import { writeAll } from "./write";

export class ExcelHost implements WorkbookHost {
  readonly features: ExcelFeatures;
  /** The flag record as of the last read, so a write needs no extra sync for it. */
  private record?: unknown[][];
  private pageLayoutMissing = false;
  private listener: ProgressListener | undefined;

  constructor(private readonly runtime: ExcelRuntime = officeRuntime()) {
    this.features = detectFeatures(runtime);
  }

  /** What this Excel cannot do that a newer one could (the pane explains them). */
  notices(): FeatureNotice[] {
    const out = featureNotices(this.features);
    return this.pageLayoutMissing ? [...out, "noPageLayout"] : out;
  }

  /** The pane's progress bar: rows read, then data syncs written. */
  onProgress(listener: ProgressListener | undefined): void {
    this.listener = listener;
  }

  async readSheets(): Promise<RawSheet[]> {
    const onProgress = (done: number, total: number) => this.listener?.({ step: "read", done, total });
    const { sheets, record } = await readAllSheets(this.runtime, { onProgress });
    this.record = record;
    return sheets;
  }

  async writeOutputs(sheets: SheetModel[], flags?: InlineFlag[]): Promise<void> {
    const known = this.record;
    // Flags rewritten: the record read earlier is stale from now on. Left alone: it still holds.
    if (flags) this.record = undefined;
    const onProgress = (done: number, total: number) => this.listener?.({ step: "write", done, total });
    await writeAll(this.runtime, this.features, sheets, flags, known, onProgress);
    // Print forms get their layout afterwards (one sync each; src/hosts/excel/printLayout.ts).
    for (const model of sheets) {
      if (model.hidden) continue;
      if (!model.headerless) {
        // Older Excel writes the tab without filter and page setup; no notice (the forms have their own).
        if (model.pageSetup || model.autoFilter) await applyExcelTabLayout(this.runtime, model);
        continue;
      }
      if (!model.pageSetup && !model.merges && !model.rowStyles) continue;
      const outcome = await applyExcelPrintLayout(this.runtime, model.name, model);
      if (!outcome.pageLayout) this.pageLayoutMissing = true;
    }
  }

  /** Heights Excel gives rows holding these wrapped texts (autofit on a scratch sheet); see measureRows.ts. */
  measureRows(requests: readonly MeasureRequest[], fontName: string): Promise<number[] | undefined> {
    return measureRowHeights(this.runtime, requests, fontName);
  }

  async clearFlags(): Promise<number> {
    this.record = undefined;
    return clearAll(this.runtime, this.features);
  }

  async addTemplateTabs(sheets: SheetModel[]): Promise<string[]> {
    return addMissingTabs(this.runtime, this.features, sheets);
  }

  /** 定位: activates the sheet and selects the cell, or the whole row when no column is given. */
  async select(sheet: string, row: number, column?: number): Promise<void> {
    await this.runtime.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(column ? blockAddress(row, column, 1, 1) : `${row}:${row}`).select();
      await context.sync();
    });
  }
}
