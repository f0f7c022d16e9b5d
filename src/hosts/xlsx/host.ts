/** The ExcelJS host: the WorkbookHost for .xlsx bytes, in Node and in the browser (no `fs` here). */
import ExcelJS from "exceljs";
import { FLAG_SHEET, type InlineFlag, type Issue, type RawSheet } from "../../core";
import type { SheetModel, WorkbookHost } from "../../workbook/types";
import { clearFlags, setFlags } from "./fileFlags";
import { readWorksheet } from "./read";
import { lostFeaturesIssue, sniffBytes, sniffIssue } from "./sniff";
import { compactValidations } from "./validations";
import { writeSheetModel } from "./write";

/** Thrown by `fromBuffer` when ExcelJS cannot load the bytes (use `open` to get an issue instead). */
export class XlsxLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxLoadError";
  }
}

/** Thrown by `writeOutputs` before any change when a model cannot be written. */
export class SheetModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SheetModelError";
  }
}

/** Fast deflate: level 1 writes large outputs several times faster for a slightly larger file. */
const WRITE_OPTIONS = {
  zip: { compression: "DEFLATE", compressionOptions: { level: 1 } },
} as unknown as Partial<ExcelJS.XlsxWriteOptions>;

/** ExcelJS orders tabs by this untyped field when writing. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

const BAD_SHEET_NAME = /[[\]:*?/\\]/;

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class XlsxHost implements WorkbookHost {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  /** A host over a new, empty workbook (for `kaohe template` and new output files). */
  static empty(): XlsxHost {
    const wb = new ExcelJS.Workbook();
    wb.creator = "Kaohe";
    return new XlsxHost(wb);
  }

  /** @throws XlsxLoadError when ExcelJS cannot read the bytes. */
  static async fromBuffer(bytes: Uint8Array | ArrayBuffer): Promise<XlsxHost> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new XlsxLoadError(error instanceof Error ? error.message : String(error));
    }
    return new XlsxHost(wb);
  }

  /**
   * Sniffs, then loads: a file that is not a readable .xlsx gives an error issue naming it, never a
   * throw; a loadable one may come with a warning (`file-features-lost`: charts, pivot tables …).
   */
  static async open(bytes: Uint8Array, fileName: string): Promise<{ host?: XlsxHost; issues: Issue[] }> {
    const sniffed = sniffBytes(bytes);
    if (sniffed.kind !== "xlsx") return { issues: [sniffIssue(bytes, fileName)!] };
    const lost = lostFeaturesIssue(sniffed.entries ?? [], fileName);
    try {
      return { host: await XlsxHost.fromBuffer(bytes), issues: lost ? [lost] : [] };
    } catch (error) {
      const detail = error instanceof Error ? error.message.slice(0, 200) : "";
      return { issues: [{ severity: "error", code: "file-corrupt", params: { file: fileName, detail } }] };
    }
  }

  async readSheets(): Promise<RawSheet[]> {
    return this.workbook.worksheets.filter((ws) => ws.name !== FLAG_SHEET).map((ws) => readWorksheet(ws));
  }

  /** Replaces each output tab in place (same position); with `flags`, clears the previous run's and sets these. */
  async writeOutputs(sheets: SheetModel[], flags?: InlineFlag[]): Promise<void> {
    for (const model of sheets) {
      if (!model.name || model.name.length > 31 || BAD_SHEET_NAME.test(model.name)) {
        throw new SheetModelError(`invalid sheet name "${model.name}"`);
      }
    }
    if (flags) clearFlags(this.workbook);
    for (const model of sheets) {
      const old = this.workbook.worksheets.find((ws) => sameName(ws.name, model.name));
      const orderNo = old ? (old as Ordered).orderNo : undefined;
      if (old) this.workbook.removeWorksheet(old.id);
      const ws = writeSheetModel(this.workbook, model);
      if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
    }
    if (flags) setFlags(this.workbook, flags);
  }

  async clearFlags(): Promise<number> {
    return clearFlags(this.workbook);
  }

  async addTemplateTabs(sheets: SheetModel[]): Promise<string[]> {
    const added: string[] = [];
    for (const model of sheets) {
      if (this.workbook.worksheets.some((ws) => sameName(ws.name, model.name))) continue;
      writeSheetModel(this.workbook, model);
      added.push(model.name);
    }
    return added;
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Uint8Array> {
    const restore = this.workbook.worksheets.map(compactValidations);
    try {
      const out = await this.workbook.xlsx.writeBuffer(WRITE_OPTIONS);
      return out instanceof Uint8Array ? out : new Uint8Array(out);
    } finally {
      for (const undo of restore) undo();
    }
  }
}
