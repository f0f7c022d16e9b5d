/** Node-only file helpers for the xlsx host: read an input safely, write an output atomically. */
import { promises as fs } from "fs";
import * as path from "path";
import type { Issue } from "../../core";
import { removeStaleTemps, tempPathFor } from "./tempFiles";
import { streamedFileReader } from "./fast/openStreamed";
import { checkFileSize, DEFAULT_GUARD_LIMITS, type GuardLimits } from "./guard";
import { openWorkbook, type OpenedWorkbook } from "./open";

/** The CLI reads county-scale files: ExcelJS (when it must load one) gets more room than the page. */
export const CLI_LIMITS: GuardLimits = {
  maxFileBytes: 200 * 2 ** 20,
  maxUnzippedBytes: 2 ** 30,
  maxCells: 20_000_000,
  // A sheet of 1,048,576 formatted empty rows costs ExcelJS gigabytes: refused by name instead.
  maxRows: 1_000_000,
};

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? "";
}

function describe(error: unknown): string {
  const code = errorCode(error);
  return code || (error instanceof Error ? error.message : String(error));
}

/**
 * Reads a file's bytes; a missing or unreadable file is an issue naming it, and so is one larger than
 * `limits` allow (checked on its size before a byte is read).
 */
export async function readWorkbookBytes(
  file: string,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
): Promise<{ bytes?: Uint8Array; issues: Issue[] }> {
  try {
    const stat = await fs.stat(file);
    // A FIFO or device is never opened (reading one would block or never end).
    if (!stat.isFile() && !stat.isDirectory()) {
      return {
        issues: [{ severity: "error", code: "file-not-regular", params: { file: path.basename(file) } }],
      };
    }
    if (!stat.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
    const tooBig = checkFileSize(stat.size, path.basename(file), limits);
    if (tooBig) return { issues: [tooBig] };
    return { bytes: await fs.readFile(file), issues: [] };
  } catch (error) {
    const code = errorCode(error) === "ENOENT" ? "file-not-found" : "file-unreadable";
    const params = { file: path.basename(file), detail: describe(error) };
    return { issues: [{ severity: "error", code, params }] };
  }
}

/** Reads and opens a workbook file (large-file reader first); every failure is an issue naming the file. */
export async function openWorkbookFile(
  file: string,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
): Promise<{ workbook?: OpenedWorkbook; issues: Issue[] }> {
  const read = await readWorkbookBytes(file, limits);
  if (!read.bytes) return read;
  return openWorkbook(read.bytes, path.basename(file), {
    largeFile: streamedFileReader,
    limits,
    guard: "before-exceljs",
  });
}

/**
 * Writes bytes to a temporary file beside the target, then renames it into place, so a failure never
 * leaves a half-written file; temp files of killed earlier runs are removed first. Without `overwrite`,
 * an existing target is never replaced (a hard link from the temp file fails atomically if the target
 * appeared meanwhile).
 * @throws the file-system error (EEXIST when the target exists and overwrite is false).
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, overwrite: boolean): Promise<void> {
  await removeStaleTemps(target);
  const tmp = tempPathFor(target);
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    if (overwrite) {
      await fs.rename(tmp, target);
    } else {
      await fs.link(tmp, target);
      await fs.unlink(tmp);
    }
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

/** `<dir>/<name>.scored.xlsx` beside the input. */
export function defaultOutputPath(input: string, suffix = ".scored.xlsx"): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}${suffix}`);
}

/** True when both paths name the same file (so an output never replaces its input). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
