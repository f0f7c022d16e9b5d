/** Node-only file helpers for the xlsx host: read an input safely, write an output atomically. */
import { promises as fs } from "fs";
import * as path from "path";
import type { Issue } from "../../core";
import { XlsxHost } from "./host";
import { removeStaleTemps, tempPathFor } from "./tempFiles";

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? "";
}

function describe(error: unknown): string {
  const code = errorCode(error);
  return code || (error instanceof Error ? error.message : String(error));
}

/** Reads a file's bytes; a missing or unreadable file is an issue naming it. */
export async function readWorkbookBytes(file: string): Promise<{ bytes?: Uint8Array; issues: Issue[] }> {
  try {
    const stat = await fs.stat(file);
    // A FIFO or device is never opened (reading one would block or never end).
    if (!stat.isFile() && !stat.isDirectory()) {
      return {
        issues: [{ severity: "error", code: "file-not-regular", params: { file: path.basename(file) } }],
      };
    }
    if (!stat.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
    return { bytes: await fs.readFile(file), issues: [] };
  } catch (error) {
    const code = errorCode(error) === "ENOENT" ? "file-not-found" : "file-unreadable";
    const params = { file: path.basename(file), detail: describe(error) };
    return { issues: [{ severity: "error", code, params }] };
  }
}

/** Reads and opens a workbook file; every failure is an issue naming the file. */
export async function openWorkbookFile(
  file: string,
): Promise<{ host?: XlsxHost; bytes?: Uint8Array; issues: Issue[] }> {
  const read = await readWorkbookBytes(file);
  if (!read.bytes) return read;
  const opened = await XlsxHost.open(read.bytes, path.basename(file));
  return { ...opened, bytes: read.bytes };
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
