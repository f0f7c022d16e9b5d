/** Inline flags: one per input row that caused a veto, condition or notification. */
import type { ConditionHit } from "./conditions";
import type { InlineFlag } from "./types";

interface Entry {
  flag: InlineFlag;
  codes: Set<string>;
  periods: Set<string>;
  parts: Set<string>;
}

type Rows = Map<string, Map<number, Entry>>;

/** Adds one hit's code, periods and message to the entry of each of its rows. */
function addHit(hit: ConditionHit, bySheet: Rows, entries: Entry[]): void {
  const msg = `${hit.def.code} ${hit.def.text} (${hit.periods.join(", ")})`;
  for (const src of hit.sources) {
    let rows = bySheet.get(src.sheet);
    if (!rows) bySheet.set(src.sheet, (rows = new Map()));
    let entry = rows.get(src.row);
    if (!entry) {
      const flag: InlineFlag = { sheet: src.sheet, row: src.row, codes: [], periods: [], message: "" };
      entry = { flag, codes: new Set(), periods: new Set(), parts: new Set() };
      rows.set(src.row, entry);
      entries.push(entry);
    }
    entry.codes.add(hit.def.code);
    for (const p of hit.periods) entry.periods.add(p);
    entry.parts.add(msg);
  }
}

export function inlineFlags(hits: ConditionHit[]): InlineFlag[] {
  // Sheet, then row: no key string per source.
  const bySheet: Rows = new Map();
  const entries: Entry[] = [];
  for (const hit of hits) addHit(hit, bySheet, entries);
  const flags = entries.map(({ flag, codes, periods, parts }) => ({
    ...flag,
    codes: [...codes],
    periods: [...periods],
    message: [...parts].join("; "),
  }));
  return flags.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
}
