/**
 * Which inputs a result came from: a fingerprint of the input tabs' values, and a hidden tab that records,
 * for every output tab, when it was made, from which fingerprint, for which period (and for the print tab,
 * whose forms). Reading it back tells the pane, the page and the CLI that results are out of date.
 */
import { INPUT_TABS } from "../workbook/schema";
import type { CellValue, RawSheet } from "../core";
import type { SheetModel } from "../workbook/types";

/** Hidden tab with one row per output tab (written with the outputs, replaced as a whole). */
export const STAMP_TAB = "考核_生成记录";
const STAMP_HEADERS = ["输出表", "生成时间", "输入校验码", "期间", "打印对象", "语言"];

export interface OutputStamp {
  tab: string;
  /** Local time `YYYY-MM-DD HH:MM`, or empty when the caller gave none. */
  at: string;
  fingerprint: string;
  /** `2025-Q1`, or empty for every period. */
  period: string;
  /** The print tab only: `all`, `windows`, `staff`, `township` or names joined by `、`. */
  who: string;
  locale: string;
}

const INPUT_NAMES = new Set(INPUT_TABS.map((t) => t.name));

/** FNV-1a over UTF-16 code units, two lanes with different offsets, as 16 hex digits. */
class Hash {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  unit(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193) >>> 0;
    this.b = Math.imul(this.b ^ c, 0x0100019b) >>> 0;
  }
  add(text: string): void {
    for (let i = 0; i < text.length; i++) this.unit(text.charCodeAt(i));
  }
  hex(): string {
    return this.a.toString(16).padStart(8, "0") + this.b.toString(16).padStart(8, "0");
  }
}

const ROW = 2;
const CELL = 3;

/** A cell as `n<serial>`, `b0`/`b1` or `s<text>`; nothing for a blank. Dates as Excel's serial: the Excel
 * host reads serials, the file host Dates, and both must hash alike. */
function addCell(hash: Hash, value: CellValue | undefined): void {
  if (value === null || value === undefined || value === "") return;
  if (value instanceof Date) {
    hash.unit(110);
    hash.add(String(value.getTime() / 86400000 + 25569));
  } else if (typeof value === "number") {
    hash.unit(110);
    hash.add(String(value));
  } else if (typeof value === "boolean") {
    hash.unit(98);
    hash.unit(value ? 49 : 48);
  } else {
    hash.unit(115);
    hash.add(value);
  }
}

/** The row's length without trailing blank cells (an unset slot of a sparse row is kept, not a blank). */
function filledLength(row: readonly CellValue[]): number {
  let end = row.length;
  for (;;) {
    if (end === 0) return 0;
    const v = row[end - 1];
    if (v === null || v === "" || (v === undefined && end - 1 in row)) end--;
    else return end;
  }
}

/**
 * The fingerprint of the input tabs (考核设置, 窗口名册, 人员名册, 事项记录, …) by their values: blank
 * trailing cells and rows, output tabs and flags (fills, notes) do not count; any changed value does.
 * Hashed as the text `\u0001<tab>` then, per row, `\u0002` and its cells joined by `\u0003`, fed unit by
 * unit so that no text is built for a county's 3 million cells.
 */
export function inputFingerprint(sheets: readonly RawSheet[]): string {
  const hash = new Hash();
  const inputs = sheets.filter((s) => INPUT_NAMES.has(s.name)).sort((x, y) => (x.name < y.name ? -1 : 1));
  for (const sheet of inputs) {
    hash.unit(1);
    hash.add(sheet.name);
    // Blank rows count only before a filled one (trailing blank rows do not).
    let blanks = 0;
    const rows = sheet.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row === undefined) continue;
      const end = filledLength(row);
      if (end === 0) {
        blanks++;
        continue;
      }
      for (; blanks > 0; blanks--) hash.unit(ROW);
      hash.unit(ROW);
      for (let c = 0; c < end; c++) {
        if (c > 0) hash.unit(CELL);
        addCell(hash, row[c]);
      }
    }
  }
  return hash.hex();
}

/** The stamp tab's rows read back; empty when the workbook has none. */
export function readStamps(sheets: readonly RawSheet[]): OutputStamp[] {
  const sheet = sheets.find((s) => s.name === STAMP_TAB);
  if (!sheet) return [];
  const text = (v: CellValue | undefined) => (v === null || v === undefined ? "" : String(v));
  return sheet.rows
    .slice(1)
    .filter((r) => text(r[0]) !== "")
    .map((r) => ({
      tab: text(r[0]),
      at: text(r[1]),
      fingerprint: text(r[2]),
      period: text(r[3]),
      who: text(r[4]),
      locale: text(r[5]),
    }));
}

/** The stamp tab for these stamps (hidden; every value text). */
export function stampSheet(stamps: readonly OutputStamp[]): SheetModel {
  return {
    name: STAMP_TAB,
    columns: STAMP_HEADERS.map((header) => ({ header, width: 16, format: "text" as const })),
    rows: stamps.map((s) => [s.tab, s.at, s.fingerprint, s.period, s.who, s.locale]),
    hidden: true,
    freezeRows: 0,
  };
}

/** Old stamps with these replacing the ones for the same tabs. */
export function mergeStamps(old: readonly OutputStamp[], fresh: readonly OutputStamp[]): OutputStamp[] {
  const tabs = new Set(fresh.map((s) => s.tab));
  return [...old.filter((s) => !tabs.has(s.tab)), ...fresh];
}

export interface Staleness {
  /** True when some output tab was made from other input values than the workbook holds now. */
  stale: boolean;
  /** The output tabs that are out of date. */
  tabs: string[];
  current: string;
}

/** Whether the workbook's output tabs still match its inputs (false when nothing was recorded). */
export function staleness(sheets: readonly RawSheet[]): Staleness {
  const current = inputFingerprint(sheets);
  const present = new Set(sheets.map((s) => s.name));
  const tabs = readStamps(sheets)
    .filter((s) => present.has(s.tab) && s.fingerprint !== current)
    .map((s) => s.tab);
  return { stale: tabs.length > 0, tabs, current };
}

/** `2026-12-04 16:30` in local time. */
export function localStamp(date: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** The stamps a stamp tab model holds (as `stampSheet` made it). */
export function stampsOfSheet(model: SheetModel): OutputStamp[] {
  return readStamps([{ name: STAMP_TAB, rows: [STAMP_HEADERS, ...model.rows] }]);
}
