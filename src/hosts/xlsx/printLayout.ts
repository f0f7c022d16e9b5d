import type { Alignment, Borders, Worksheet } from "exceljs";
import type { RowStyleModel, SheetModel } from "../../workbook/types";

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
  for (const m of model.merges ?? []) {
    ws.mergeCells(m.row, m.column, m.row + m.rowSpan - 1, m.column + m.columnSpan - 1);
  }
  applyRowStyles(ws, model);
  const setup = model.pageSetup;
  if (!setup) return;
  ws.views = [{ showGridLines: false }];
  ws.pageSetup.paperSize = A4;
  ws.pageSetup.orientation = setup.orientation;
  ws.pageSetup.margins = { ...setup.margins };
  // Fit one page wide only (fitToHeight 0): Excel ignores manual breaks when the height is fitted too.
  ws.pageSetup.fitToPage = setup.fitToWidth;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = setup.fitToHeight ? 1 : 0;
  if (setup.printTitleRows)
    ws.pageSetup.printTitlesRow = `${setup.printTitleRows[0]}:${setup.printTitleRows[1]}`;
  if (setup.printArea) ws.pageSetup.printArea = absolutePrintArea(setup.printArea);
  if (setup.footer) ws.headerFooter.oddFooter = `&C${setup.footer}`;
  if (setup.header) ws.headerFooter.oddHeader = `&C${setup.header}`;
  for (const row of setup.rowBreaks) ws.getRow(row).addPageBreak();
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
    vertical: def?.valign ?? "middle",
    wrapText: def?.wrap ?? false,
  };
  cell.alignment = alignment;
  const border = borders(def?.border);
  if (border) cell.border = border;
  const fill = def?.columnFill?.[column] ?? def?.fill;
  if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
}

function borders(kind: RowStyleModel["border"]): Partial<Borders> | undefined {
  if (kind === "all") return { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (kind === "bottom") return { bottom: THIN };
  return undefined;
}
