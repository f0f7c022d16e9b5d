/** Node-only helpers: expand folders into township files and read them with the size bound applied first. */
import { promises as fs } from "fs";
import * as path from "path";
import { checkFileSize, DEFAULT_GUARD_LIMITS, type GuardLimits } from "./guard";
import type { NamedBytes } from "./consolidateFiles";

// In a folder, these are taken (others are not workbooks); `~$` lock files of open workbooks are skipped.
const WORKBOOK_LIKE = /\.(xlsx|xlsm|xls|csv)$/i;

/** A path that is not read, and why: it does not exist, it is a link to nothing, or not a regular file. */
export interface RefusedPath {
  path: string;
  code: "file-not-found" | "file-broken-link" | "file-not-regular";
}

export interface ExpandedPaths {
  /** Regular files (symbolic links followed), resolved, sorted within each folder, each once. */
  files: string[];
  /** Paths named on the command line that do not exist. */
  missing: string[];
  /** Links to nothing, FIFOs, sockets and devices: reported by name, never opened (a FIFO would block). */
  refused: RefusedPath[];
}

const isWorkbookName = (name: string): boolean =>
  WORKBOOK_LIKE.test(name) && !name.startsWith("~$") && !name.startsWith(".");

/**
 * Lists a folder recursively. Symbolic links are followed (a township file is often a link into a
 * shared folder); a folder reached twice (a link loop) is walked once. Only `stat` is used before a
 * file is opened, so a FIFO or device is refused by name and never blocks the run.
 */
async function walk(dir: string, out: ExpandedPaths, seen: Set<string>): Promise<void> {
  const real = await fs.realpath(dir).catch(() => dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    // Links (and entries whose type the file system does not report) are judged by what they lead to.
    const target = e.isDirectory() || e.isFile() ? undefined : await fs.stat(full).catch(() => undefined);
    if (e.isDirectory() || target?.isDirectory()) await walk(full, out, seen);
    else if (!isWorkbookName(e.name)) continue;
    else if (e.isFile() || target?.isFile()) out.files.push(full);
    else if (target) out.refused.push({ path: full, code: "file-not-regular" });
    else out.refused.push({ path: full, code: e.isSymbolicLink() ? "file-broken-link" : "file-not-found" });
  }
}

/**
 * Files named on the command line, folders expanded recursively (sorted). Anything named that is not a
 * regular file or folder (a FIFO, a device, a link to nothing) is refused by name, whatever its name.
 */
export async function expandPaths(paths: readonly string[]): Promise<ExpandedPaths> {
  const out: ExpandedPaths = { files: [], missing: [], refused: [] };
  const seen = new Set<string>();
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (!stat) {
      const link = await fs.lstat(p).catch(() => undefined);
      if (link?.isSymbolicLink()) out.refused.push({ path: p, code: "file-broken-link" });
      else out.missing.push(p);
    } else if (stat.isDirectory()) await walk(p, out, seen);
    else if (stat.isFile()) out.files.push(p);
    else out.refused.push({ path: p, code: "file-not-regular" });
  }
  // One file reached twice (named twice, or a link beside its target) is read once, by its first name.
  const byReal = new Map<string, string>();
  for (const f of out.files.map((f) => path.resolve(f))) {
    const real = await fs.realpath(f).catch(() => f);
    if (!byReal.has(real)) byReal.set(real, f);
  }
  out.files = [...byReal.values()];
  return out;
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
