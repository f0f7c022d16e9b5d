/** Node-only helpers: expand folders into township files and read them with the size bound applied first. */
import { promises as fs } from "fs";
import * as path from "path";
import { checkFileSize, DEFAULT_GUARD_LIMITS, type GuardLimits } from "../hosts/xlsx/guard";
import type { NamedBytes } from "./files";

// In a folder, these are taken (others are not workbooks); `~$` lock files of open workbooks are skipped.
const WORKBOOK_LIKE = /\.(xlsx|xlsm|xls|csv)$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (
      e.isFile() &&
      WORKBOOK_LIKE.test(e.name) &&
      !e.name.startsWith("~$") &&
      !e.name.startsWith(".")
    ) {
      out.push(full);
    }
  }
}

/** Files named on the command line, folders expanded recursively (sorted); missing paths are returned apart. */
export async function expandPaths(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (!stat) missing.push(p);
    else if (stat.isDirectory()) await walk(p, files);
    else files.push(p);
  }
  return { files: [...new Set(files.map((f) => path.resolve(f)))], missing };
}

/** Display names: the base name, or the path relative to `cwd` when two files share a base name. */
function displayNames(files: readonly string[], cwd: string): string[] {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(path.basename(f), (counts.get(path.basename(f)) ?? 0) + 1);
  return files.map((f) => (counts.get(path.basename(f))! > 1 ? path.relative(cwd, f) : path.basename(f)));
}

/**
 * Yields each file's bytes, one at a time, unless it is over the size bound (then only the problem,
 * nothing read) or unreadable.
 */
export async function* readNamedFiles(
  files: readonly string[],
  cwd: string,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
): AsyncGenerator<NamedBytes> {
  const names = displayNames(files, cwd);
  for (let i = 0; i < files.length; i++) {
    const name = names[i]!;
    const stat = await fs.stat(files[i]!).catch(() => undefined);
    const tooBig = stat && checkFileSize(stat.size, name, limits);
    if (tooBig) {
      yield { name, bytes: new Uint8Array(0), issues: [tooBig] };
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(files[i]!);
    } catch (error) {
      const detail = (error as NodeJS.ErrnoException).code ?? String(error);
      const issue = {
        severity: "error" as const,
        code: "file-unreadable" as const,
        params: { file: name, detail },
      };
      yield { name, bytes: new Uint8Array(0), issues: [issue] };
      continue;
    }
    yield { name, bytes };
  }
}
