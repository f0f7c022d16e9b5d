/**
 * The hosts read a workbook another program wrote: both examples re-saved by LibreOffice (its own cell
 * types, shared strings, date serials and styles) score exactly as the originals written by ExcelJS,
 * through the xlsx host, the large-file reader and the Excel host (emulated, seeded from LibreOffice's file).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { FastWorkbook } from "../../src/hosts/xlsx/fast";
import { runAssessment } from "../../src/pipeline";
import type { RunOutcome } from "../../src/pipeline/types";
import type { RawSheet } from "../../src/core";
import { emulatedHost } from "../emulation/excel/host";
import { seedsFromXlsx } from "../emulation/excel/fromExcelJs";

const EXAMPLES = ["county-2025.xlsx", "township-2025.xlsx"].map((name) =>
  path.join(__dirname, "../../examples", name),
);

/** Both examples opened and saved as .xlsx by LibreOffice (one run, its own profile). */
function resavedByLibreOffice(): Map<string, Uint8Array> {
  const outDir = mkdtempSync(path.join(tmpdir(), "kaohe-lo-xlsx-"));
  const profile = mkdtempSync(path.join(tmpdir(), "kaohe-lo-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...EXAMPLES,
    ],
    { stdio: "pipe", timeout: 300000 },
  );
  return new Map(
    EXAMPLES.map((file) => [file, new Uint8Array(readFileSync(path.join(outDir, path.basename(file))))]),
  );
}

/** What a scoring run read and decided: the parsed input, every result, flag and issue. */
const decisions = (outcome: RunOutcome) => ({
  ok: outcome.ok,
  input: outcome.input,
  result: outcome.result,
  flags: outcome.flags,
  issues: outcome.issues,
});

const readers: [string, (bytes: Uint8Array) => Promise<RawSheet[]>][] = [
  ["the xlsx host (ExcelJS)", async (bytes) => (await XlsxHost.fromBuffer(bytes)).readSheets()],
  ["the large-file reader", async (bytes) => FastWorkbook.fromBuffer(Buffer.from(bytes)).readSheets()],
  [
    "the Excel host (emulated)",
    async (bytes) => emulatedHost({ sheets: await seedsFromXlsx(bytes) }).host.readSheets(),
  ],
];

let resaved: Map<string, Uint8Array>;
beforeAll(() => {
  resaved = resavedByLibreOffice();
});

describe.each(EXAMPLES.map((file) => [path.basename(file), file]))(
  "%s re-saved by LibreOffice",
  (_name, file) => {
    it("is a different package from the original (LibreOffice really wrote it)", () => {
      expect(Buffer.from(resaved.get(file)!).equals(readFileSync(file))).toBe(false);
    });

    it.each(readers)("scores the same through %s", async (_reader, read) => {
      const original = runAssessment(
        await (await XlsxHost.fromBuffer(new Uint8Array(readFileSync(file)))).readSheets(),
      );
      expect(original.ok).toBe(true);
      const outcome = runAssessment(await read(resaved.get(file)!));
      expect(decisions(outcome)).toEqual(decisions(original));
    });
  },
);
