/**
 * Inline flags through Office.js: a fill on the flagged input row plus a note (ExcelApi 1.18) in its
 * first cell; the original fill and note are recorded (./flagRecord) and restored by 清除标记, but only
 * where the mark is still Kaohe's — a fill or note a person changed since stays.
 */
import { FLAG_NOTE_PREFIX, FLAG_SHEET, flagNoteText, type InlineFlag } from "../../core";
import { columnLetters, sheetRef } from "./address";
import { FLAG_COLOR, parseRecord, recordRows, type FlagRecord } from "./flagRecord";
import { SyncBatch } from "./batch";
import { ACTION, planSyncs } from "./blocks";
import { readUsedValues } from "./read";
import type { ExcelFeatures, ExcelRuntime } from "./runtime";

const utf8 = (s: string | null): number => (s === null ? 4 : new TextEncoder().encode(s).length);

interface RowState {
  sheet: string;
  row: number;
  /** `12:12`, or `A12:J12` for per-cell records of the xlsx host. */
  address: string;
  fill: Excel.RangeFill;
  note?: Excel.Note;
}

export interface FlagState {
  records: FlagRecord[];
  hadRecord: boolean;
  rows: Map<string, RowState>;
}

const rowKey = (sheet: string, row: number): string => `${sheet}\u0000${row}`;

async function queueRowLoad(
  context: Excel.RequestContext,
  batch: SyncBatch,
  state: FlagState,
  sheet: string,
  row: number,
  f: ExcelFeatures,
  columns?: number,
): Promise<void> {
  const key = rowKey(sheet, row);
  if (state.rows.has(key)) return;
  const address = columns ? `A${row}:${columnLetters(columns)}${row}` : `${row}:${row}`;
  // Fill: getItem, getRange, format, fill, load; note: getItemOrNullObject, load.
  await batch.need(7 * ACTION + 2 * utf8(sheet) + 16);
  const fill = context.workbook.worksheets.getItem(sheet).getRange(address).format.fill.load("color");
  const note = f.notes
    ? context.workbook.notes.getItemOrNullObject(sheetRef(sheet, `A${row}`)).load("content")
    : undefined;
  state.rows.set(key, note ? { sheet, row, address, fill, note } : { sheet, row, address, fill });
}

/** Queues loads of the current fill/note of every recorded row and every row flagged now. */
export async function loadFlagState(
  context: Excel.RequestContext,
  batch: SyncBatch,
  existing: Set<string>,
  record: unknown[][],
  flags: InlineFlag[],
  features: ExcelFeatures,
): Promise<FlagState> {
  const hadRecord = existing.has(FLAG_SHEET);
  const state: FlagState = { hadRecord, records: hadRecord ? parseRecord(record) : [], rows: new Map() };
  for (const r of [...state.records, ...flags])
    if (existing.has(r.sheet) && r.sheet !== FLAG_SHEET)
      await queueRowLoad(
        context,
        batch,
        state,
        r.sheet,
        r.row,
        features,
        "columns" in r ? r.columns : undefined,
      );
  return state;
}

/** The record sheet's values, for when the host has not read the workbook yet (in row blocks if long). */
export async function loadRecord(context: Excel.RequestContext): Promise<unknown[][]> {
  const sheet = context.workbook.worksheets.getItem(FLAG_SHEET);
  const [record] = await readUsedValues(context, [{ name: FLAG_SHEET, sheet }]);
  return record?.values ?? [];
}

const oldRecords = (state: FlagState): FlagRecord[] => state.records;

const isOurs = (row: RowState): boolean => row.fill.color?.toUpperCase() === FLAG_COLOR;
const noteIsOurs = (row: RowState): boolean =>
  row.note !== undefined && !row.note.isNullObject && row.note.content.startsWith(FLAG_NOTE_PREFIX);

/** Queues the restore of every recorded row whose mark is still Kaohe's, and drops the record. */
export async function queueRestore(
  context: Excel.RequestContext,
  batch: SyncBatch,
  state: FlagState,
  features: ExcelFeatures,
): Promise<number> {
  let restored = 0;
  for (const rec of oldRecords(state)) {
    const row = state.rows.get(rowKey(rec.sheet, rec.row));
    if (!row) continue;
    await batch.need(6 * ACTION + utf8(rec.note) + 2 * utf8(rec.sheet) + 16);
    if (isOurs(row)) {
      const fill = context.workbook.worksheets.getItem(rec.sheet).getRange(row.address).format.fill;
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
export async function applyFlags(
  context: Excel.RequestContext,
  batch: SyncBatch,
  state: FlagState,
  flags: InlineFlag[],
  features: ExcelFeatures,
): Promise<void> {
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
    const text = flagNoteText(flag, note);
    await batch.need(6 * ACTION + 2 * utf8(flag.sheet) + utf8(text) + 32);
    context.workbook.worksheets.getItem(flag.sheet).getRange(`${flag.row}:${flag.row}`).format.fill.color =
      FLAG_COLOR;
    if (features.notes) {
      if (row.note && !row.note.isNullObject) row.note.content = text;
      else context.workbook.notes.add(sheetRef(flag.sheet, `A${flag.row}`), text);
    }
  }
  if (records.length === 0) return;
  const ws = context.workbook.worksheets.add(FLAG_SHEET);
  ws.visibility = "VeryHidden";
  // The record can be large (one row per flag): written in blocks like any tab.
  const [header, ...rows] = recordRows(records);
  const model = { name: FLAG_SHEET, columns: header!.map((h) => ({ header: String(h) })), rows };
  for (const sync of planSyncs([model], undefined, batch.pending)) {
    for (const block of sync) {
      await batch.need(block.bytes);
      const range = ws.getRange(`A${block.row}:F${block.row + block.values.length - 1}`);
      range.numberFormat = block.formats;
      range.values = block.values;
    }
  }
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
    const batch = new SyncBatch(context, features);
    const state = await loadFlagState(context, batch, existing, record, [], features);
    await batch.flush();
    const n = await queueRestore(context, batch, state, features);
    await batch.flush();
    return n;
  });
}
