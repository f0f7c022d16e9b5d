/** Inline flags: one per input row that caused a veto, condition or notification. */
import type { ConditionHit } from "./conditions";
import type { InlineFlag } from "./types";

export function inlineFlags(hits: ConditionHit[]): InlineFlag[] {
  const byRow = new Map<string, { flag: InlineFlag; parts: string[] }>();
  for (const hit of hits) {
    const msg = `${hit.def.code} ${hit.def.text} (${hit.periods.join(", ")})`;
    for (const src of hit.sources) {
      const k = `${src.sheet}\u0001${src.row}`;
      let entry = byRow.get(k);
      if (!entry) {
        entry = { flag: { sheet: src.sheet, row: src.row, codes: [], periods: [], message: "" }, parts: [] };
        byRow.set(k, entry);
      }
      const { flag, parts } = entry;
      if (!flag.codes.includes(hit.def.code)) flag.codes.push(hit.def.code);
      for (const p of hit.periods) if (!flag.periods.includes(p)) flag.periods.push(p);
      if (!parts.includes(msg)) parts.push(msg);
    }
  }
  const flags = [...byRow.values()].map(({ flag, parts }) => ({ ...flag, message: parts.join("; ") }));
  return flags.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
}
