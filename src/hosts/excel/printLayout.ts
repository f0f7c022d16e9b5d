/**
 * Print forms in Excel: merges, row styles and column widths (ExcelApi 1.2), then the page layout
 * (ExcelApi 1.9: A4 portrait, binding margins, fit one page wide, print area, title rows, footer, breaks).
 * Queued in batches of bounded size, one sync each (one sync for a sheet of a few forms).
 */
import type { PageSetupModel, RowStyleModel, SheetModel } from "../../workbook/types";
import type { ExcelRuntime } from "./runtime";

/** The requirement set of `worksheet.pageLayout` and `horizontalPageBreaks`. */
export const PAGE_LAYOUT_API = "1.9";

export interface PrintLayoutOutcome {
  /** False when this Excel lacks ExcelApi 1.9: the form is written and formatted, page setup is left to the user. */
  pageLayout: boolean;
  /** Why not, in Chinese and English, when `pageLayout` is false. */
  message?: { zh: string; en: string };
}

export const PAGE_LAYOUT_UNSUPPORTED = {
  zh: "此版本的 Excel 不支持页面布局接口（需要 ExcelApi 1.9）：考核表已写入，请在“页面布局”中手动设置 A4 纵向、调整为一页宽并打印。",
  en: "This Excel does not support the page-layout API (ExcelApi 1.9 needed): the forms are written; set A4 portrait and fit to one page wide under Page Layout before printing.",
};

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/**
 * Operations per sync: Excel rejects requests over 5 MB, and one queued range operation costs ~100 bytes
 * of payload, so 20,000 keep a request near 2 MB. A 500-form sheet takes a handful of syncs.
 */
export const MAX_OPS_PER_SYNC = 20_000;

/** Applies a print form's layout to the existing sheet `sheetName`: formats in batches, page layout last. */
export async function applyExcelPrintLayout(
  runtime: ExcelRuntime,
  sheetName: string,
  model: SheetModel,
): Promise<PrintLayoutOutcome> {
  const pageLayout = runtime.isSetSupported(PAGE_LAYOUT_API);
  const batches = batchTasks(printFormatTasks(model), MAX_OPS_PER_SYNC);
  await runtime.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    for (let i = 0; i < batches.length; i++) {
      for (const task of batches[i]!) task.run(ws);
      if (i === batches.length - 1 && pageLayout && model.pageSetup) queuePageLayout(ws, model.pageSetup);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~2 MB batch, not per item
      await context.sync();
    }
  });
  return pageLayout ? { pageLayout } : { pageLayout, message: PAGE_LAYOUT_UNSUPPORTED };
}

/** One unit of formatting and about how many operations it queues. */
export interface FormatTask {
  ops: number;
  run(ws: Excel.Worksheet): void;
}

/** Consecutive tasks in batches of at most `maxOps` operations (a single larger task gets its own batch). */
export function batchTasks(tasks: FormatTask[], maxOps: number): FormatTask[][] {
  const batches: FormatTask[][] = [[]];
  let ops = 0;
  for (const task of tasks) {
    if (ops > 0 && ops + task.ops > maxOps) {
      batches.push([]);
      ops = 0;
    }
    batches[batches.length - 1]!.push(task);
    ops += task.ops;
  }
  return batches;
}

/** `A1:H3` for 1-based rows and columns. */
function address(row: number, column: number, lastRow: number, lastColumn: number): string {
  return `${letters(column)}${row}:${letters(lastColumn)}${lastRow}`;
}

function letters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel's column width in points for a width in character units (10 pt SimSun). */
export function columnPoints(width: number): number {
  return Math.round(width * 5.6 + 5);
}

/** Merges, column widths and row styles as tasks; consecutive rows of one style are formatted as one range. */
export function printFormatTasks(model: SheetModel): FormatTask[] {
  const width = model.columns.length;
  const tasks: FormatTask[] = [];
  model.columns.forEach((c, i) => {
    if (c.width === undefined) return;
    const points = columnPoints(c.width);
    tasks.push({
      ops: 2,
      run: (ws) => (ws.getRange(address(1, i + 1, 1, i + 1)).format.columnWidth = points),
    });
  });
  for (const m of model.merges ?? []) {
    const where = address(m.row, m.column, m.row + m.rowSpan - 1, m.column + m.columnSpan - 1);
    tasks.push({ ops: 2, run: (ws) => ws.getRange(where).merge(false) });
  }
  for (const run of styleRuns(model.rowStyles ?? {})) {
    const def = model.rowStyleDefs?.[run.style] ?? {};
    const columns =
      (def.wrapColumns ?? []).length +
      Object.keys(def.columnAlign ?? {}).length +
      Object.keys(def.columnValign ?? {}).length;
    // Counted as the fake in test/print counts them: each getRange, getItem and property set is one.
    const ops =
      10 + 11 * (def.groups?.length ?? 1) + 2 * (columns + Object.keys(def.columnFill ?? {}).length);
    tasks.push({ ops, run: (ws) => styleRun(ws, run, def, model, width) });
  }
  for (const [row, height] of Object.entries(model.rowHeights ?? {})) {
    const where = address(Number(row), 1, Number(row), width);
    tasks.push({ ops: 2, run: (ws) => (ws.getRange(where).format.rowHeight = height) });
  }
  return tasks;
}

