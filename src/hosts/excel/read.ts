/**
 * Reading every sheet's used values within Excel's read limits (a response over 5 MB on the web, a range
 * over 5 million cells anywhere). Sync 1: the sheet names. Sync 2: every used range's address and size
 * plus its first HEAD_ROWS rows, which is the whole workbook when it is small. Larger tabs: the rest in
 * row blocks planned from the bytes per row just measured (readPlan.ts), one sync per ≈ 4 MB. A sync Excel
 * rejects for size is retried smaller (bounded), then ends in an ExcelReadError, never a crash.
 */
import { type CellValue, FLAG_SHEET, type RawSheet } from "../../core";
import { addressOrigin, blockAddress } from "./address";
import {
  BLOCK_OVERHEAD,
  CELL_BUDGET,
  HEAD_ROWS,
  MAX_RETRIES,
  PROBE_ROWS,
  READ_BUDGET,
  estimateRowBytes,
  planReads,
  readRejected,
  rowTooLarge,
  type PendingRows,
} from "./readPlan";
import type { ExcelRuntime } from "./runtime";

/** Excel gives "" for empty cells and serial numbers for dates; the core takes null and serials. */
export function toRawSheet(name: string, values: unknown[][] | null, address: string | null): RawSheet {
  if (!values || !address) return { name, rows: [] };
  const origin = addressOrigin(address);
  const rows: CellValue[][] = Array.from({ length: origin.row - 1 }, () => []);
  const lead: CellValue[] = Array<CellValue>(origin.column - 1).fill(null);
  for (const row of values) {
    rows.push([...lead, ...row.map((v) => (v === "" || v === undefined ? null : (v as CellValue)))]);
  }
  return { name, rows };
}

export interface ReadOptions {
  /** Estimated response bytes per sync. */
  budget?: number;
  cellBudget?: number;
  headRows?: number;
  /** Told the rows read so far of all rows, after the heads and after each further sync. */
  onProgress?: (done: number, total: number) => void;
}

