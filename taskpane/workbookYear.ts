/** The workbook's 考核年度, read from 考核设置 before any run, so the period picker offers only that year. */
import { SETTING_ITEMS, SETTINGS_TAB } from "../src/workbook/schema";
import { matchKey } from "../src/workbook/text";
import type { CellValue, RawSheet } from "../src/core";
import type { PaneHost } from "./Pane/Pane.types";

const TAB_KEYS = new Set([SETTINGS_TAB.name, ...SETTINGS_TAB.aliases].map(matchKey));
const YEAR_KEYS = new Set(SETTING_ITEMS.year.map(matchKey));

const asYear = (v: CellValue | undefined): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined;
};

/** The year on the 考核年度 row (the first year-like value after the item), or undefined. */
export function settingsYear(sheets: RawSheet[]): number | undefined {
  const sheet = sheets.find((s) => TAB_KEYS.has(matchKey(s.name)));
  for (const row of sheet?.rows ?? []) {
    const at = row.findIndex((c) => typeof c === "string" && YEAR_KEYS.has(matchKey(c)));
    if (at < 0) continue;
    for (const cell of row.slice(at + 1)) {
      const year = asYear(cell);
      if (year !== undefined) return year;
    }
  }
  return undefined;
}

/** Reads only 考核设置 when the host can; otherwise every sheet (the file hosts hold them in memory). */
export async function workbookYear(host: PaneHost): Promise<number | undefined> {
  if (host.readSettings) {
    const sheet = await host.readSettings();
    return sheet ? settingsYear([sheet]) : undefined;
  }
  return settingsYear(await host.readSheets());
}
