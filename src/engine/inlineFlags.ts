/** Inline flags: one per input row that caused a veto, condition or notification. */
import type { ConditionHit } from "./conditions";
import type { InlineFlag } from "../core";

interface Entry {
  sheet: string;
  row: number;
  // Arrays, not sets: a row has a handful of codes, periods and messages.
  codes: string[];
  periods: string[];
  parts: string[];
}

type Rows = Map<string, Map<number, Entry>>;

/** Adds one hit's code, periods and message to the entry of each of its rows. */
function addHit(hit: ConditionHit, bySheet: Rows, entries: Entry[]): void {
  const code = hit.def.code;
  const msg = `${code} ${hit.def.text} (${hit.periods.join(", ")})`;
  for (let i = 0; i < hit.sources.length; i++) {
    const src = hit.sources[i];
    let rows = bySheet.get(src.sheet);
    if (!rows) bySheet.set(src.sheet, (rows = new Map()));
    const entry = rows.get(src.row);
    if (!entry) {
      // Most rows get one hit: arrays made at their size (an empty array grows to 17 slots on push).
      const created = {
        sheet: src.sheet,
        row: src.row,
        codes: [code],
        periods: hit.periods.slice(),
        parts: [msg],
      };
      rows.set(src.row, created);
      entries.push(created);
      continue;
    }
    if (!entry.codes.includes(code)) entry.codes.push(code);
    for (const p of hit.periods) if (!entry.periods.includes(p)) entry.periods.push(p);
    if (!entry.parts.includes(msg)) entry.parts.push(msg);
  }
}

export function inlineFlags(hits: ConditionHit[]): InlineFlag[] {
  // Sheet, then row: no key string per source.
  const bySheet: Rows = new Map();
  const entries: Entry[] = [];
  for (const hit of hits) addHit(hit, bySheet, entries);
  const flags = entries.map((e): InlineFlag => ({
    sheet: e.sheet,
    row: e.row,
    codes: e.codes,
    periods: e.periods,
    message: e.parts.join("; "),
  }));
  return flags.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
}