/** The errors Excel gives when a read is too large; a smaller read may succeed. */
const LIMIT_CODES = new Set(["ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);
const limitCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && LIMIT_CODES.has(code) ? code : undefined;
};

/**
 * One sync; resolves to the code of a size rejection (undefined when it went through), other errors throw.
 * Reading in chunks means one sync per chunk, which is why the callers loop.
 */
async function syncUnlessTooLarge(context: Excel.RequestContext): Promise<string | undefined> {
  try {
    await context.sync();
    return undefined;
  } catch (error) {
    const code = limitCode(error);
    if (!code) throw error;
    return code;
  }
}

const encoder = new TextEncoder();
/** Bytes of values as JSON (what a response carries for them). */
const jsonBytes = (values: unknown): number => encoder.encode(JSON.stringify(values)).length;

/** One tab as read so far. */
interface Tab extends PendingRows {
  sheet: Excel.Worksheet;
  /** Address of the whole used range (null: empty sheet). */
  address: string | null;
  values: unknown[][];
}

/** Every sheet's values, and the flag record (kept by the host for the next write or clear). */
export async function readAllSheets(
  runtime: ExcelRuntime,
  options: ReadOptions = {},
): Promise<{ sheets: RawSheet[]; record: unknown[][] }> {
  return runtime.run(async (context) => {
    const collection = context.workbook.worksheets;
    collection.load("items/name");
    await context.sync();
    const named = collection.items.map((sheet) => ({ name: sheet.name, sheet }));
    const tabs = await readUsedValues(context, named, options);
    const record = tabs.find((t) => t.name === FLAG_SHEET)?.values ?? [];
    const sheets = tabs
      .filter((t) => t.name !== FLAG_SHEET)
      .map((t) => toRawSheet(t.name, t.address ? t.values : null, t.address));
    return { sheets, record };
  });
}

/**
 * The used values of the given sheets within Excel's read limits: `values` as Excel gives them ("" for
 * empty cells) from the used range's top-left cell at `address` (null: nothing used).
 */
export async function readUsedValues(
  context: Excel.RequestContext,
  sheets: { name: string; sheet: Excel.Worksheet }[],
  options: ReadOptions = {},
): Promise<{ name: string; address: string | null; values: unknown[][] }[]> {
  const tabs = await readHeads(context, sheets, options.headRows ?? HEAD_ROWS);
  await readRest(
    context,
    tabs,
    options.budget ?? READ_BUDGET,
    options.cellBudget ?? CELL_BUDGET,
    options.onProgress,
  );
  return tabs.map(({ name, address, values }) => ({ name, address, values }));
}

/**
 * Sync 2: every used range's address and size with its first `headRows` rows. When Excel rejects that
 * as too large, again with PROBE_ROWS rows, then with sizes only (readRest measures from there on).
 */
async function readHeads(
  context: Excel.RequestContext,
  sheets: { name: string; sheet: Excel.Worksheet }[],
  headRows: number,
): Promise<Tab[]> {
  const attempts = [...new Set([headRows, Math.min(headRows, PROBE_ROWS), 0])];
  let code = "";
  for (const rows of attempts) {
    const probes = sheets.map(({ name, sheet }) => {
      const used = sheet.getUsedRangeOrNullObject(true).load("address,rowCount,columnCount");
      // Not chained to `used`: a method of a null object (an empty sheet) is not something to rely on.
      const head =
        rows > 0
          ? sheet.getRange(`1:${rows}`).getUsedRangeOrNullObject(true).load("values,address")
          : undefined;
      return { name, sheet, used, head };
    });
    code = (await syncUnlessTooLarge(context)) ?? "";
    if (code) continue;
    return probes.map(({ name, sheet, used, head }): Tab => {
      if (used.isNullObject)
        return {
          sheet,
          name,
          address: null,
          values: [],
          row: 1,
          column: 1,
          rowCount: 0,
          columnCount: 0,
          rowBytes: 1,
        };
      const origin = addressOrigin(used.address);
      const values =
        !head || head.isNullObject ? [] : widen(head.values, head.address, origin.column, used.columnCount);
      return {
        sheet,
        name,
        address: used.address,
        values,
        row: origin.row + values.length,
        column: origin.column,
        rowCount: used.rowCount - values.length,
        columnCount: used.columnCount,
        rowBytes: estimateRowBytes(jsonBytes(values), values.length, used.columnCount),
      };
    });
  }
  // Sizes alone cannot exceed a limit: Excel rejected something else about this workbook.
  throw readRejected(
    sheets.map((s) => s.name),
    code,
    attempts.length,
  );
}

/**
 * The head's own used range can be narrower than the sheet's (columns used only further down): pads its
 * rows to the sheet's used columns, so every row of a tab has the same cells as a one-shot read.
 */
function widen(values: unknown[][], address: string, column: number, columnCount: number): unknown[][] {
  const before = addressOrigin(address).column - column;
  const after = columnCount - before - (values[0]?.length ?? 0);
  if (before === 0 && after === 0) return values;
  const lead = Array<string>(before).fill("");
  const tail = Array<string>(after).fill("");
  return values.map((row) => [...lead, ...row, ...tail]);
}

/**
 * The rows below the heads, one planned sync at a time, re-planned from what each sync measured. When
 * Excel rejects a sync as too large, every estimate doubles from then on (its JSON is larger than ours)
 * and each block of that sync is at least halved; a rejected one-row block is reported, not retried.
 */
async function readRest(
  context: Excel.RequestContext,
  tabs: Tab[],
  budget: number,
  cellBudget: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = tabs.reduce((n, t) => n + t.values.length + t.rowCount, 0);
  const report = () =>
    onProgress?.(
      tabs.reduce((n, t) => n + t.values.length, 0),
      total,
    );
  report();
  let scale = 1;
  let rejections = 0;
  /** Per tab, the least bytes per row to plan with after a rejection (halves its next block). */
  const floors = new Map<number, number>();
  const most = budget - BLOCK_OVERHEAD;
  for (;;) {
    const planned = tabs.map((t, i) => ({
      ...t,
      rowBytes: Math.min(most, Math.max(Math.ceil(t.rowBytes * scale), floors.get(i) ?? 0)),
    }));
    const next = planReads(planned, budget, cellBudget)[0];
    if (!next) return;
    const reads = next.map((block) => ({
      block,
      range: tabs[block.tab]!.sheet.getRange(
        blockAddress(block.row, block.column, block.rowCount, block.columnCount),
      ).load("values"),
    }));
    const code = await syncUnlessTooLarge(context);
    if (code) {
      const only = next.length === 1 ? next[0]! : undefined;
      if (only && only.rowCount === 1) throw rowTooLarge(tabs[only.tab]!.name, only.row);
      if (++rejections > MAX_RETRIES)
        throw readRejected([...new Set(next.map((b) => tabs[b.tab]!.name))], code, MAX_RETRIES);
      scale *= 2;
      for (const b of next) floors.set(b.tab, Math.ceil(most / Math.max(1, Math.floor(b.rowCount / 2))));
      continue;
    }
    for (const { block, range } of reads) {
      const tab = tabs[block.tab]!;
      const values = range.values;
      for (const row of values) tab.values.push(row);
      tab.row += block.rowCount;
      tab.rowCount -= block.rowCount;
      tab.rowBytes = estimateRowBytes(jsonBytes(values), values.length, tab.columnCount);
      floors.delete(block.tab);
    }
    report();
  }
}
