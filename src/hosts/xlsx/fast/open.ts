/** The large-file reader as `openWorkbook` takes it: FastWorkbook, its refusals worded as issues. */
import type { Issue, IssueCode, RawSheet } from "../../../core";
import { cellAddress } from "../../../workbook/cells";
import { NotHandledError, WorkbookRefusedError, type ReadPackage } from "../open";
import { CannotPatchError } from "./canonical";
import { FastWorkbook, MAX_UNZIPPED_BYTES, PackageReadError } from "./fastWorkbook";
import { runPlanAsync } from "./outputPlan";
import { ReadBoundError } from "./sheetReader";
import { XmlDoctypeError } from "./xmlScan";
import { ZipFormatError, ZipTooLargeError, type ZipEntry } from "./zip";

const refuse = (code: IssueCode, params: Record<string, string | number>): never => {
  const issue: Issue = { severity: "error", code, params };
  throw new WorkbookRefusedError(issue);
};

/** Turns this folder's typed errors into a refusal naming the file; anything else propagates. */
export function translate(error: unknown, file: string): never {
  if (error instanceof ReadBoundError)
    refuse(error.what === "cells" ? "file-too-many-cells" : "file-too-many-rows", { file, max: error.max });
  if (error instanceof ZipTooLargeError)
    refuse("file-unzipped-too-large", { file, maxMb: MAX_UNZIPPED_BYTES / 2 ** 20 });
  if (error instanceof ZipFormatError) {
    if (/unsupported compression/.test(error.message)) throw new NotHandledError(error.message);
    // The part's name, as the guard reports it (zlib's words add nothing for the reader of the message).
    refuse("file-corrupt", {
      file,
      detail: error.message.replace(/^([^:\s]+\.(?:xml|rels|vml|bin)): .*$/s, "$1"),
    });
  }
  if (error instanceof CannotPatchError)
    refuse("file-cannot-write", { file, part: error.part, detail: error.detail });
  if (error instanceof PackageReadError) {
    const { cell, part, sheet = part } = error;
    if (cell?.reason === "out-of-grid")
      refuse("file-cell-out-of-grid", { file, sheet, row: cell.row, column: cell.column });
    if (cell?.reason === "formula-no-value")
      refuse("file-formula-no-value", { file, cell: cellAddress(sheet, cell.row, cell.column) });
    if (cell)
      refuse("file-bad-cell", { file, cell: cellAddress(sheet, cell.row, cell.column), detail: cell.reason });
    if (error.detail === new XmlDoctypeError().message) refuse("file-doctype", { file, part });
    refuse("file-bad-xml", { file, part, detail: error.detail });
  }
  throw error;
}

/** The package over a read workbook: writing and re-reading, their refusals worded as issues. */
export function readPackage(wb: FastWorkbook, sheets: RawSheet[], name: string): ReadPackage {
  wb.checkUncached(sheets);
  return {
    sheets,
    reread: () => wb.readSheets(),
    forExcelJS: () => {
      try {
        return wb.plainPackage();
      } catch (error) {
        return translate(error, name);
      }
    },
    write: (models, flags) => {
      try {
        return wb.withOutputs(models, flags);
      } catch (error) {
        return translate(error, name);
      }
    },
    writeParts: async (models, flags, encode) => {
      try {
        return await runPlanAsync(wb.outputPlan(models, flags), encode);
      } catch (error) {
        return translate(error, name);
      }
    },
  };
}

/** A package already taken apart into parts (the browser worker's, inflated natively), read whole. */
export const partsReader = (parts: Map<string, ZipEntry>, name: string): ReadPackage => {
  try {
    const wb = FastWorkbook.fromEntries(parts);
    return readPackage(wb, wb.readSheets(), name);
  } catch (error) {
    return translate(error, name);
  }
};

/** Every part inflated whole, then read. */
export const largeFileReader = (bytes: Uint8Array, name: string): ReadPackage => {
  try {
    const wb = FastWorkbook.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return readPackage(wb, wb.readSheets(), name);
  } catch (error) {
    return translate(error, name);
  }
};
