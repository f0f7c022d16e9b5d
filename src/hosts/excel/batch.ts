/**
 * Keeps each sync under the payload budget: callers announce the estimated bytes of what they are about
 * to queue, and the batch syncs first when it would not fit. The number of syncs is ⌈payload / budget⌉.
 */
import { SYNC_BUDGET } from "./blocks";
import type { ExcelFeatures } from "./runtime";

export class SyncBatch {
  pending = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly features: ExcelFeatures,
    private readonly budget = SYNC_BUDGET,
  ) {}

  /** Makes room for `bytes` more: syncs what is queued when they would not fit. */
  async need(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    if (this.features.suspendCalculation)
      this.context.workbook.application.suspendApiCalculationUntilNextSync();
    if (this.features.suspendScreen) this.context.workbook.application.suspendScreenUpdatingUntilNextSync();
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}
