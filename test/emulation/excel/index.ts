/**
 * A strict emulation of the Excel JavaScript API subset Kaohe uses, for tests (node and the browser).
 * `createExcelEmulation()` gives `Excel.run` and `Office.context` over an in-memory workbook, counting
 * syncs and payload bytes; see ./client for what is strict.
 */
import { EmuContext, type SyncStats } from "./client";
import { BookState, SheetState, type EmuCell } from "./state";

export { EmuError, BookState, SheetState, serialOf, type EmuCell } from "./state";
export { PAYLOAD_LIMIT, RANGE_CELL_LIMIT, type SyncStats } from "./client";

/** A plain snapshot of a sheet: cells by `row,column` (1-based); what tests seed and compare. */
export interface SheetSeed {
  name: string;
  visibility?: string;
  cells: { row: number; column: number; cell: EmuCell }[];
  notes?: { row: number; column: number; text: string }[];
}

export interface ExcelEmulation {
  Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  Office: {
    context: {
      displayLanguage: string;
      requirements: { isSetSupported(name: string, version?: string): boolean };
    };
    onReady(cb?: (info: { host: string }) => void): Promise<{ host: string }>;
    HostType: { Excel: string };
  };
  book: BookState;
  stats: SyncStats;
  resetStats(): void;
}

export interface EmulationOptions {
  /** ExcelApi version the emulated Excel supports, e.g. "1.4" or "1.18" (current 365). */
  apiVersion?: string;
  displayLanguage?: string;
  sheets?: SheetSeed[];
}

export function createExcelEmulation(options: EmulationOptions = {}): ExcelEmulation {
  const version = minorOf(options.apiVersion ?? "1.18");
  const book = new BookState();
  for (const seed of options.sheets ?? []) seedSheet(book, seed);
  const stats: SyncStats = { runs: 0, syncs: 0, requestBytes: [], responseBytes: [], rejected: [] };
  const emu: ExcelEmulation = {
    book,
    stats,
    resetStats() {
      stats.runs = 0;
      stats.syncs = 0;
      stats.requestBytes = [];
      stats.responseBytes = [];
      stats.rejected = [];
    },
    Excel: {
      async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
        stats.runs++;
        const ctx = new EmuContext(book, version, stats);
        const result = await batch(ctx as unknown as Excel.RequestContext);
        if (ctx.queue.length > 0) await ctx.sync();
        return result;
      },
    },
    Office: {
      context: {
        displayLanguage: options.displayLanguage ?? "zh-CN",
        requirements: {
          isSetSupported(name: string, v?: string): boolean {
            return name === "ExcelApi" && minorOf(v ?? "1.1") <= version;
          },
        },
      },
      onReady: (cb) => {
        const info = { host: "Excel" };
        cb?.(info);
        return Promise.resolve(info);
      },
      HostType: { Excel: "Excel" },
    },
  };
  return emu;
}

/** "1.10" > "1.9" as API sets: compare minor numbers, not decimals. */
function minorOf(version: string): number {
  const [major, minor = "0"] = version.split(".");
  if (major !== "1") throw new Error(`ExcelApi ${version}?`);
  return Number(minor);
}

export function seedSheet(book: BookState, seed: SheetSeed): SheetState {
  const sheet = book.add(seed.name);
  if (seed.visibility) sheet.visibility = seed.visibility;
  for (const { row, column, cell } of seed.cells) sheet.put(row, column, { ...cell });
  for (const n of seed.notes ?? []) sheet.notes.set(SheetState.key(n.row, n.column), n.text);
  return sheet;
}

/** Values of a sheet as a dense grid from A1 ("" for empty), for assertions. */
export function sheetValues(book: BookState, name: string): (string | number | boolean)[][] {
  const sheet = book.find(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const used = sheet.usedRange(true);
  if (!used) return [];
  const rows: (string | number | boolean)[][] = [];
  for (let r = 1; r < used.row + used.rowCount; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = 1; c < used.column + used.columnCount; c++) row.push(sheet.cell(r, c)?.v ?? "");
    rows.push(row);
  }
  return rows;
}
