/**
 * Several outputs of one command (print's .xlsx and PDF): all of them or none. Every file is first
 * written in full to a temp file beside its target (a full disk fails here, before any target
 * changes); then each is renamed into place. Should a rename fail, the targets already replaced are put
 * back as they were (the previous file is kept as a hard link until the end), so the outcome is still
 * all or none; only if that also fails is the caller told exactly which files now hold new content.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { removeStaleTemps, tempPathFor } from "../hosts/xlsx/tempFiles";

export interface Output {
  file: string;
  bytes: Uint8Array;
}

export class WriteAllError extends Error {
  constructor(
    /** The target being written when it failed. */
    readonly file: string,
    readonly reason: unknown,
    /** Targets that hold new content despite the failure (empty when none does). */
    readonly written: string[],
  ) {
    super(`cannot write ${file}: ${(reason as NodeJS.ErrnoException)?.code ?? String(reason)}`);
  }
}

interface Staged extends Output {
  tmp: string;
  backup?: string;
}

async function stage(outputs: readonly Output[]): Promise<Staged[]> {
  const staged: Staged[] = [];
  try {
    for (const o of outputs) {
      await fs.mkdir(path.dirname(o.file), { recursive: true }).catch((error: unknown) => {
        throw new WriteAllError(o.file, error, []);
      });
      await removeStaleTemps(o.file);
      const s: Staged = { ...o, tmp: tempPathFor(o.file) };
      staged.push(s);
      await fs.writeFile(s.tmp, o.bytes, { flag: "wx" }).catch((error: unknown) => {
        throw new WriteAllError(o.file, error, []);
      });
    }
    return staged;
  } catch (error) {
    await Promise.all(staged.map((s) => fs.rm(s.tmp, { force: true })));
    throw error;
  }
}

/** Links (else copies) an existing target to `backup`; false when there is no target. */
async function keepPrevious(file: string, backup: string): Promise<boolean> {
  try {
    await fs.link(file, backup);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    // A file system without hard links: a copy keeps the previous content just as well.
    try {
      await fs.copyFile(file, backup);
      return true;
    } catch (copyError) {
      throw new WriteAllError(file, copyError, []);
    }
  }
}

/** Writes every output, or none; @throws WriteAllError naming the failing file and what was written. */
export async function writeAllOrNothing(outputs: readonly Output[]): Promise<void> {
  const staged = await stage(outputs);
  const done: Staged[] = [];
  try {
    for (const s of staged) {
      // Keep the previous file (if any) reachable, to put it back should a later rename fail.
      const backup = s.tmp.replace(/\.tmp$/, ".previous.tmp");
      if (await keepPrevious(s.file, backup)) s.backup = backup;
      try {
        await fs.rename(s.tmp, s.file);
      } catch (error) {
        throw new WriteAllError(s.file, error, []);
      }
      done.push(s);
    }
  } catch (error) {
    const stuck: string[] = [];
    for (const s of done.reverse()) {
      const undone = s.backup ? fs.rename(s.backup, s.file) : fs.rm(s.file, { force: true });
      if (
        !(await undone.then(
          () => true,
          () => false,
        ))
      )
        stuck.push(s.file);
    }
    await Promise.all(
      staged
        .flatMap((s) => [s.tmp, s.tmp.replace(/\.tmp$/, ".previous.tmp")])
        .map((f) => fs.rm(f, { force: true })),
    );
    const e = error as WriteAllError;
    throw new WriteAllError(e.file, e.reason, stuck);
  }
  await Promise.all(done.map((s) => (s.backup ? fs.rm(s.backup, { force: true }) : undefined)));
}
