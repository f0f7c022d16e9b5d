// Printing at county scale: 500 staff forms in one run, from a synthetic county-year workbook.
// Prints one Markdown section; bench/run.js collects it into docs/performance.md.
import fs from "fs";
import os from "os";
import path from "path";
import { convertToPdf, findSoffice } from "../src/cli/print";
import { XlsxHost } from "../src/hosts/xlsx";
import { runAssessment } from "../src/pipeline";
import { buildPrintSheetWithIndex } from "../src/print";
import { pdfInfo } from "../test/print/support";
import { writeSyntheticWorkbook } from "./lib/synth";

declare const gc: (() => void) | undefined;

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  if (typeof gc === "function") gc();
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-bench-print-"));
  const file = path.join(dir, "county.xlsx");
  await writeSyntheticWorkbook(file, { incidents: 5000, windows: 100, staff: 500, cases: 0 });
  const host = await XlsxHost.fromBuffer(fs.readFileSync(file));
  const outcome = runAssessment(await host.readSheets(), { period: "2025-Q1" });
  if (!outcome.ok || !outcome.result || !outcome.input)
    throw new Error(`pipeline failed: ${outcome.issues[0]?.code}`);
  const { result, input } = outcome;
  const options = { period: "2025-Q1", who: "staff" as const };

  buildPrintSheetWithIndex(result, input, options); // warm-up
  const runs: number[] = [];
  let built = buildPrintSheetWithIndex(result, input, options);
  for (let i = 0; i < 5; i++) {
    const r = await timed(() => buildPrintSheetWithIndex(result, input, options));
    runs.push(r.ms);
    built = r.value;
  }
  runs.sort((a, b) => a - b);
  const { sheet, entities } = built;
  const pages = sheet.pageSetup!.rowBreaks.length + 1;

  const write = await timed(async () => {
    const out = XlsxHost.empty();
    await out.writeOutputs([sheet], []);
    return out.toBuffer();
  });

  const lines = [
    "## Printing",
    "",
    `The steps of \`kaohe print --who staff\` on a synthetic county year (100 windows, 500 staff, 5,000`,
    `incidents), period 2025-Q1: ${entities.length} forms, ${sheet.rows.length.toLocaleString("en")} rows,`,
    `${pages} A4 pages planned by the builder (the PDF line shows how many LibreOffice printed). The machine is`,
    "shared with other jobs, so times vary by a factor of about two between runs.",
    "",
    "| step | time |",
    "|---|---|",
    `| build the 打印_考核表 SheetModel (pure; median of 5) | ${fmt(runs[2]!)} |`,
    `| write it with ExcelJS + print layout (xlsx bytes, ${(write.value.byteLength / 1e6).toFixed(1)} MB) | ${fmt(write.ms)} |`,
  ];
  const soffice = await findSoffice();
  if (soffice) {
    const pdf = await timed(() => convertToPdf(soffice, write.value));
    const pdfFile = path.join(dir, "print.pdf");
    fs.writeFileSync(pdfFile, pdf.value);
    const pdfPages = pdfInfo(pdfFile).pages;
    lines.push(
      `| LibreOffice headless → PDF (${pdfPages} pages, ${(pdf.value.byteLength / 1e6).toFixed(1)} MB) | ${fmt(pdf.ms)} |`,
    );
  } else {
    lines.push("| LibreOffice headless → PDF | not measured (soffice not installed) |");
  }
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
