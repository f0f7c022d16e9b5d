/** Exact numbers from cells: integers and tenths parsed from decimal text, never float-multiplied. */
import type { Points } from "../rules/types";
import type { CellValue } from "../core";
import { cleanText } from "./text";

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** The decimal text of a number or string cell (`"2.5"`), or undefined when it is not a plain number. */
function decimalText(value: CellValue): string | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    const s = String(value); // shortest round-trip text: 0.3 → "0.3"
    return /e/i.test(s) ? undefined : s;
  }
  if (typeof value === "string") return cleanText(value).replace(/,/g, "");
  return undefined;
}

/** A value scaled to 10^digits exactly, or undefined when it has more decimals (non-zero) than that. */
function scaled(value: CellValue, digits: number): number | undefined {
  const text = decimalText(value);
  const m = text === undefined ? null : DECIMAL.exec(text);
  if (!m) return undefined;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return undefined;
  const n = Number(m[2]! + frac.padEnd(digits, "0"));
  if (!Number.isSafeInteger(n)) return undefined;
  return m[1] === "-" ? -n : n;
}

/** An integer (`3`, `"3"`, `"3.0"`, full-width `"３"`), else undefined. */
export function parseInteger(value: CellValue): number | undefined {
  return scaled(value, 0);
}

/** Points in tenths (`2.5` → 25), else undefined (not a number, or finer than 0.1). */
export function parseTenths(value: CellValue): Points | undefined {
  return scaled(value, 1);
}

/** Whether the cell looks like a number at all (to tell "not a number" from "too many decimals"). */
export function isNumeric(value: CellValue): boolean {
  const text = decimalText(value);
  return text !== undefined && DECIMAL.test(text);
}
