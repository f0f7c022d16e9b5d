/**
 * Excel measures the print rows: each row's wrapped texts go on a scratch sheet, each into an unmerged
 * cell as wide as its box (autofit ignores merged cells), in the row's font; `autofitRows` (ExcelApi 1.2)
 * sizes the rows and their heights are read back in the same sync. The scratch sheet is then deleted.
 */
import type { MeasureRequest } from "../../print";
import { blockAddress } from "./address";
import { columnPoints } from "./printLayout";
import type { ExcelRuntime } from "./runtime";

export const AUTOFIT_API = "1.2";
export const MEASURE_SHEET = "kaohe_measure";

/** Heights in points of `requests`, in order; undefined when this Excel cannot autofit (ExcelApi < 1.2). */
export async function measureRowHeights(
  runtime: ExcelRuntime,
  requests: readonly MeasureRequest[],
  fontName: string,
): Promise<number[] | undefined> {
  if (!runtime.isSetSupported(AUTOFIT_API)) return undefined;
  if (requests.length === 0) return [];
  // One scratch column per box width (and per repeat of a width within one row).
  const columns = new Map<string, number>();
  const placed = requests.map((r) => {
    const seen = new Map<number, number>();
    return r.wraps.map((w) => {
      const n = seen.get(w.width) ?? 0;
      seen.set(w.width, n + 1);
      const key = `${w.width}#${n}`;
      if (!columns.has(key)) columns.set(key, columns.size + 1);
      return { column: columns.get(key)!, width: w.width, text: w.text };
    });
  });
  const width = columns.size;
  const values: string[][] = placed.map((cells) => {
    const row: string[] = Array.from({ length: width }, () => "");
    for (const c of cells) row[c.column - 1] = c.text;
    return row;
  });
  return runtime.run(async (context) => {
    // A scratch sheet left by a run that failed half-way is removed first (ExcelApi 1.4 can look it up).
    if (runtime.isSetSupported("1.4")) {
      const left = context.workbook.worksheets.getItemOrNullObject(MEASURE_SHEET);
      left.load("name");
      await context.sync();
      if (!left.isNullObject) left.delete();
    }
    const ws = context.workbook.worksheets.add(MEASURE_SHEET);
    let heights: number[];
    try {
      heights = await measureOn(context, ws, requests, values, columns, fontName);
    } catch (error) {
      // Remove the scratch sheet if it was made; the measuring error is the one to report.
      ws.delete();
      await context.sync().catch(() => undefined);
      throw error;
    }
    ws.delete();
    await context.sync();
    return heights;
  });
}

async function measureOn(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  requests: readonly MeasureRequest[],
  values: string[][],
  columns: Map<string, number>,
  fontName: string,
): Promise<number[]> {
  const width = columns.size;
  for (const [key, column] of columns) {
    const points = columnPoints(Number(key.split("#")[0]));
    ws.getRange(blockAddress(1, column, 1, 1)).format.columnWidth = points;
  }
  const heights: number[] = [];
  for (let first = 0; first < requests.length; first += ROWS_PER_SYNC) {
    const count = Math.min(ROWS_PER_SYNC, requests.length - first);
    const all = ws.getRange(blockAddress(first + 1, 1, count, width));
    const block = values.slice(first, first + count);
    // Text, never a formula: the cells are formatted as text before the values go in.
    all.numberFormat = block.map((row) => row.map(() => "@"));
    all.values = block;
    all.format.font.name = fontName;
    all.format.wrapText = true;
    for (const run of sizeRuns(requests, first, count)) {
      ws.getRange(blockAddress(run.first + 1, 1, run.count, width)).format.font.size = run.size;
    }
    all.format.autofitRows();
    const rows = Array.from({ length: count }, (_, i) =>
      ws.getRange(blockAddress(first + i + 1, 1, 1, 1)).format.load("rowHeight"),
    );
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per few thousand rows
    await context.sync();
    for (const f of rows) heights.push(f.rowHeight);
  }
  return heights;
}

/** Rows measured per sync: a row queues about five operations, so a request stays well under 5 MB. */
const ROWS_PER_SYNC = 4000;

/** Consecutive requests of one font size, so a size is set once per run, not once per row. */
function sizeRuns(
  requests: readonly MeasureRequest[],
  first: number,
  count: number,
): { first: number; count: number; size: number }[] {
  const runs: { first: number; count: number; size: number }[] = [];
  for (let i = first; i < first + count; i++) {
    const size = requests[i]!.fontSize;
    const last = runs[runs.length - 1];
    if (last && last.size === size) last.count++;
    else runs.push({ first: i, count: 1, size });
  }
  return runs;
}
