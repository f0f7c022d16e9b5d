/**
 * One opened workbook inside the worker. It is read and written by the CLI's large-file path
 * (src/hosts/xlsx/fast); whatever that path declines (a package it cannot read, print forms, template
 * tabs, flags of an earlier run) is handed to the ExcelJS host, which then holds the workbook: the
 * original bytes plus every write made so far, replayed.
 */
import { FLAG_SHEET, type InlineFlag, type RawSheet } from "../../../src/core";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { FastWorkbook, MAX_UNZIPPED_BYTES } from "../../../src/hosts/xlsx/fast/fastWorkbook";
import { needsFullWriter } from "../../../src/hosts/xlsx/fast/sheetWriter";
import { setStoreOnly } from "../../../src/hosts/xlsx/fast/browserZlib";
import { readZip, ZipFormatError, ZipTooLargeError } from "../../../src/hosts/xlsx/fast/zip";
import { guardXlsx } from "../../../src/hosts/xlsx/guard";
import { sniffIssue } from "../../../src/hosts/xlsx/sniff";
import { runAssessment, runWithRulebook } from "../../../src/pipeline";
import { loadRulebookText, problemLines } from "../../../src/rules/format";
import type { RunAssessment } from "../../../src/pipeline/types";
import type { RunOptions, RunOutcome } from "../../../src/pipeline/types";
import type { SheetModel } from "../../../src/workbook/types";
import type { Meter } from "./meter";
import { deflatedPackage, storedBytes, storedPackage } from "./nativeZip";
import type { Answers, FlagsRef, ModelRef } from "./protocol";

/** Output tabs with more rows than this stay in the worker; the page gets their name and columns. */
export const SHIP_ROWS = 50_000;
/** What the ExcelJS host may be handed (as the CLI allows it). */
const EXCELJS_LIMITS = { maxFileBytes: 200 * 2 ** 20, maxUnzippedBytes: 2 ** 30, maxCells: 20_000_000 };
const BAD_SHEET_NAME = /[[\]:*?/\\]/;

interface Write {
  models: SheetModel[];
  flags?: InlineFlag[];
}

/** The pane checked the rulebook before sending it; a broken one still stops here, named. */
function rulebookRun(text: string): RunAssessment {
  const loaded = loadRulebookText(text);
  if (!loaded.ok) throw new Error(problemLines("rulebook.json", loaded.problems, "zh-CN").join("\n"));
  return runWithRulebook(loaded.profile);
}

