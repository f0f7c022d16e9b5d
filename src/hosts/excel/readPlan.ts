/**
 * Planning a chunked read: pure arithmetic over used-range sizes and measured bytes per row, so that
 * every sync's response stays under Excel on the web's 5 MB limit and every range under 5 million cells.
 */

/** Estimated response bytes per sync (Excel on the web rejects a response over 5 MB: 20 % margin). */
export const READ_BUDGET = 4 * 1024 * 1024;
/** Cells per range read (Excel rejects a range "get" of more than 5,000,000 cells: 20 % margin). */
export const CELL_BUDGET = 4_000_000;
/** Rows of every tab read in the sync that finds the used ranges: small workbooks need no more. */
export const HEAD_ROWS = 20_000;
/** Rows per tab when the first attempt was rejected (they measure the bytes per row). */
export const PROBE_ROWS = 200;
/** Rejected syncs tolerated in one read before giving up with a message. */
export const MAX_RETRIES = 8;
/** Response bytes around one block besides its values (an estimate, on the safe side). */
export const BLOCK_OVERHEAD = 64;
/** Bytes per cell assumed for a tab with no rows read yet (its used range starts below the head). */
export const UNKNOWN_CELL_BYTES = 32;

/** Rows of one tab still to read. */
export interface PendingRows {
  name: string;
  /** First sheet row and column still to read (1-based). */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** Estimated response bytes of one row. */
  rowBytes: number;
}

export interface ReadBlock {
  /** Index into the pending tabs. */
  tab: number;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** Estimated response bytes. */
  bytes: number;
}

/** A read Excel cannot do within its limits; `zh` and `en` for the pane, `message` carries both. */
export class ExcelReadError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly sheet?: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = "ExcelReadError";
  }
}

const ALTERNATIVES = {
  zh: "请删除该表中无用的内容（如超长文本），或改用 Excel 桌面版、独立网页或命令行 kaohe 评分。",
  en: "Remove unused content (such as very long text) from it, or score in Excel desktop, the standalone page or the kaohe CLI.",
};

/** One row alone is larger than a read may return. */
export function rowTooLarge(sheet: string, row: number): ExcelReadError {
  return new ExcelReadError(
    `工作表“${sheet}”第 ${row} 行的数据超过 Excel 单次读取的上限（响应 5 MB / 500 万个单元格），无法在此 Excel 中读取。${ALTERNATIVES.zh}`,
    `Row ${row} of sheet "${sheet}" is larger than Excel lets one read return (5 MB response / 5 million cells), so this Excel cannot read it. ${ALTERNATIVES.en}`,
    sheet,
  );
}

/** Excel kept rejecting reads after smaller and smaller retries. */
export function readRejected(sheets: string[], code: string, attempts: number): ExcelReadError {
  const list = sheets.join("、");
  return new ExcelReadError(
    `读取工作表 ${list} 时，Excel 在 ${attempts} 次缩小重试后仍拒绝读取（${code}：响应超过 5 MB 或区域超过 500 万个单元格）。${ALTERNATIVES.zh}`,
    `Excel still rejected reading ${sheets.map((s) => `"${s}"`).join(", ")} after ${attempts} smaller retries (${code}: response over 5 MB or range over 5 million cells). ${ALTERNATIVES.en}`,
    sheets[0],
  );
}

/** Estimated bytes of one row of a tab: measured from rows already read, else a guess from its width. */
export function estimateRowBytes(measuredBytes: number, rowsMeasured: number, columnCount: number): number {
  if (rowsMeasured > 0) return Math.max(1, Math.ceil(measuredBytes / rowsMeasured));
  return Math.max(1, columnCount) * UNKNOWN_CELL_BYTES;
}

/**
 * Packs the pending rows of all tabs, in order, into syncs of at most `budget` estimated response bytes,
 * each block at most `cellBudget` cells. Throws `rowTooLarge` when a single row cannot fit.
 */
export function planReads(
  tabs: readonly PendingRows[],
  budget = READ_BUDGET,
  cellBudget = CELL_BUDGET,
): ReadBlock[][] {
  const syncs: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let room = budget;
  tabs.forEach((tab, index) => {
    if (tab.rowCount <= 0) return;
    const rowsByCells = Math.floor(cellBudget / Math.max(1, tab.columnCount));
    if (tab.rowBytes + BLOCK_OVERHEAD > budget || rowsByCells < 1) throw rowTooLarge(tab.name, tab.row);
    let row = tab.row;
    let left = tab.rowCount;
    while (left > 0) {
      const rows = Math.min(left, rowsByCells, Math.floor((room - BLOCK_OVERHEAD) / tab.rowBytes));
      if (rows < 1) {
        syncs.push(current);
        current = [];
        room = budget;
        continue;
      }
      const bytes = BLOCK_OVERHEAD + rows * tab.rowBytes;
      current.push({
        tab: index,
        row,
        column: tab.column,
        rowCount: rows,
        columnCount: tab.columnCount,
        bytes,
      });
      room -= bytes;
      row += rows;
      left -= rows;
    }
  });
  if (current.length > 0) syncs.push(current);
  return syncs;
}
