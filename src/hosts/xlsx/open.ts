/**
 * One way to open a workbook, for every caller (score, print, consolidate, the standalone page):
 * size bound → sniff → a reader. The large-file reader (when the caller has one: Node) reads first and
 * bounds its own work while streaming; ExcelJS reads only when that reader says, with a typed
 * NotHandledError, that it does not handle the package, and only after the zip-bomb guard. A reader may
 * refuse a file by name (WorkbookRefusedError → issue); any other error is a bug and propagates, loudly,
 * naming the file. Browser-safe: the large-file reader is passed in, never imported here.
 */
import type { CellValue, InlineFlag, Issue, RawSheet } from "../../core";
import type { SheetModel } from "../../workbook/types";
import type { PartPieces } from "./fast/entryWriter";
import type { ZipEntry } from "./fast/zip";
import { checkFileSize, DEFAULT_GUARD_LIMITS, guardXlsx, type GuardLimits } from "./guard";
import { XlsxHost } from "./host";
import { NotHandledError, WorkbookRefusedError } from "./readErrors";
import { lostFeaturesIssue, sniffBytes, sniffIssue } from "./sniff";

export { NotHandledError, WorkbookRefusedError } from "./readErrors";

export type ReadPath = "large-file" | "exceljs";

/** What the large-file reader gives back for one package. */
export interface ReadPackage {
  sheets: RawSheet[];
  /**
   * The package with `models` as output tabs and `flags` set; undefined when only the ExcelJS host can
   * write them (print forms, flags of an earlier run to restore). @throws WorkbookRefusedError
   */
  write(models: SheetModel[], flags: InlineFlag[]): Uint8Array | undefined;
  /**
   * The same package as its parts, not joined, each large part encoded by `encode` from its pieces as
   * they are made (the page's worker deflates them natively: a county's 300 MB of new and patched sheet
   * XML never exists whole). @throws (rejects with) WorkbookRefusedError
   */
  writeParts(
    models: SheetModel[],
    flags: InlineFlag[],
    encode: (part: PartPieces) => Promise<ZipEntry>,
  ): Promise<ZipEntry[] | undefined>;
  /** The cells again (the first grids may have been released to save memory). */
  reread(): RawSheet[];
  /** The same package in the encoding ExcelJS reads (another writer's prefixes, quoting … re-serialised). */
  forExcelJS(): Uint8Array;
}

/** @throws (or rejects with) NotHandledError, WorkbookRefusedError; anything else is a bug. */
export type LargeFileReader = (bytes: Uint8Array, name: string) => ReadPackage | Promise<ReadPackage>;

export interface OpenOptions {
  largeFile?: LargeFileReader;
  /** Bounds for ExcelJS, which inflates whole packages in memory (and for the size check). */
  limits?: GuardLimits;
  /**
   * `always` (default): the streaming zip-bomb guard runs before any reader. `before-exceljs`: only before
   * ExcelJS — for the CLI's county-scale files, where the large-file reader bounds inflation, cells and
   * rows itself while streaming, and a second inflation of 150 MB of XML would only cost time.
   */
  guard?: "always" | "before-exceljs";
}

export interface Written {
  bytes?: Uint8Array;
  issues: Issue[];
  writer?: ReadPath;
}

export interface OpenedWorkbook {
  name: string;
  /** Which reader read the cells. */
  path: ReadPath;
  sheets: RawSheet[];
  warnings: Issue[];
  /**
   * Runs `use` on the grids, then lets them go (they are read again if ExcelJS must write and its reading
   * is to be checked). The grids are handed over inside this call so that no register of the caller's
   * frame keeps a county's 60 MB of cells alive while the output is written.
   */
  consume<T>(use: (sheets: RawSheet[]) => T): T;
  /**
   * The scored copy: outputs and flags (without `flags`, an earlier run's flags stay as they are), or
   * issues naming why nothing could be written.
   */
  write(models: SheetModel[], flags?: InlineFlag[]): Promise<Written>;
  /** The ExcelJS host over the same bytes (guarded), for callers that write through it (print, the page). */
  host(): Promise<{ host?: XlsxHost; issues: Issue[] }>;
}

function refusal(error: unknown, file: string): Issue | undefined {
  if (!(error instanceof WorkbookRefusedError)) return undefined;
  return { ...error.issue, params: { ...error.issue.params, file } };
}

/** Any other error from a reader: a bug, thrown again with the file named. */
function loud(error: unknown, name: string): never {
  const message = error instanceof Error ? error.message : String(error);
  throw new Error(`reading ${name}: ${message}`, { cause: error });
}

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

/** The first cell two readers read differently (as `Sheet!A1`), or undefined. */
export function firstDifference(a: RawSheet[], b: RawSheet[]): string | undefined {
  const names = new Set([...a, ...b].map((s) => s.name));
  for (const name of names) {
    const x = a.find((s) => s.name === name)?.rows ?? [];
    const y = b.find((s) => s.name === name)?.rows ?? [];
    for (let r = 0; r < Math.max(x.length, y.length); r++) {
      const rx = x[r] ?? [];
      const ry = y[r] ?? [];
      for (let c = 0; c < Math.max(rx.length, ry.length); c++) {
        if (!same(rx[c], ry[c])) return `${name}!R${r + 1}C${c + 1}`;
      }
    }
  }
  return undefined;
}

