/** Test helpers: write a print SheetModel with ExcelJS, convert with LibreOffice, read the PDF with pdf.js. */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { inflateRawSync } from "zlib";
import { XlsxHost } from "../../src/hosts/xlsx";
import { entryData, readZipDirectory } from "../../src/hosts/xlsx/guard";
import type { SheetModel } from "../../src/workbook/types";

export function tempDir(prefix = "kaohe-print-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes the print sheet through the real xlsx host (values, then the print layout). */
export async function writePrintWorkbook(file: string, sheet: SheetModel): Promise<void> {
  const host = XlsxHost.empty();
  await host.writeOutputs([sheet], []);
  fs.writeFileSync(file, await host.toBuffer());
}

/** One file of the .xlsx zip as text (e.g. `xl/worksheets/sheet1.xml`). */
export function zipText(bytes: Uint8Array, name: string): string {
  const entry = readZipDirectory(bytes)?.find((e) => e.name === name);
  const data = entry && entryData(bytes, entry);
  if (!entry || !data) throw new Error(`no ${name} in the zip`);
  return (entry.method === 0 ? Buffer.from(data) : inflateRawSync(data)).toString("utf8");
}

/** `soffice --convert-to pdf` with a profile of its own; returns the PDF path. */
export function sofficePdf(xlsx: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-lo-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      xlsx,
    ],
    { stdio: "pipe", timeout: 120000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  return path.join(outDir, path.basename(xlsx).replace(/\.xlsx$/, ".pdf"));
}

export interface PdfInfo {
  pages: number;
  /** Page size in points, e.g. `595.276 x 841.89`. */
  pageSize: string;
}

interface PdfRead {
  pages: number;
  sizes: string[];
  texts: string[];
  raws: string[];
}

const PDF_READ = path.join(__dirname, "pdfRead.mjs");
const reads = new Map<string, PdfRead>();

/** pdf.js in a child process (it is asynchronous, these helpers are not); one read per file version. */
function readPdf(pdf: string): PdfRead {
  const stat = fs.statSync(pdf);
  const key = `${path.resolve(pdf)}:${stat.mtimeMs}:${stat.size}`;
  let read = reads.get(key);
  if (!read) {
    read = JSON.parse(
      execFileSync(process.execPath, [PDF_READ, pdf], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }),
    ) as PdfRead;
    reads.set(key, read);
  }
  return read;
}

/** Page count and the first page's size, as pdfinfo prints them. */
export function pdfInfo(pdf: string): PdfInfo {
  const { pages, sizes } = readPdf(pdf);
  return { pages, pageSize: sizes[0] ?? "" };
}

/** Sizes of pages 1..pages, as pdfinfo prints them (`595.304 x 841.89`). */
export function pageSizes(pdf: string, pages: number): string[] {
  return readPdf(pdf).sizes.slice(0, pages);
}

/** One page's text laid out in lines and columns, like `pdftotext -layout` (compare without spaces). */
export function pageText(pdf: string, page: number): string {
  const text = readPdf(pdf).texts[page - 1];
  if (text === undefined) throw new Error(`${pdf} has no page ${page}`);
  return text;
}

/** One page's text in the order the page draws it, like plain `pdftotext`: a wrapped cell's lines stay together. */
export function pageRawText(pdf: string, page: number): string {
  const text = readPdf(pdf).raws[page - 1];
  if (text === undefined) throw new Error(`${pdf} has no page ${page}`);
  return text;
}

/** Renders one page to PNG at 60 dpi with pdf.js; returns the file written. */
export function renderPage(pdf: string, page: number, outPrefix: string): string {
  const png = `${outPrefix}.png`;
  execFileSync(process.execPath, [PDF_READ, pdf, "--render", String(page), png, "60"], { stdio: "pipe" });
  return png;
}

export const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "print");
