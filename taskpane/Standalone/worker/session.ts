/**
 * One opened workbook inside the worker, opened as the CLI opens it (`openWorkbook` with the large-file
 * reader: the same sniff, size bound, typed refusals and re-encoding of other writers' files). Deflated
 * parts are inflated natively first, so the reader only decodes. Whatever that reader cannot write (print
 * forms, template tabs, flags of an earlier run) is handed to the ExcelJS host over the same re-encoded
 * package, which then holds the workbook: the original plus every write made so far, replayed.
 */
import { FLAG_SHEET, type InlineFlag, type Issue, type RawSheet } from "../../../src/core";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { needsFullWriter } from "../../../src/hosts/xlsx/fast/sheetWriter";
import { setStoreOnly } from "../../../src/hosts/xlsx/fast/browserZlib";
import { largeFileReader, partsReader } from "../../../src/hosts/xlsx/fast/open";
import { fileIssueMessage } from "../../../src/workbook/messages/fileMessages";
import { readZip, type ZipEntry } from "../../../src/hosts/xlsx/fast/zip";
import {
  firstDifference,
  openWorkbook,
  WorkbookRefusedError,
  type OpenedWorkbook,
  type ReadPackage,
} from "../../../src/hosts/xlsx/open";
import { formatIssue } from "../../../src/workbook/messages";
import { runAssessment, runWithRulebook } from "../../../src/pipeline";
import { loadRulebookText, problemLines } from "../../../src/rules/format";
import type { RunAssessment } from "../../../src/pipeline/types";
import type { RunOptions, RunOutcome } from "../../../src/pipeline/types";
import type { SheetModel } from "../../../src/workbook/types";
import type { Meter } from "./meter";
import { deflatedPart } from "./deflatePart";
import { deflatedPackage, storedBytes, storedParts } from "./nativeZip";
import type { Answers, FlagsRef, ModelRef } from "./protocol";

/** Output tabs with more rows than this stay in the worker; the page gets their name and columns. */
export const SHIP_ROWS = 50_000;
/** What the page opens (the file's size) and what the ExcelJS host may be handed, as the CLI allows it. */
const PAGE_LIMITS = { maxFileBytes: 200 * 2 ** 20, maxUnzippedBytes: 2 ** 30, maxCells: 20_000_000 };
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

/** A refusal, worded for the page in both languages (nothing has been written). */
class IssueError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(issue: Issue) {
    const words = (locale: "zh-CN" | "en") => fileIssueMessage(issue, locale) ?? formatIssue(issue, locale);
    super(words("en"));
    this.name = "IssueError";
    this.zh = words("zh-CN");
    this.en = this.message;
  }
}

export class Session {
  private pkg?: ReadPackage;
  private sheets?: RawSheet[];
  private exceljs?: XlsxHost;
  private readonly writes: Write[] = [];
  /** What writing an assessment needs: its tabs and flags (the page holds the rest of the outcome). */
  private readonly assessed = new Map<number, Pick<RunOutcome, "sheets" | "flags">>();
  /** Bytes of the parts inflated on opening (which a download deflates again, unless it replaces them). */
  private inflatedBytes = 0;
  /** About how many inflated bytes each tab's part holds (to estimate how much a download deflates). */
  private readonly partSizes = new Map<string, number>();

  private constructor(private readonly workbook: OpenedWorkbook) {}