function styleRun(
  ws: Excel.Worksheet,
  run: StyleRun,
  def: RowStyleModel,
  model: SheetModel,
  width: number,
): void {
  styleRange(ws.getRange(address(run.first, 1, run.last, width)), def, model);
  boxes(ws, run, def, width);
  const column = (c: number) => ws.getRange(address(run.first, c, run.last, c)).format;
  for (const c of def.wrapColumns ?? []) column(c).wrapText = true;
  for (const [c, align] of Object.entries(def.columnAlign ?? {}))
    column(Number(c)).horizontalAlignment = HORIZONTAL[align];
  for (const [c, fill] of Object.entries(def.columnFill ?? {})) column(Number(c)).fill.color = rgb(fill);
  for (const [c, valign] of Object.entries(def.columnValign ?? {}))
    column(Number(c)).verticalAlignment = VERTICAL[valign];
}

/** Page setup through `worksheet.pageLayout` (ExcelApi 1.9). Margins are given in points. */
export function queuePageLayout(ws: Excel.Worksheet, setup: PageSetupModel): void {
  const layout = ws.pageLayout;
  layout.orientation = setup.orientation === "portrait" ? "Portrait" : "Landscape";
  layout.paperSize = "A4";
  const m = setup.margins;
  layout.leftMargin = m.left * 72;
  layout.rightMargin = m.right * 72;
  layout.topMargin = m.top * 72;
  layout.bottomMargin = m.bottom * 72;
  layout.headerMargin = m.header * 72;
  layout.footerMargin = m.footer * 72;
  layout.printGridlines = false;
  // One page wide; the height follows the manual breaks (Excel ignores them when fitting the height too).
  if (setup.fitToWidth) {
    layout.zoom = setup.fitToHeight
      ? { horizontalFitToPages: 1, verticalFitToPages: 1 }
      : { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  if (setup.printArea) layout.setPrintArea(setup.printArea);
  if (setup.printTitleRows)
    layout.setPrintTitleRows(`$${setup.printTitleRows[0]}:$${setup.printTitleRows[1]}`);
  const hf = layout.headersFooters.defaultForAllPages;
  if (setup.footer) hf.centerFooter = setup.footer;
  if (setup.header) hf.centerHeader = setup.header;
  ws.horizontalPageBreaks.removePageBreaks();
  // A break "after row r" is a break before the first cell of row r + 1.
  for (const row of setup.rowBreaks) ws.horizontalPageBreaks.add(`A${row + 1}`);
}

function styleRange(range: Excel.Range, def: RowStyleModel, model: SheetModel): void {
  const format = range.format;
  if (model.font) format.font.name = model.font.name;
  const size = def.fontSize ?? model.font?.size;
  if (size !== undefined) format.font.size = size;
  format.font.bold = def.bold ?? false;
  format.horizontalAlignment = HORIZONTAL[def.align ?? "left"];
  format.verticalAlignment = VERTICAL[def.valign ?? "middle"];
  format.wrapText = def.wrapColumns ? false : (def.wrap ?? false);
  if (def.height !== undefined) format.rowHeight = def.height;
  if (def.fill) format.fill.color = rgb(def.fill);
  if (def.border === "bottom") format.borders.getItem("EdgeBottom").style = "Continuous";
}

/** Lines around every cell, or around each group of cells and between its rows only. */
function boxes(ws: Excel.Worksheet, run: StyleRun, def: RowStyleModel, width: number): void {
  if (def.border !== "all") return;
  const many = run.last > run.first;
  const groups = def.groups ?? [[1, width]];
  for (const [first, count] of groups) {
    const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (many) edges.push("InsideHorizontal");
    if (!def.groups && count > 1) edges.push("InsideVertical");
    const borders = ws.getRange(address(run.first, first, run.last, first + count - 1)).format.borders;
    for (const edge of edges) borders.getItem(edge).style = "Continuous";
  }
}

/** `FFF2F2F2` (ARGB) → `#F2F2F2`. */
function rgb(argb: string): string {
  return `#${argb.slice(-6)}`;
}

interface StyleRun {
  style: string;
  first: number;
  last: number;
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** Maximal runs of consecutive rows with the same style name. */
export function styleRuns(rowStyles: Record<number, string>): StyleRun[] {
  const rows = Object.keys(rowStyles)
    .map(Number)
    .sort((a, b) => a - b);
  const runs: StyleRun[] = [];
  for (const row of rows) {
    const style = rowStyles[row]!;
    const last = runs[runs.length - 1];
    if (last && last.style === style && last.last === row - 1) last.last = row;
    else runs.push({ style, first: row, last: row });
  }
  return runs;
}
