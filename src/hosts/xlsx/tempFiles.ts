/**
 * Temporary files beside an output (same folder, so the final rename is atomic): `.name.<pid>.<ms>.tmp`
 * (and `.name.<pid>.<ms>.previous.tmp`, a link to the file being replaced while several are written).
 * A run killed between writing and renaming leaves one behind; the next write to the same output removes
 * those whose process is gone (or that are over an hour old), so partial files never pile up.
 */
import { promises as fs } from "fs";
import * as path from "path";

const STALE_MS = 60 * 60 * 1000;

/** A fresh temp path beside `target`, named after it and this process. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the temp files of earlier, dead runs for `target`; never throws. Returns how many it removed. */
export async function removeStaleTemps(target: string, now = Date.now()): Promise<number> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.(\d+)(?:\.previous)?\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (!stat?.isFile()) continue;
    if (pid !== process.pid && (!processAlive(pid) || now - stat.mtimeMs > STALE_MS)) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
