/** Inline flags: one per input row that caused a veto, condition or notification. */
import type { ConditionHit } from "./conditions";
import type { InlineFlag } from "./types";

export function inlineFlags(hits: ConditionHit[]): InlineFlag[] {
  const byRow = new Map<string, InlineFlag>();
  const parts = new Map<string, string[]>();
  for (const hit of hits) {
    for (const src of hit.sources) {
      const k = `${src.sheet}\u0001${src.row}`;
      let flag = byRow.get(k);
      if (!flag) {
        flag = { sheet: src.sheet, row: src.row, codes: [], periods: [], message: "" };
        byRow.set(k, flag);
        parts.set(k, []);
      }
      if (!flag.codes.includes(hit.def.code)) flag.codes.push(hit.def.code);
      for (const p of hit.periods) if (!flag.periods.includes(p)) flag.periods.push(p);
      const msg = `${hit.def.code} ${hit.def.text} (${hit.periods.join(", ")})`;
      const list = parts.get(k) ?? [];
      if (!list.includes(msg)) list.push(msg);
      parts.set(k, list);
    }
  }
  for (const [k, flag] of byRow) flag.message = (parts.get(k) ?? []).join("; ");
  return [...byRow.values()].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
}
