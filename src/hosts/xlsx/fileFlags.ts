/**
 * Inline flags on input rows (fill + a note naming code and period), recorded in a very hidden sheet
 * `_kaohe_flags` (sheet, row, column, original fill, original note as JSON) so that a clear restores
 * exactly what was there before, and leaves alone anything a person changed since.
 */
import type { Cell, Comment, Fill, Style, Workbook, Worksheet } from "exceljs";
import {
  FLAG_FILL_RGB,
  FLAG_NOTE_PREFIX,
  FLAG_RECORD_HEADER,
  FLAG_SHEET,
  flagNoteText,
  type InlineFlag,
  mergeFlags,
} from "../../core";
import { WorkbookRefusedError } from "./readErrors";

const FLAG_FILL_ARGB = `FF${FLAG_FILL_RGB}`;
export const FLAG_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: FLAG_FILL_ARGB } };

type Note = string | Comment | undefined;

export function noteText(note: Note): string {
  if (note === undefined) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * ExcelJS has no public way to delete a note (its setter always creates one), and a loaded cell keeps
 * the note in its value model too: drop the private comment and re-create the value model.
 */
function setNote(cell: Cell, note: Note): void {
  if (note !== undefined) {
    cell.note = note;
    return;
  }
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  const value = cell.value;
  cell.value = null;
  cell.value = value;
}

function setFill(cell: Cell, fill: Fill | undefined): void {
  // Loaded cells share style objects by style id: replace the cell's style, never mutate it.
  const style = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

function lastColumn(ws: Worksheet, row: number): number {
  return Math.max(1, ws.getRow(1).cellCount, ws.getRow(row).cellCount);
}

function flagNote(flag: InlineFlag, original: Note): string {
  return flagNoteText(flag, noteText(original));
}

function recordSheet(wb: Workbook): Worksheet {
  const existing = wb.getWorksheet(FLAG_SHEET);
  if (existing) return existing;
  const ws = wb.addWorksheet(FLAG_SHEET, { state: "veryHidden" });
  ws.addRow([...FLAG_RECORD_HEADER]);
  return ws;
}

/** Sets the flags and records every touched cell. Returns the number of rows flagged. */
export function setFlags(wb: Workbook, flags: InlineFlag[]): number {
  const merged = mergeFlags(flags).filter(
    (f) => f.row >= 1 && wb.getWorksheet(f.sheet) && f.sheet !== FLAG_SHEET,
  );
  if (merged.length === 0) return 0;
  const record = recordSheet(wb);
  for (const flag of merged) {
    const ws = wb.getWorksheet(flag.sheet)!;
    const last = lastColumn(ws, flag.row);
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(flag.row, c);
      const note: Note = c === 1 ? cell.note : undefined;
      record.addRow([
        flag.sheet,
        flag.row,
        c,
        JSON.stringify(cell.style.fill ?? null),
        // Blank, not "": a second run's record then reads as the first one's did.
        c === 1 ? JSON.stringify(note ?? null) : null,
        "cell",
      ]);
      setFill(cell, FLAG_FILL);
      if (c === 1) setNote(cell, flagNote(flag, note));
    }
  }
  return merged.length;
}

function isFlagFill(fill: Fill | undefined): boolean {
  return fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb === FLAG_FILL_ARGB;
}

function parseJson<T>(text: unknown): T | undefined {
  if (typeof text !== "string" || text === "") return undefined;
  try {
    return (JSON.parse(text) as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A recorded fill: ExcelJS fill JSON (this host) or `"#RRGGBB"` (the Excel add-in's record). */
function recordedFill(text: unknown): Fill | undefined {
  const value = parseJson<unknown>(text);
  if (typeof value === "string") {
    if (!/^#[0-9a-f]{6}$/i.test(value)) return undefined;
    return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${value.slice(1).toUpperCase()}` } };
  }
  return value && typeof value === "object" ? (value as Fill) : undefined;
}

function restoreCell(cell: Cell, fill: unknown, note: unknown, withNote: boolean): void {
  // Only undo what is still Kaohe's: a fill or note a person changed since stays.
  if (isFlagFill(cell.style.fill)) setFill(cell, recordedFill(fill));
  if (withNote && noteText(cell.note).startsWith(FLAG_NOTE_PREFIX)) setNote(cell, parseJson<Note>(note));
}

/**
 * Restores what the record says and deletes it. Returns the number of rows cleared. Reads both this
 * host's per-cell rows and the Excel add-in's whole-row rows (scope `row`, written by src/hosts/excel).
 */
export function clearFlags(wb: Workbook): number {
  const record = wb.getWorksheet(FLAG_SHEET);
  if (!record) return 0;
  const rows = new Set<string>();
  record.eachRow((row, n) => {
    if (n === 1) return;
    const [sheet, rowNo, col, fill, note, scope] = [1, 2, 3, 4, 5, 6].map((i) => row.getCell(i).value);
    // A record Kaohe did not write (edited by hand, damaged) is refused, naming its cell: a guess could
    // restore the wrong cells.
    const bad = (i: number): never => {
      const params = { file: "", cell: `${FLAG_SHEET}!${"ABCDEF"[i - 1]}${n}` };
      throw new WorkbookRefusedError({ severity: "error", code: "file-bad-flag-record", params });
    };
    if (typeof sheet !== "string") bad(1);
    if (typeof rowNo !== "number" || !Number.isInteger(rowNo) || rowNo < 1 || rowNo > 1048576) bad(2);
    if (typeof col !== "number" || !Number.isInteger(col) || col < 1 || col > 16384) bad(3);
    if (scope !== "cell" && scope !== "row") bad(6);
    const ws = wb.getWorksheet(sheet as string);
    // A tab deleted since: nothing to restore there.
    if (!ws || typeof rowNo !== "number" || typeof col !== "number") return;
    if (scope === "row") {
      for (let c = 1; c <= lastColumn(ws, rowNo); c++) restoreCell(ws.getCell(rowNo, c), fill, note, c === 1);
      // An Excel row fill is also the row's own style (untyped in ExcelJS).
      const sheetRow = ws.getRow(rowNo) as unknown as { style?: Partial<Style> };
      if (isFlagFill(sheetRow.style?.fill)) {
        const style = { ...sheetRow.style };
        delete style.fill;
        sheetRow.style = style;
      }
    } else {
      restoreCell(ws.getCell(rowNo, col), fill, note, col === 1);
    }
    rows.add(`${sheet}\u0000${rowNo}`);
  });
  wb.removeWorksheet(record.id);
  return rows.size;
}
