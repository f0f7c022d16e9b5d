/**
 * Inline flags and their record. The record lives in a very hidden sheet so that 清除标记 (and the next
 * run) restore exactly what Kaohe changed: one row per flagged input row with its original fill and note.
 * The record format, merging, the note text and the sheet name are shared with the xlsx host (src/core).
 */
import { FLAG_FILL_RGB, FLAG_RECORD_HEADER } from "../../core";

export const FLAG_COLOR = `#${FLAG_FILL_RGB}`;

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

/** Record rows as written to the sheet (fill and note as JSON, like the xlsx host). */
export function recordRows(records: FlagRecord[]): (string | number)[][] {
  return [
    [...FLAG_RECORD_HEADER],
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
