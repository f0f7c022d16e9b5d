/**
 * `kaohe consolidate --out` against the inputs: a township's file is never overwritten. An input named
 * on the command line (by any path: relative, through a link, a hard link) is refused; the output of a
 * previous run lying in an input folder (only 县汇总_ tabs) is replaced and never read as a township.
 */
import { promises as fs } from "fs";
import { checkFileSize, guardXlsx } from "../hosts/xlsx/guard";
import { sameFile } from "../hosts/xlsx/files";
import { XlsxHost } from "../hosts/xlsx/host";
import { PROBLEMS_TAB, RANKING_TAB, WINDOWS_TAB } from "../consolidate/render";

const COUNTY_TABS = new Set([RANKING_TAB, PROBLEMS_TAB, WINDOWS_TAB]);

/** True when the file is a county workbook this command wrote: its tabs are 县汇总_ tabs only. */
async function isCountyOutput(file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile() || checkFileSize(stat.size, file)) return false;
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (!bytes || (await guardXlsx(bytes, file))) return false;
  const opened = await XlsxHost.open(bytes, file);
  const names = opened.host ? (await opened.host.readSheets()).map((s) => s.name) : [];
  return names.length > 0 && names.every((n) => COUNTY_TABS.has(n));
}

export type OutputClash =
  { kind: "none" } | { kind: "input"; file: string } | { kind: "previous-output"; file: string };

/**
 * Whether `out` is one of `files` (the expanded inputs). `named` are the paths given on the command line:
 * an input named there is always refused, whatever it holds.
 */
export async function outputClash(
  out: string,
  files: readonly string[],
  named: readonly string[],
): Promise<OutputClash> {
  for (const file of files) {
    if (!(await sameFile(file, out))) continue;
    const explicit = await Promise.all(named.map((n) => sameFile(n, out)));
    if (!explicit.some(Boolean) && (await isCountyOutput(file))) return { kind: "previous-output", file };
    return { kind: "input", file };
  }
  return { kind: "none" };
}
