/**
 * Inline flags as every host writes them: one mark per input row (codes, periods and messages merged),
 * a note text with a recognisable prefix, and a very hidden record sheet (one row per flagged row or
 * cell with its original fill and note as JSON) so that a clear restores exactly what was there.
 */
import type { InlineFlag } from "./types";

export const FLAG_SHEET = "_kaohe_flags";
export const FLAG_NOTE_PREFIX = "【考核标记】";
/** The fill of a flagged row, `RRGGBB`. */
export const FLAG_FILL_RGB = "FFC7CE";
/**
 * Header of the record sheet. `column` is the 1-based column of a per-cell record; `scope` is `row`
 * for a record that covers the whole row.
 */
export const FLAG_RECORD_HEADER: readonly string[] = ["sheet", "row", "column", "fill", "note", "scope"];

/** One flag per (sheet, row): codes, periods and messages merged in order. */
export function mergeFlags(flags: readonly InlineFlag[]): InlineFlag[] {
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

/** The note Kaohe puts on a flagged row; a note that was there before is kept below it. */
export function flagNoteText(flag: InlineFlag, original?: string | null): string {
  const head = `${FLAG_NOTE_PREFIX}${flag.codes.join("、")}（${flag.periods.join("、")}）${flag.message}`;
  return original ? `${head}\n\n${original}` : head;
}
