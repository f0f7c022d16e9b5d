/**
 * RawSheets of a big workbook for in-process engine timings. Read with the xlsx host's direct XML reader
 * (src/hosts/xlsx/fast), falling back to the ExcelJS host. Not ExcelJS's streaming reader: it splits
 * multi-byte characters at chunk boundaries (exceljs issue 2084), turning e.g. 人员0447 into ��员0447.
 */
import { readFileSync } from "fs";
import type { RawSheet } from "../../src/core";

export async function readRawSheets(file: string): Promise<{ sheets: RawSheet[]; reader: string }> {
  const bytes = readFileSync(file);
  try {
    // Imported lazily: the large-file path may be mid-change while benchmarks run.
    const { FastWorkbook } = await import("../../src/hosts/xlsx/fast/fastWorkbook");
    return { sheets: FastWorkbook.fromBuffer(bytes).readSheets(), reader: "direct XML reader" };
  } catch (error) {
    process.stderr.write(`bench: direct XML reader failed (${String(error)}); using the ExcelJS host\n`);
    const { XlsxHost } = await import("../../src/hosts/xlsx");
    return { sheets: await (await XlsxHost.fromBuffer(bytes)).readSheets(), reader: "ExcelJS host" };
  }
}
