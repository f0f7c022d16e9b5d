/** Test helpers: write a print SheetModel with ExcelJS, convert with LibreOffice, read the PDF with poppler. */
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

export function pdfInfo(pdf: string): PdfInfo {
  const text = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)?.[1]);
  const pageSize = /^Page size:\s+([\d.]+ x [\d.]+)/m.exec(text)?.[1] ?? "";
  return { pages, pageSize };
}

/** Sizes of every page (pdfinfo -f 1 -l N prints one line per page). */
export function pageSizes(pdf: string, pages: number): string[] {
  const text = execFileSync("pdfinfo", ["-f", "1", "-l", String(pages), pdf], { encoding: "utf8" });
  return [...text.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]);
}

export function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });
}

/** Renders one page to PNG at 60 dpi; returns the file written. */
export function renderPage(pdf: string, page: number, outPrefix: string): string {
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "60",
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    outPrefix,
  ]);
  return `${outPrefix}.png`;
}

export const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "print");
