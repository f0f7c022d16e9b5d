/** The CLI's large-file path: read and write .xlsx packages without loading them into ExcelJS. */
import type { RawSheet } from "../../../workbook/types";
import type { RunOutcome } from "../../../pipeline/types";
import type { Issue } from "../../../core";
import { FastWorkbook, MAX_UNZIPPED_BYTES } from "./fastWorkbook";
import { ZipFormatError, ZipTooLargeError } from "./zip";

export { FastWorkbook } from "./fastWorkbook";

export interface FastScore {
  outcome: RunOutcome;
  /** The scored workbook; undefined when the outcome has errors or only the ExcelJS host can write it. */
  output?: Buffer;
}

/**
 * Scores a package on the large-file path. Undefined when this reader cannot open the bytes, so that the
 * caller's ExcelJS host reports the located problem.
 */
export function scoreFast(
  bytes: Uint8Array,
  fileName: string,
  run: (sheets: RawSheet[]) => RunOutcome,
): FastScore | undefined {
  let wb: FastWorkbook;
  let sheets: RawSheet[];
  try {
    wb = FastWorkbook.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    sheets = wb.readSheets();
  } catch (error) {
    if (error instanceof ZipTooLargeError) {
      // Never hand a zip bomb to ExcelJS, which would inflate it whole.
      const params = { file: fileName, maxMb: MAX_UNZIPPED_BYTES / 2 ** 20 };
      const issue: Issue = { severity: "error", code: "file-unzipped-too-large", params };
      return { outcome: { ok: false, issues: [issue], sheets: [], flags: [] } };
    }
    // Anything this direct reader trips over in a damaged package (bad XML, odd references) goes to the
    // ExcelJS host, which opens it or reports it precisely. Errors after reading are bugs: they propagate.
    return undefined;
  }
  const outcome = run(sheets);
  // The raw grids (and the sheet XML their strings point into) are not needed for writing: let them go.
  sheets = [];
  if (!outcome.ok) return { outcome };
  let output: Buffer | undefined;
  try {
    output = wb.withOutputs(outcome.sheets, outcome.flags);
  } catch (error) {
    // A damaged part read only when writing ([Content_Types].xml, styles): the ExcelJS host decides.
    if (!(error instanceof ZipFormatError || error instanceof ZipTooLargeError)) throw error;
  }
  return output ? { outcome, output } : { outcome };
}
