/** Serialises a tabular SheetModel straight to worksheet XML (inline strings: text never becomes a formula). */
import type { CellValue } from "../../../core";
import type { SheetModel } from "../../../workbook/types";
import type { OutputStyles } from "./styles";
import { encodePart } from "./entryWriter";
import { escapeXml } from "./xml";
import type { ZipEntry } from "./zip";
import { columnLetter } from "../../../workbook/cells";

/** Column letter of a 0-based column index (0 → A); everywhere else column numbers are 1-based. */
export const columnLetterZeroBased = (index: number): string => columnLetter(index + 1);

function dateSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[<>&"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function cell(ref: string, value: CellValue, style: number): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number")
    return Number.isFinite(value) ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${ref}" s="${style}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}" s="${style}"><v>${dateSerial(value)}</v></c>`;
  // XML 1.0 forbids most control characters; they cannot be stored in a cell. Most text needs neither
  // change: one test instead of two replacements for a county's million cells.
  const text = NEEDS_ESCAPE.test(value)
    ? // eslint-disable-next-line no-control-regex
      escapeXml(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    : value;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** True when the model needs features only the ExcelJS writer provides (print forms, drop-downs). */
export function needsFullWriter(model: SheetModel): boolean {
  return Boolean(model.headerless || model.merges?.length || model.validations?.length);
}

/** Header/footer text for XML (Excel codes such as `&P` kept; `&` escaped as XML). */
function headerFooterXml(header?: string, footer?: string): string {
  if (!header && !footer) return "";
  const h = header ? `<oddHeader>${escapeXml(header)}</oddHeader>` : "";
  const f = footer ? `<oddFooter>${escapeXml(`&C${footer}`)}</oddFooter>` : "";
  return `<headerFooter>${h}${f}</headerFooter>`;
}

/** The worksheet part for a tabular model, serialised row by row and deflated in pieces as it goes. */
export function worksheetEntry(path: string, model: SheetModel, styles: OutputStyles): ZipEntry {
  return encodePart({ name: path, pieces: worksheetPieces(model, styles) });
}

/** The worksheet XML for a tabular model, a row (or a smaller element) at a time. */
export function* worksheetPieces(model: SheetModel, styles: OutputStyles): Generator<string> {
  const letters = model.columns.map((_, i) => columnLetterZeroBased(i));
  const colStyles = model.columns.map((c) =>
    c.align ? styles.variant(c.format ?? "general", c.align) : styles.byFormat[c.format ?? "general"],
  );
  const fills = model.valueFills;
  const fillColumn = fills ? fills.column - 1 : -1;
  const fillFormat = model.columns[fillColumn]?.format ?? "general";
  const fillAlign = model.columns[fillColumn]?.align;
  const setup = model.pageSetup;
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  yield '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  if (setup?.fitToWidth) yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  const freeze = model.freezeRows ?? 1;
  if (freeze > 0)
    yield `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  if (model.columns.length > 0) {
    const cols = model.columns.map((c, i) => {
      const width = c.width ?? Math.max(8, c.header.length * 2 + 2);
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1" style="${colStyles[i]}"/>`;
    });
    yield `<cols>${cols.join("")}</cols>`;
  }
  const header = model.columns.map((c, i) => cell(`${letters[i]}1`, c.header, styles.header));
  yield `<sheetData><row r="1">${header.join("")}</row>`;
  for (let r = 0; r < model.rows.length; r++) {
    const row = model.rows[r] as CellValue[];
    const n = r + 2;
    let xml = `<row r="${n}">`;
    for (let c = 0; c < row.length; c++) {
      const letter = letters[c] ?? columnLetterZeroBased(c);
      const fill = c === fillColumn ? fills?.fills[String(row[c] ?? "")] : undefined;
      const style = fill
        ? styles.variant(fillFormat, fillAlign, fill)
        : (colStyles[c] ?? styles.byFormat.general);
      xml += cell(`${letter}${n}`, row[c] as CellValue, style);
    }
    yield xml + "</row>";
  }
  yield "</sheetData>";
  const lastColumn = columnLetterZeroBased(Math.max(0, model.columns.length - 1));
  if (model.autoFilter && model.columns.length > 0)
    yield `<autoFilter ref="A1:${lastColumn}${model.rows.length + 1}"/>`;
  if (setup) {
    const m = setup.margins;
    yield `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    const fit = setup.fitToWidth ? ` fitToWidth="1" fitToHeight="${setup.fitToHeight ? 1 : 0}"` : "";
    yield `<pageSetup paperSize="9" orientation="${setup.orientation}"${fit}/>`;
    yield headerFooterXml(setup.header, setup.footer);
  } else {
    yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  }
  yield "</worksheet>";
}