export class Session {
  private fast?: FastWorkbook;
  private sheets?: RawSheet[];
  private exceljs?: XlsxHost;
  private readonly writes: Write[] = [];
  private readonly assessed = new Map<number, RunOutcome>();
  /** Inflated size of each tab's part (to estimate how much a download deflates). */
  private readonly partSizes = new Map<string, number>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
  ) {}

  /** Opens and reads every tab; an unreadable file gives located issues, never a throw. */
  static async open(
    bytes: Uint8Array,
    name: string,
    meter: Meter,
  ): Promise<{ session?: Session; answer: Answers["open"] }> {
    const sniffed = sniffIssue(bytes, name);
    if (sniffed) return { answer: { ok: false, issues: [sniffed] } };
    const session = new Session(bytes, name);
    try {
      await session.readFast(meter);
      return { session, answer: { ok: true, issues: [] } };
    } catch (error) {
      if (error instanceof ZipTooLargeError) {
        const params = { file: name, maxMb: MAX_UNZIPPED_BYTES / 2 ** 20 };
        return {
          answer: { ok: false, issues: [{ severity: "error", code: "file-unzipped-too-large", params }] },
        };
      }
      // As in the CLI: what the direct reader trips over goes to ExcelJS, which opens it or says where.
    }
    const unsafe = await guardXlsx(bytes, name, EXCELJS_LIMITS);
    if (unsafe) return { answer: { ok: false, issues: [unsafe] } };
    const opened = await XlsxHost.open(bytes, name);
    if (!opened.host) return { answer: { ok: false, issues: opened.issues } };
    session.exceljs = opened.host;
    meter.finish();
    return { session, answer: { ok: true, issues: opened.issues } };
  }

  private async readFast(meter: Meter): Promise<void> {
    const entries = readZip(Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength));
    let inflated = 0;
    let decoded = 0;
    for (const e of entries.values()) {
      if (e.method === 8) inflated += e.size;
      if (e.name.startsWith("xl/worksheets/") || e.name === "xl/sharedStrings.xml") decoded += e.size;
    }
    // Natively inflated first (counted as it comes out), then the tabs decoded by the reader.
    const split = inflated / Math.max(1, inflated + decoded);
    meter.start("open", 1);
    meter.segment(0, split, inflated);
    const wb = FastWorkbook.fromBuffer(await storedPackage(this.bytes, (n) => meter.add(n)));
    meter.segment(split, 1, decoded);
    this.sheets = wb.readSheets();
    for (const s of wb.sheets) this.partSizes.set(s.name, entries.get(s.path)?.size ?? 0);
    this.fast = wb;
    meter.finish();
  }

  async readSheets(): Promise<RawSheet[]> {
    if (this.exceljs) return this.exceljs.readSheets();
    return this.sheets ?? [];
  }

  /** Scores the tabs; the outcome is kept (by `id`) so that writing it needs no copy back. */
  async assess(id: number, options: RunOptions, meter: Meter, rulebook?: string): Promise<Answers["assess"]> {
    meter.start("score", 3);
    const sheets = await this.readSheets();
    meter.stage(1);
    const outcome = (rulebook === undefined ? runAssessment : rulebookRun(rulebook))(sheets, options);
    meter.stage(1);
    // Only the latest outcome is kept here (tabs already written are held by `writes`).
    for (const key of [...this.assessed.keys()]) if (key !== id) this.assessed.delete(key);
    this.assessed.set(id, outcome);
    const stubbed = outcome.sheets.map((m) => m.rows.length > SHIP_ROWS);
    const shipped: RunOutcome = {
      ...outcome,
      sheets: outcome.sheets.map((m, i) => (stubbed[i] ? { ...m, rows: [] } : m)),
    };
    // The case log stays here: the pane's views and print forms do not use it.
    if (outcome.input) shipped.input = { ...outcome.input, cases: [] };
    return { outcome: shipped, stubbed };
  }

  async write(refs: ModelRef[], flagsRef: FlagsRef | undefined): Promise<void> {
    const models = refs.map((r) => {
      if ("model" in r) return r.model;
      const m = this.assessed.get(r.assess)?.sheets[r.index];
      if (!m) throw new Error(`no output tab ${r.index} of assessment ${r.assess}`);
      return m;
    });
    for (const m of models) {
      if (!m.name || m.name.length > 31 || BAD_SHEET_NAME.test(m.name))
        throw new Error(`invalid sheet name "${m.name}"`);
    }
    let flags: InlineFlag[] | undefined;
    if (flagsRef)
      flags = "list" in flagsRef ? flagsRef.list : (this.assessed.get(flagsRef.assess)?.flags ?? []);
    const write: Write = flags ? { models, flags } : { models };
    if (this.exceljs) await this.exceljs.writeOutputs(models, flags);
    else if (models.some(needsFullWriter) || this.hasFlagRecord())
      await (await this.toExcelJs()).writeOutputs(models, flags);
    this.writes.push(write);
  }

  async clearFlags(): Promise<number> {
    // Nothing to clear: no need to hand a large workbook to ExcelJS.
    if (!this.exceljs && !this.hasFlagRecord() && !this.writes.some((w) => w.flags?.length)) return 0;
    return (await this.toExcelJs()).clearFlags();
  }

  async addTemplateTabs(models: SheetModel[]): Promise<string[]> {
    return (await this.toExcelJs()).addTemplateTabs(models);
  }

  /** The workbook with every write so far, as .xlsx bytes. */
  async download(meter: Meter): Promise<ArrayBuffer> {
    let out: Uint8Array | undefined;
    if (!this.exceljs && this.fast) {
      const { models, flags } = this.merged();
      const flagged = new Set(flags.map((f) => f.sheet));
      let patched = 0;
      for (const name of flagged) patched += this.partSizes.get(name) ?? 0;
      // The writer stores its new parts (fast); every stored part is then deflated natively.
      meter.start("download", 1);
      meter.segment(0, 0.3, estimateBytes(models) + patched);
      let stored: Buffer | undefined;
      setStoreOnly(true);
      try {
        stored = this.fast.withOutputs(models, flags);
      } catch (error) {
        if (!(error instanceof ZipFormatError || error instanceof ZipTooLargeError)) throw error;
      } finally {
        setStoreOnly(false);
      }
      if (stored) {
        meter.segment(0.3, 1, storedBytes(stored));
        out = await deflatedPackage(stored, (n) => meter.add(n));
      }
    }
    if (!out) {
      meter.start("download", 1);
      out = await (await this.toExcelJs()).toBuffer();
    }
    meter.finish();
    if (out.byteOffset === 0 && out.byteLength === out.buffer.byteLength) return out.buffer as ArrayBuffer;
    return out.slice().buffer as ArrayBuffer;
  }

  /** Every output tab written (the latest of each name, in first-written order) and the latest flags. */
  private merged(): { models: SheetModel[]; flags: InlineFlag[] } {
    const byName = new Map<string, SheetModel>();
    let flags: InlineFlag[] = [];
    for (const w of this.writes) {
      for (const m of w.models) byName.set(m.name.toLowerCase(), m);
      if (w.flags) flags = w.flags;
    }
    return { models: [...byName.values()], flags };
  }

  private hasFlagRecord(): boolean {
    return Boolean(this.fast?.sheets.some((s) => s.name === FLAG_SHEET));
  }

  /** From here on the ExcelJS host holds the workbook: the original bytes with every write replayed. */
  private async toExcelJs(): Promise<XlsxHost> {
    if (this.exceljs) return this.exceljs;
    const unsafe = await guardXlsx(this.bytes, this.name, EXCELJS_LIMITS);
    if (unsafe) throw new Error(`${this.name}: ${unsafe.code}`);
    const host = await XlsxHost.fromBuffer(this.bytes);
    for (const w of this.writes) await host.writeOutputs(w.models, w.flags);
    this.exceljs = host;
    this.fast = undefined;
    this.sheets = undefined;
    return host;
  }
}

/** About how many bytes of XML the output tabs become (measured: 35–45 per cell). */
function estimateBytes(models: SheetModel[]): number {
  let cells = 0;
  for (const m of models) cells += (m.rows.length + 1) * m.columns.length;
  return cells * 40;
}
