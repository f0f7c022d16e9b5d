/**
 * LibreOffice headless for benchmarks: a private profile whose registrymodifications.xcu sets whether
 * .xlsx formulas are recalculated on load (LibreOffice 7.4 has no command-line switch for it), and a
 * timed export of one sheet to CSV.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { runProcess, type ProcessRun } from "../lib/measure";

export const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) =>
  existsSync(p),
);

/** OOXMLRecalcMode: 0 = always recalculate on load, 1 = never (LibreOffice's default for .xlsx). */
export function makeProfile(recalc: boolean): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kaohe-bench-lo-"));
  mkdirSync(path.join(dir, "user"), { recursive: true });
  writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc ? 0 : 1}</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

export interface CsvExport {
  run: ProcessRun;
  /** The CSV's rows split on commas (the data has no commas or quotes), undefined when none was written. */
  rows?: string[][];
}

/** Converts sheet `sheet` (1-based) of `file` to CSV with the given profile; wall time includes start-up. */
export async function exportSheetCsv(
  file: string,
  sheet: number,
  profile: string,
  timeoutMs: number,
): Promise<CsvExport> {
  if (!SOFFICE) throw new Error("soffice not found (Debian package libreoffice-calc-nogui)");
  const outdir = mkdtempSync(path.join(os.tmpdir(), "kaohe-bench-csv-"));
  // Filter options: separator, quote, UTF-8, first line, …, the 12th field is the sheet number.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`;
  const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter];
  const run = await runProcess(SOFFICE, [...args, "--outdir", outdir, file], { timeoutMs });
  const csv = readdirSync(outdir).find((f) => f.endsWith(".csv"));
  if (!csv) return { run };
  const text = readFileSync(path.join(outdir, csv), "utf8");
  return { run, rows: text.split(/\r?\n/).map((line) => line.split(",")) };
}
