import {
  BLOCK_OVERHEAD,
  CELL_BUDGET,
  ExcelReadError,
  READ_BUDGET,
  UNKNOWN_CELL_BYTES,
  estimateRowBytes,
  planReads,
  readRejected,
  rowTooLarge,
  type PendingRows,
  type ReadBlock,
} from "../../src/hosts/excel/readPlan";

const tab = (over: Partial<PendingRows>): PendingRows => ({
  name: "事项记录",
  row: 2,
  column: 1,
  rowCount: 100,
  columnCount: 10,
  rowBytes: 100,
  ...over,
});

/** Every planned row, in order, per tab, to check that the plan covers each row exactly once. */
const coveredRows = (plan: ReadBlock[][], tabs: PendingRows[]): number[][] =>
  tabs.map((_, i) =>
    plan.flat().flatMap((b) => (b.tab === i ? Array.from({ length: b.rowCount }, (_, k) => b.row + k) : [])),
  );
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

describe("planReads", () => {
  it("plans nothing for tabs with no rows left", () => {
    expect(planReads([])).toEqual([]);
    expect(planReads([tab({ rowCount: 0 }), tab({ rowCount: 0, name: "空表" })])).toEqual([]);
  });

  it("reads one row in one block of one sync", () => {
    expect(planReads([tab({ row: 7, column: 3, rowCount: 1, columnCount: 4 })])).toEqual([
      [{ tab: 0, row: 7, column: 3, rowCount: 1, columnCount: 4, bytes: BLOCK_OVERHEAD + 100 }],
    ]);
  });

  it("fills a sync exactly to the budget, and starts the next one a row later", () => {
    const budget = BLOCK_OVERHEAD + 50 * 100;
    const exact = planReads([tab({ rowCount: 50 })], budget);
    expect(exact).toHaveLength(1);
    expect(exact[0]![0]!.bytes).toBe(budget);
    const over = planReads([tab({ rowCount: 51 })], budget);
    expect(over.map((s) => s.map((b) => [b.row, b.rowCount]))).toEqual([[[2, 50]], [[52, 1]]]);
  });

  it("packs several tabs into shared syncs, each under the budget, covering every row once in order", () => {
    const tabs = [
      tab({ name: "事项记录", row: 20002, rowCount: 100_000, rowBytes: 64 }),
      tab({ name: "人员名册", rowCount: 0 }),
      tab({ name: "办件台账", row: 20002, rowCount: 298_000, rowBytes: 130, columnCount: 9 }),
    ];
    const plan = planReads(tabs);
    for (const sync of plan) expect(sync.reduce((n, b) => n + b.bytes, 0)).toBeLessThanOrEqual(READ_BUDGET);
    const total = 100_000 * 64 + 298_000 * 130;
    expect(plan.length).toBe(Math.ceil(total / READ_BUDGET));
    const rows = coveredRows(plan, tabs);
    expect(rows[0]).toEqual(range(20002, 100_000));
    expect(rows[1]).toEqual([]);
    expect(rows[2]).toEqual(range(20002, 298_000));
    // The first tab's last block and the second tab's first block share a sync.
    expect(plan.some((sync) => new Set(sync.map((b) => b.tab)).size === 2)).toBe(true);
  });

  it("cuts very wide rows by cells, not only by bytes", () => {
    const wide = tab({ columnCount: 16_384, rowCount: 1000, rowBytes: 3 * 16_384 });
    const plan = planReads([wide], 1e12);
    const perBlock = Math.floor(CELL_BUDGET / 16_384);
    expect(plan.flat().every((b) => b.rowCount * b.columnCount <= CELL_BUDGET)).toBe(true);
    expect(plan.flat()[0]!.rowCount).toBe(perBlock);
    expect(coveredRows(plan, [wide])[0]).toEqual(range(2, 1000));
  });

  it("refuses a single row larger than a sync, naming the sheet and row in Chinese and English", () => {
    const huge = tab({ name: "办件台账", row: 9, rowBytes: READ_BUDGET });
    let caught: unknown;
    try {
      planReads([tab({ rowCount: 3 }), huge]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExcelReadError);
    const e = caught as ExcelReadError;
    expect(e.sheet).toBe("办件台账");
    expect(e.zh).toContain("工作表“办件台账”第 9 行");
    expect(e.en).toContain('Row 9 of sheet "办件台账"');
    expect(e.message).toBe(`${e.zh}\n${e.en}`);
    // One byte less fits.
    expect(planReads([tab({ rowBytes: READ_BUDGET - BLOCK_OVERHEAD, rowCount: 2 })])).toHaveLength(2);
  });
});

describe("estimates and messages", () => {
  it("estimates bytes per row from what was read, or from the width when nothing was", () => {
    expect(estimateRowBytes(1000, 3, 10)).toBe(334);
    expect(estimateRowBytes(0, 5, 10)).toBe(1);
    expect(estimateRowBytes(0, 0, 10)).toBe(10 * UNKNOWN_CELL_BYTES);
    expect(estimateRowBytes(0, 0, 0)).toBe(UNKNOWN_CELL_BYTES);
  });

  it("names every sheet, the error code and the retries when Excel keeps rejecting", () => {
    const e = readRejected(["事项记录", "办件台账"], "RangeExceedsLimit", 8);
    expect(e.zh).toContain("事项记录、办件台账");
    expect(e.zh).toContain("8 次");
    expect(e.en).toContain('"事项记录", "办件台账"');
    expect(e.en).toContain("RangeExceedsLimit");
    expect(rowTooLarge("x", 2).zh).toContain("独立网页");
  });
});
