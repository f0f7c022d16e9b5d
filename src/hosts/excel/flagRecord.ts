/**
 * Inline flags and their record. The record lives in a very hidden sheet so that 清除标记 (and the next
 * run) restore exactly what Kaohe changed: one row per flagged input row with its original fill and note.
 * The note prefix matches the xlsx host (src/hosts/xlsx/flags.ts), so a person sees the same mark.
 */
import type { InlineFlag } from "../../engine/types";

export const FLAG_SHEET = "_kaohe_flags";
export const FLAG_NOTE_PREFIX = "【考核标记】";
export const FLAG_COLOR = "#FFC7CE";
/** Header of the record sheet; `scope` is `row` (whole row filled) for records this host writes. */
export const RECORD_HEADER = ["sheet", "row", "column", "fill", "note", "scope"];

export interface FlagRecord {
  sheet: string;
  row: number;
  /** Original fill as `#RRGGBB`, or null for none/mixed. */
  fill: string | null;
  /** Original note text, or null. */
  note: string | null;
  /** Per-cell records (the xlsx host's) cover columns 1…columns; absent = the whole row. */
  columns?: number;
}

/** One flag per (sheet, row): codes, periods and messages merged in order. */
export function mergeFlags(flags: InlineFlag[]): InlineFlag[] {
  const byRow = new Map<string, InlineFlag>();
  for (const f of flags) {
    const key = `${f.sheet}\u0000${f.row}`;
    const prev = byRow.get(key);
    if (!prev) {
      byRow.set(key, { ...f, codes: [...f.codes], periods: [...f.periods] });
      continue;
    }
    for (const c of f.codes) if (!prev.codes.includes(c)) prev.codes.push(c);
    for (const p of f.periods) if (!prev.periods.includes(p)) prev.periods.push(p);
    if (f.message && !prev.message.includes(f.message)) prev.message = `${prev.message}；${f.message}`;
  }
  return [...byRow.values()];
}

export function flagNoteText(flag: InlineFlag, original: string | null): string {
  const head = `${FLAG_NOTE_PREFIX}${flag.codes.join("、")}（${flag.periods.join("、")}）${flag.message}`;
  return original ? `${head}\n\n${original}` : head;
}

/** Record rows as written to the sheet (fill and note as JSON, like the xlsx host). */
export function recordRows(records: FlagRecord[]): (string | number)[][] {
  return [
    RECORD_HEADER,
    ...records.map((r) => [r.sheet, r.row, 1, JSON.stringify(r.fill), JSON.stringify(r.note), "row"]),
  ];
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string" || text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Reads record rows back. Per-cell rows written by the xlsx host are read as whole-row records too. */
export function parseRecord(values: unknown[][]): FlagRecord[] {
  const out = new Map<string, FlagRecord>();
  for (const row of values.slice(1)) {
    const [sheet, rowNo, column, fill, note, scope] = row;
    if (typeof sheet !== "string" || typeof rowNo !== "number") continue;
    const key = `${sheet}\u0000${rowNo}`;
    const f = parseJson(fill);
    const n = parseJson(note);
    const prev = out.get(key);
    const rec: FlagRecord = {
      sheet,
      row: rowNo,
      fill: prev?.fill ?? (typeof f === "string" ? f : argbFill(f)),
      note: prev?.note ?? (typeof n === "string" ? n : null),
    };
    if (scope !== "row" && typeof column === "number") rec.columns = Math.max(prev?.columns ?? 1, column);
    out.set(key, rec);
  }
  return [...out.values()];
}

/** ExcelJS fill JSON `{type:"pattern",fgColor:{argb:"FFRRGGBB"}}` → `#RRGGBB`. */
function argbFill(fill: unknown): string | null {
  const argb = (fill as { fgColor?: { argb?: string } } | null)?.fgColor?.argb;
  return typeof argb === "string" && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}