class Opened implements OpenedWorkbook {
  private exceljs?: Promise<{ host?: XlsxHost; issues: Issue[] }>;

  constructor(
    readonly name: string,
    readonly path: ReadPath,
    public sheets: RawSheet[],
    readonly warnings: Issue[],
    private readonly bytes: Uint8Array,
    private readonly limits: GuardLimits,
    private readonly pkg?: ReadPackage,
    host?: XlsxHost,
  ) {
    if (host) this.exceljs = Promise.resolve({ host, issues: [] });
  }

  consume<T>(use: (sheets: RawSheet[]) => T): T {
    const result = use(this.sheets);
    if (this.pkg) {
      this.sheets = [];
      this.pkg.sheets = [];
    }
    return result;
  }

  host(): Promise<{ host?: XlsxHost; issues: Issue[] }> {
    this.exceljs ??= (async () => {
      let bytes = this.bytes;
      try {
        if (this.pkg) bytes = this.pkg.forExcelJS();
      } catch (error) {
        const issue = refusal(error, this.name);
        if (issue) return { issues: [issue] };
        loud(error, this.name);
      }
      const unsafe = await guardXlsx(bytes, this.name, this.limits);
      if (unsafe) return { issues: [unsafe] };
      return XlsxHost.open(bytes, this.name);
    })();
    return this.exceljs;
  }

  async write(models: SheetModel[], flags?: InlineFlag[]): Promise<Written> {
    if (this.pkg) {
      let bytes: Uint8Array | undefined;
      try {
        bytes = this.pkg.write(models, flags ?? []);
      } catch (error) {
        const issue = refusal(error, this.name);
        if (issue) return { issues: [issue] };
        loud(error, this.name);
      }
      if (bytes) return { bytes, issues: [], writer: "large-file" };
    }
    const opened = await this.host();
    if (!opened.host) return { issues: opened.issues };
    if (this.path !== "exceljs") {
      // ExcelJS rewrites the whole package: only when it reads exactly the cells that were scored, so that
      // clearing and setting flags can never touch a row it misread.
      const ours = this.pkg?.reread() ?? this.sheets;
      const differs = firstDifference(ours, await opened.host.readSheets());
      if (differs) {
        const params = { file: this.name, part: differs, detail: "ExcelJS reads this cell differently" };
        return { issues: [{ severity: "error", code: "file-cannot-write", params }] };
      }
    }
    try {
      await opened.host.writeOutputs(models, flags);
    } catch (error) {
      const issue = refusal(error, this.name);
      if (issue) return { issues: [issue] };
      throw error;
    }
    return { bytes: await opened.host.toBuffer(), issues: opened.issues, writer: "exceljs" };
  }
}

/** Opens `bytes` (named `name` in every message); issues name the file when it cannot be read. */
export async function openWorkbook(
  bytes: Uint8Array,
  name: string,
  options: OpenOptions = {},
): Promise<{ workbook?: OpenedWorkbook; issues: Issue[] }> {
  const limits = options.limits ?? DEFAULT_GUARD_LIMITS;
  const sniffed = sniffBytes(bytes);
  if (sniffed.kind !== "xlsx") return { issues: [sniffIssue(bytes, name)!] };
  const lost = lostFeaturesIssue(sniffed.entries ?? [], name);
  const warnings = lost ? [lost] : [];
  const tooBig = checkFileSize(bytes.byteLength, name, limits);
  if (tooBig) return { issues: [tooBig] };
  const seen = { prefixed: 0 };
  let guarded = false;
  if (options.guard !== "before-exceljs" || !options.largeFile) {
    const unsafe = await guardXlsx(bytes, name, limits, seen);
    if (unsafe) return { issues: [unsafe] };
    guarded = true;
  }
  if (options.largeFile) {
    try {
      const pkg = await options.largeFile(bytes, name);
      return {
        workbook: new Opened(name, "large-file", pkg.sheets, warnings, bytes, limits, pkg),
        issues: [],
      };
    } catch (error) {
      const issue = refusal(error, name);
      if (issue) return { issues: [issue] };
      if (!(error instanceof NotHandledError)) loud(error, name);
    }
  }
  if (!guarded) {
    const unsafe = await guardXlsx(bytes, name, limits, seen);
    if (unsafe) return { issues: [unsafe] };
  }
  // ExcelJS reads `<x:c>` as nothing: the file would look empty. Refused by name instead.
  if (seen.prefixed > 0)
    return { issues: [{ severity: "error", code: "file-prefixed-xml", params: { file: name } }] };
  const opened = await XlsxHost.open(bytes, name);
  if (!opened.host) return { issues: opened.issues };
  let sheets: RawSheet[];
  try {
    sheets = await opened.host.readSheets();
  } catch (error) {
    const issue = refusal(error, name);
    if (issue) return { issues: [issue] };
    loud(error, name);
  }
  const workbook = new Opened(name, "exceljs", sheets, opened.issues, bytes, limits, undefined, opened.host);
  return { workbook, issues: [] };
}
