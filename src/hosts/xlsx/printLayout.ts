import type { Alignment, Borders, Worksheet } from "exceljs";
import type { MergeModel, RowStyleModel, SheetModel } from "../../workbook/types";

const A4 = 9;
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };

/**
 * Applies a print form's layout to a worksheet whose values are already written: column widths, merges,
 * row styles (font, borders, fills, heights), page setup, row breaks, print titles and print area.
 * Does nothing for a model without print hints.
 */
export function applyPrintLayout(ws: Worksheet, model: SheetModel): void {
  model.columns.forEach((c, i) => {
    if (c.width !== undefined) ws.getColumn(i + 1).width = c.width;
  });
  mergeAll(ws, model.merges ?? []);
  applyRowStyles(ws, model);
  const setup = model.pageSetup;
  if (!setup) return;
  ws.views = [{ showGridLines: false }];
  applyPageSetup(ws, setup);
  if (setup.printArea) ws.pageSetup.printArea = absolutePrintArea(setup.printArea);
  if (setup.header) ws.headerFooter.oddHeader = `&C${setup.header}`;
  for (const row of setup.rowBreaks) ws.getRow(row).addPageBreak();
}

/** A4, orientation, margins, one page wide, repeated title rows and the centred footer: forms and tabs alike. */
function applyPageSetup(ws: Worksheet, setup: NonNullable<SheetModel["pageSetup"]>): void {
  ws.pageSetup.paperSize = A4;
  ws.pageSetup.orientation = setup.orientation;
  ws.pageSetup.margins = { ...setup.margins };
  // Fit one page wide only (fitToHeight 0): Excel ignores manual breaks when the height is fitted too.
  ws.pageSetup.fitToPage = setup.fitToWidth;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = setup.fitToHeight ? 1 : 0;
  if (setup.printTitleRows)
    ws.pageSetup.printTitlesRow = `${setup.printTitleRows[0]}:${setup.printTitleRows[1]}`;
  if (setup.footer) ws.headerFooter.oddFooter = `&C${setup.footer}`;
}

/**
 * A tabular output tab: filter over the header and data rows, grade fills, and its page setup (A4
 * landscape, one page wide, header row repeated, header/footer).
 */
export function applyTabLayout(ws: Worksheet, model: SheetModel): void {
  const width = model.columns.length;
  const last = model.rows.length + 1;
  if (model.autoFilter && width > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: width } };
  }
  const fills = model.valueFills;
  if (fills) {
    model.rows.forEach((row, r) => {
      const argb = fills.fills[String(row[fills.column - 1] ?? "")];
      if (argb)
        ws.getCell(r + 2, fills.column).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
    });
  }
  const setup = model.pageSetup;
  if (!setup) return;
  applyPageSetup(ws, setup);
  // A tab's header is already in Excel's codes (the stamp: `&L…&R&A`).
  if (setup.header) ws.headerFooter.oddHeader = setup.header;
}

/**
 * `A1:H152` → `A$1:H$152`. ExcelJS adds `$` before the column letters itself; given plain `A1:H152` it
 * writes the half-relative `$A1:$H152`, which LibreOffice ignores. Given `A$1:H$152` it writes `$A$1:$H$152`.
 */
export function absolutePrintArea(area: string): string {
  return area
    .split(",")
    .map((range) =>
      range
        .split(":")
        .map((ref) => ref.replace(/\$/g, "").replace(/^([A-Za-z]+)(\d+)$/, "$1$$$2"))
        .join(":"),
    )
    .join(",");
}

/**
 * ExcelJS checks every new merge against every earlier one (quadratic: 20,000 merges of 500 forms took
 * 78 s). The overlap check is done here once with a set of covered cells, then each merge is made against
 * an empty index and put back, which is the same result in linear time.
 * @throws Error when two merges overlap (a bug in the model, as in ExcelJS).
 */
function mergeAll(ws: Worksheet, merges: MergeModel[]): void {
  const covered = new Set<number>();
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.rowSpan; r++) {
      for (let c = m.column; c < m.column + m.columnSpan; c++) {
        const key = r * 16384 + c;
        if (covered.has(key)) throw new Error(`Cannot merge already merged cells (row ${r}, column ${c})`);
        covered.add(key);
      }
    }
  }
  const sheet = ws as unknown as { _merges: Record<string, unknown> };
  const index = sheet._merges;
  try {
    for (const m of merges) {
      sheet._merges = {};
      ws.mergeCells(m.row, m.column, m.row + m.rowSpan - 1, m.column + m.columnSpan - 1);
      Object.assign(index, sheet._merges);
    }
  } finally {
    sheet._merges = index;
  }
}

function applyRowStyles(ws: Worksheet, model: SheetModel): void {
  const defs = model.rowStyleDefs ?? {};
  const width = model.columns.length;
  for (const [key, name] of Object.entries(model.rowStyles ?? {})) {
    const rowNumber = Number(key);
    const def = defs[name];
    const row = ws.getRow(rowNumber);
    const height = model.rowHeights?.[rowNumber] ?? def?.height;
    if (height !== undefined) row.height = height;
    for (let column = 1; column <= width; column++) styleCell(ws, rowNumber, column, model, def);
  }
}

function styleCell(
  ws: Worksheet,
  row: number,
  column: number,
  model: SheetModel,
  def: RowStyleModel | undefined,
): void {
  const cell = ws.getCell(row, column);
  const font = model.font;
  cell.font = {
    name: font?.name,
    size: def?.fontSize ?? font?.size,
    bold: def?.bold ?? false,
  };
  const alignment: Partial<Alignment> = {
    horizontal: def?.columnAlign?.[column] ?? def?.align ?? "left",
    vertical: def?.columnValign?.[column] ?? def?.valign ?? "middle",
    wrapText: def?.wrapColumns ? def.wrapColumns.includes(column) : (def?.wrap ?? false),
  };
  cell.alignment = alignment;
  const border = borders(def, column);
  if (border) cell.border = border;
  const fill = def?.columnFill?.[column] ?? def?.fill;
  if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
}

/** Thin lines around each cell, or around each group of cells (nothing between cells of one group). */
function borders(def: RowStyleModel | undefined, column: number): Partial<Borders> | undefined {
  if (def?.border === "bottom") return { bottom: THIN };
  if (def?.border !== "all") return undefined;
  const group = def.groups?.find(([first, count]) => column >= first && column < first + count);
  const [first, count] = group ?? [column, 1];
  const border: Partial<Borders> = { top: THIN, bottom: THIN };
  if (column === first) border.left = THIN;
  if (column === first + count - 1) border.right = THIN;
  return border;
}
