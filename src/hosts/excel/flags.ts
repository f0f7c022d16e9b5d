/**
 * Inline flags through Office.js: a fill on the flagged input row plus a note (ExcelApi 1.18) in its
 * first cell; the original fill and note are recorded (./flagRecord) and restored by 清除标记, but only
 * where the mark is still Kaohe's — a fill or note a person changed since stays.
 */
import type { InlineFlag } from "../../engine/types";
import { sheetRef } from "./address";
import {
  FLAG_COLOR,
  FLAG_NOTE_PREFIX,
  FLAG_SHEET,
  flagNoteText,
  parseRecord,
  recordRows,
  type FlagRecord,
} from "./flagRecord";
import type { ExcelFeatures, ExcelRuntime } from "./runtime";

interface RowState {
  sheet: string;
  row: number;
  fill: Excel.RangeFill;
  note?: Excel.Note;
}

export interface FlagState {
  records: FlagRecord[];
  hadRecord: boolean;
  rows: Map<string, RowState>;
}

const rowKey = (sheet: string, row: number): string => `${sheet}\u0000${row}`;

function queueRowLoad(
  context: Excel.RequestContext,
  state: FlagState,
  sheet: string,
  row: number,
  f: ExcelFeatures,
): void {
  const key = rowKey(sheet, row);
  if (state.rows.has(key)) return;
  const fill = context.workbook.worksheets.getItem(sheet).getRange(`${row}:${row}`).format.fill.load("color");
  const note = f.notes
    ? context.workbook.notes.getItemOrNullObject(sheetRef(sheet, `A${row}`)).load("content")
    : undefined;
  state.rows.set(key, note ? { sheet, row, fill, note } : { sheet, row, fill });
}

/** Queues loads of the current fill/note of every recorded row and every row flagged now. */
export function loadFlagState(
  context: Excel.RequestContext,
  existing: Set<string>,
  record: unknown[][],
  flags: InlineFlag[],
  features: ExcelFeatures,
): FlagState {
  const hadRecord = existing.has(FLAG_SHEET);
  const state: FlagState = { hadRecord, records: hadRecord ? parseRecord(record) : [], rows: new Map() };
  for (const r of [...state.records, ...flags])
    if (existing.has(r.sheet) && r.sheet !== FLAG_SHEET)
      queueRowLoad(context, state, r.sheet, r.row, features);
  return state;
}

/** The record sheet's values: one extra sync, for when the host has not read the workbook yet. */
export async function loadRecord(context: Excel.RequestContext): Promise<unknown[][]> {
  const range = context.workbook.worksheets.getItem(FLAG_SHEET).getUsedRangeOrNullObject(true).load("values");
  await context.sync();
  return range.isNullObject ? [] : range.values;
}

const oldRecords = (state: FlagState): FlagRecord[] => state.records;

const isOurs = (row: RowState): boolean => row.fill.color?.toUpperCase() === FLAG_COLOR;
const noteIsOurs = (row: RowState): boolean =>
  row.note !== undefined && !row.note.isNullObject && row.note.content.startsWith(FLAG_NOTE_PREFIX);

/** Queues the restore of every recorded row whose mark is still Kaohe's, and drops the record. */
export function queueRestore(
  context: Excel.RequestContext,
  state: FlagState,
  features: ExcelFeatures,
): number {
  let restored = 0;
  for (const rec of oldRecords(state)) {
    const row = state.rows.get(rowKey(rec.sheet, rec.row));
    if (!row) continue;
    if (isOurs(row)) {
      const fill = context.workbook.worksheets.getItem(rec.sheet).getRange(`${rec.row}:${rec.row}`)
        .format.fill;
      if (rec.fill) fill.color = rec.fill;
      else fill.clear();
    }
    if (features.notes && row.note && noteIsOurs(row)) {
      if (rec.note) row.note.content = rec.note;
      else row.note.delete();
    }
    restored++;
  }
  if (state.hadRecord) context.workbook.worksheets.getItem(FLAG_SHEET).delete();
  return restored;
}

/** Queues the new flags and the record of what they replaced. Runs after queueRestore in the same sync. */
export function applyFlags(
  context: Excel.RequestContext,
  state: FlagState,
  flags: InlineFlag[],
  features: ExcelFeatures,
): void {
  const before = new Map(oldRecords(state).map((r) => [rowKey(r.sheet, r.row), r]));
  const records: FlagRecord[] = [];
  for (const flag of flags) {
    const row = state.rows.get(rowKey(flag.sheet, flag.row));
    if (!row) continue;
    const old = before.get(rowKey(flag.sheet, flag.row));
    const color = row.fill.color?.toUpperCase() ?? null;
    const fill = old && isOurs(row) ? old.fill : color === "#FFFFFF" ? null : color;
    const currentNote = row.note && !row.note.isNullObject ? row.note.content : null;
    const note = old && noteIsOurs(row) ? old.note : currentNote;
    records.push({ sheet: flag.sheet, row: flag.row, fill, note });
    context.workbook.worksheets.getItem(flag.sheet).getRange(`${flag.row}:${flag.row}`).format.fill.color =
      FLAG_COLOR;
    if (features.notes) {
      const text = flagNoteText(flag, note);
      if (row.note && !row.note.isNullObject) row.note.content = text;
      else context.workbook.notes.add(sheetRef(flag.sheet, `A${flag.row}`), text);
    }
  }
  if (records.length === 0) return;
  const ws = context.workbook.worksheets.add(FLAG_SHEET);
  const rows = recordRows(records);
  const range = ws.getRange(`A1:F${rows.length}`);
  range.numberFormat = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
  range.values = rows;
  ws.visibility = "VeryHidden";
}

/** 清除标记: restores every recorded row that still carries Kaohe's mark; returns the rows cleared. */
export async function clearAll(runtime: ExcelRuntime, features: ExcelFeatures): Promise<number> {
  return runtime.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const existing = new Set(sheets.items.map((ws) => ws.name));
    if (!existing.has(FLAG_SHEET)) return 0;
    const record = await loadRecord(context);
    const state = loadFlagState(context, existing, record, [], features);
    await context.sync();
    const n = queueRestore(context, state, features);
    await context.sync();
    return n;
  });
}
