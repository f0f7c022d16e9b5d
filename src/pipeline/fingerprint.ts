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

/** Excel's serial for a date (the Excel host reads serials, the file host Dates: both hash alike). */
function canonical(value: CellValue | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (value instanceof Date) return `n${value.getTime() / 86400000 + 25569}`;
  if (typeof value === "number") return `n${value}`;
  if (typeof value === "boolean") return value ? "b1" : "b0";
  return `s${value}`;
}

/** FNV-1a over UTF-16 code units, two lanes with different offsets, as 16 hex digits. */
class Hash {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      this.a = Math.imul(this.a ^ c, 0x01000193) >>> 0;
      this.b = Math.imul(this.b ^ c, 0x0100019b) >>> 0;
    }
  }
  hex(): string {
    return this.a.toString(16).padStart(8, "0") + this.b.toString(16).padStart(8, "0");
  }
}

/**
 * The fingerprint of the input tabs (考核设置, 窗口名册, 人员名册, 事项记录, …) by their values: blank
 * trailing cells and rows, output tabs and flags (fills, notes) do not count; any changed value does.
 */
export function inputFingerprint(sheets: readonly RawSheet[]): string {
  const hash = new Hash();
  const inputs = sheets.filter((s) => INPUT_NAMES.has(s.name)).sort((x, y) => (x.name < y.name ? -1 : 1));
  for (const sheet of inputs) {
    hash.add(`\u0001${sheet.name}`);
    let blank = "";
    sheet.rows.forEach((row) => {
      const cells = row.map(canonical);
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
      const line = `\u0002${cells.join("\u0003")}`;
      if (cells.length === 0) {
        blank += line;
        return;
      }
      hash.add(blank + line);
      blank = "";
    });
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
