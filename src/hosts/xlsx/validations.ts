/**
 * Drop-down lists. ExcelJS keeps data validations per cell and, when writing, squeezes them into ranges
 * with a string sort (`B10` before `B2`) that emits OVERLAPPING ranges (`B10:B2001` and `B2:B2001`),
 * which Excel repairs on open. We store whole ranges, and before every write we compact per-cell
 * entries (as ExcelJS reads them back) into disjoint column runs.
 */
import type { DataValidation, Worksheet } from "exceljs";
import { columnLetter, columnNumber } from "../../workbook/cells";

type Model = Record<string, DataValidation | undefined>;

/** `ws.dataValidations` exists at run time but is not in ExcelJS's typings. */
function modelOf(ws: Worksheet): { model: Model } {
  return (ws as unknown as { dataValidations: { model: Model } }).dataValidations;
}

/** Adds one validation for a whole range such as `B2:B2001`. */
export function addRangeValidation(ws: Worksheet, range: string, validation: DataValidation): void {
  modelOf(ws).model[range] = validation;
}

/** Rewrites per-cell entries as disjoint column runs; returns a function that restores the original model. */
export function compactValidations(ws: Worksheet): () => void {
  const holder = modelOf(ws);
  const original = holder.model;
  const compact: Model = {};
  const runs = new Map<string, { col: number; rows: number[]; v: DataValidation }>();
  for (const [address, v] of Object.entries(original)) {
    if (!v) continue;
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
    if (!m) {
      compact[address] = v;
      continue;
    }
    const col = columnNumber(m[1]!);
    const key = `${col}\u0000${JSON.stringify(v)}`;
    const run = runs.get(key) ?? { col, rows: [], v };
    run.rows.push(Number(m[2]));
    runs.set(key, run);
  }
  for (const { col, rows, v } of runs.values()) {
    rows.sort((a, b) => a - b);
    let start = rows[0]!;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
      const end = rows[i - 1]!;
      const letters = columnLetter(col);
      compact[start === end ? `${letters}${start}` : `${letters}${start}:${letters}${end}`] = v;
      if (i < rows.length) start = rows[i]!;
    }
  }
  holder.model = compact;
  return () => {
    holder.model = original;
  };
}
