/** Locating tabs and header rows by alias, and reading data rows by column key. */
import type { CellValue, Issue, RawSheet } from "../core";
import { cellText, isBlankRow } from "./cells";
import type { ColumnDef, TabDef } from "./schema";
import { matchKey } from "./text";

/** Header rows may sit below a title; look this far down. */
const HEADER_SCAN_ROWS = 10;

export function aliasKeys(names: readonly string[]): Set<string> {
  return new Set(names.map(matchKey));
}

/** The sheet of a tab, matched by canonical name or alias (Traditional, English). */
export function findTab(sheets: readonly RawSheet[], def: TabDef): RawSheet | undefined {
  const keys = aliasKeys([def.name, ...def.aliases]);
  return sheets.find((s) => keys.has(matchKey(s.name)));
}

export interface HeaderMap {
  /** 1-based header row. */
  row: number;
  /** Column key → 1-based column. */
  columns: Map<string, number>;
}

function matchRow(row: readonly CellValue[], columns: readonly ColumnDef[]): Map<string, number> {
  const found = new Map<string, number>();
  row.forEach((cell, i) => {
    const key = matchKey(cellText(cell));
    if (!key) return;
    const def = columns.find((c) => !found.has(c.key) && aliasKeys([c.header, ...c.aliases]).has(key));
    if (def) found.set(def.key, i + 1);
  });
  return found;
}

/**
 * The header row (the first of the top rows holding every required header, else the best match)
 * and its columns. Reports each missing required header, located on that row.
 */
export function readHeader(sheet: RawSheet, def: TabDef, issues: Issue[]): HeaderMap | undefined {
  const required = def.columns.filter((c) => c.required);
  let best: HeaderMap | undefined;
  let bestScore = -1;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rows.length); r++) {
    const columns = matchRow(sheet.rows[r - 1] ?? [], def.columns);
    const score = required.filter((c) => columns.has(c.key)).length * 100 + columns.size;
    if (score > bestScore) {
      best = { row: r, columns };
      bestScore = score;
    }
    if (required.every((c) => columns.has(c.key))) return { row: r, columns };
  }
  const header = best && best.columns.size > 0 ? best : { row: 1, columns: new Map<string, number>() };
  for (const c of required) {
    if (!header.columns.has(c.key)) {
      issues.push({
        severity: "error",
        code: "missing-header",
        sheet: sheet.name,
        row: header.row,
        params: { header: c.header, tab: def.name },
      });
    }
  }
  return undefined;
}

/** A data row with access by column key. */
export interface DataRow {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  has(key: string): boolean;
  column(key: string): number | undefined;
  value(key: string): CellValue;
  text(key: string): string;
}

/** Accessors on the prototype, not closures per row: a county-year holds ~100k incident rows. */
class RowView implements DataRow {
  constructor(
    readonly sheet: string,
    readonly row: number,
    private readonly cells: readonly CellValue[],
    private readonly columns: Map<string, number>,
  ) {}
  has(key: string): boolean {
    return this.columns.has(key);
  }
  column(key: string): number | undefined {
    return this.columns.get(key);
  }
  value(key: string): CellValue {
    const c = this.columns.get(key);
    return c === undefined ? null : (this.cells[c - 1] ?? null);
  }
  text(key: string): string {
    return cellText(this.value(key));
  }
}

/** Non-blank rows below the header. */
export function dataRows(sheet: RawSheet, header: HeaderMap): DataRow[] {
  const out: DataRow[] = [];
  for (let r = header.row + 1; r <= sheet.rows.length; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells || isBlankRow(cells)) continue;
    out.push(new RowView(sheet.name, r, cells, header.columns));
  }
  return out;
}