  /** Opens and reads every tab; an unreadable file gives located issues, never a throw. */
  static async open(
    bytes: Uint8Array,
    name: string,
    meter: Meter,
  ): Promise<{ session?: Session; answer: Answers["open"] }> {
    meter.start("open", 1);
    let stored: Map<string, ZipEntry> | undefined;
    let sheetBytes = 0;
    let decoded = 0;
    let inflated = 0;
    try {
      const entries = readZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      for (const e of entries.values()) {
        if (e.method === 8) inflated += e.size;
        if (e.name.startsWith("xl/worksheets/")) sheetBytes += e.size;
        if (e.name.startsWith("xl/worksheets/") || e.name === "xl/sharedStrings.xml") decoded += e.size;
      }
      // Natively inflated first (counted as it comes out), then the tabs decoded by the reader.
      const split = inflated / Math.max(1, inflated + decoded);
      meter.segment(0, split, inflated);
      stored = await storedParts(bytes, (n) => meter.add(n));
      meter.segment(split, 1, decoded);
    } catch {
      // Not a package, or one past a bound: `openWorkbook` and its reader say which, naming the file.
      stored = undefined;
    }
    let pkg: ReadPackage | undefined;
    const opened = await openWorkbook(bytes, name, {
      largeFile: (original, file) =>
        (pkg = stored ? partsReader(stored, file) : largeFileReader(original, file)),
      limits: PAGE_LIMITS,
      guard: "before-exceljs",
    });
    meter.finish();
    if (!opened.workbook) return { answer: { ok: false, issues: opened.issues } };
    const session = new Session(opened.workbook);
    if (pkg) {
      session.pkg = pkg;
      session.inflatedBytes = stored ? inflated : 0;
      session.sheets = opened.workbook.sheets;
      // Each tab's share of the worksheet parts, by rows: only a progress estimate.
      const rows = session.sheets.reduce((n, s) => n + s.rows.length, 0);
      for (const s of session.sheets)
        session.partSizes.set(s.name, (sheetBytes * s.rows.length) / Math.max(1, rows));
    } else {
      const host = await opened.workbook.host();
      if (!host.host) return { answer: { ok: false, issues: host.issues } };
      session.exceljs = host.host;
    }
    // What ExcelJS would drop is said only when ExcelJS holds the workbook (the large-file writer keeps it).
    return { session, answer: { ok: true, issues: pkg ? [] : opened.workbook.warnings } };
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
    this.assessed.set(id, { sheets: outcome.sheets, flags: outcome.flags });
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
    if (!this.exceljs && this.pkg) {
      const { models, flags } = this.merged();
      const flagged = new Set(flags.map((f) => f.sheet));
      let patched = 0;
      for (const name of flagged) patched += this.partSizes.get(name) ?? 0;
      // New and patched sheets are deflated natively as they are made; the small parts the writer makes
      // whole are stored (fast) and, with every input part that was inflated on opening, deflated after.
      meter.start("download", 1);
      const made = estimateBytes(models) + patched;
      const rest = Math.max(0, this.inflatedBytes - patched);
      const split = made / Math.max(1, made + rest);
      meter.segment(0, split, made);
      let parts: ZipEntry[] | undefined;
      setStoreOnly(true);
      try {
        parts = await this.pkg.writeParts(models, flags, (part) => deflatedPart(part, (n) => meter.add(n)));
      } catch (error) {
        // Refused by name (a part the writer cannot patch faithfully): nothing is written.
        if (error instanceof WorkbookRefusedError) throw new IssueError(error.issue);
        throw error;
      } finally {
        setStoreOnly(false);
      }
      if (parts) {
        meter.segment(split, 1, storedBytes(parts));
        out = await deflatedPackage(parts, (n) => meter.add(n));
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
    return Boolean(this.pkg && this.sheets?.some((s) => s.name === FLAG_SHEET));
  }

  /**
   * From here on the ExcelJS host holds the workbook (the package re-encoded as ExcelJS reads it, guarded)
   * with every write replayed; only when it reads exactly the cells that were scored, as in the CLI.
   */
  private async toExcelJs(): Promise<XlsxHost> {
    if (this.exceljs) return this.exceljs;
    const opened = await this.workbook.host();
    if (!opened.host) throw new IssueError(opened.issues[0]!);
    const host = opened.host;
    if (this.pkg) {
      const differs = firstDifference(this.pkg.reread(), await host.readSheets());
      if (differs) {
        const params = {
          file: this.workbook.name,
          part: differs,
          detail: "ExcelJS reads this cell differently",
        };
        throw new IssueError({ severity: "error", code: "file-cannot-write", params });
      }
    }
    for (const w of this.writes) await host.writeOutputs(w.models, w.flags);
    this.exceljs = host;
    this.pkg = undefined;
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
