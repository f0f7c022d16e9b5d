/**
 * Browser-safe entry (no `fs`): township .xlsx files as bytes → county result and output tabs.
 * Each file is size-checked, sniffed, zip-bomb-guarded, read and checked on its own; one bad file
 * never stops the others. The task pane and the standalone page call this; the CLI too.
 */
import type { Issue, Locale, RawSheet } from "../../core";
import { checkFileSize, DEFAULT_GUARD_LIMITS, type GuardLimits } from "./guard";
import { openWorkbook, type LargeFileReader } from "./open";
import { getProfile } from "../../rules";
import type { SheetModel } from "../../workbook/types";
import { consolidate } from "../../consolidate/consolidate";
import { renderCounty } from "../../consolidate/render";
import { readTownship } from "../../consolidate/township";
import { pipelineWindowScorer } from "../../consolidate/windows";
import type {
  ConsolidateOptions,
  CountyResult,
  Problem,
  ProfileLookup,
  TownshipFile,
  WindowScorer,
} from "../../consolidate/types";

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
  /** Problems found before reading (e.g. by a Node caller that saw the size on disk): the bytes are not read. */
  issues?: Issue[];
}

export type { WindowScorer } from "../../consolidate/types";

export interface ConsolidateFilesOptions extends ConsolidateOptions {
  locale?: Locale;
  limits?: GuardLimits;
  /** The large-file reader (Node); without it ExcelJS reads, as in the browser. */
  largeFile?: LargeFileReader;
  profiles?: ProfileLookup;
  /** Scores the township's own windows when its workbook has any; default ./windows (false: skip). */
  scoreWindows?: WindowScorer | false;
}

export interface ConsolidateFilesOutcome {
  result: CountyResult;
  sheets: SheetModel[];
  problems: Problem[];
}

/** Bytes → sheets through the one `openWorkbook`; any failure becomes issues naming the file. */
async function readFile(
  file: NamedBytes,
  limits: GuardLimits,
  largeFile?: LargeFileReader,
): Promise<{ sheets?: RawSheet[]; issues: Issue[] }> {
  const tooBig = checkFileSize(file.bytes.byteLength, file.name, limits);
  if (tooBig) return { issues: [tooBig] };
  const opened = await openWorkbook(file.bytes, file.name, { limits, ...(largeFile ? { largeFile } : {}) });
  if (!opened.workbook) return { issues: opened.issues };
  return { sheets: opened.workbook.sheets, issues: [] };
}

async function readOne(
  file: NamedBytes,
  options: ConsolidateFilesOptions,
  lookup: ProfileLookup,
): Promise<TownshipFile> {
  if (file.issues?.length) return { file: file.name, issues: file.issues };
  const { sheets, issues } = await readFile(file, options.limits ?? DEFAULT_GUARD_LIMITS, options.largeFile);
  if (!sheets) return { file: file.name, issues };
  const township = readTownship(file.name, sheets, lookup);
  const scoreWindows = options.scoreWindows ?? defaultScorer();
  if (scoreWindows && township.settings && !township.issues.some((i) => i.severity === "error")) {
    const scored = scoreWindows(sheets, township.settings.year);
    if (scored.windows.length) township.windows = scored.windows;
    township.issues.push(...scored.issues);
  }
  return township;
}

let scorer: WindowScorer | undefined;
function defaultScorer(): WindowScorer {
  scorer ??= pipelineWindowScorer();
  return scorer;
}

/** The profile view consolidation needs, from the built-in rules profiles. */
export const builtInProfiles: ProfileLookup = (id) => getProfile(id);

/**
 * Consolidates township workbooks given as bytes. Files are read one after another; given an async
 * iterable (as the Node helper yields), memory holds one workbook at a time.
 */
export async function consolidateFiles(
  files: Iterable<NamedBytes> | AsyncIterable<NamedBytes>,
  options: ConsolidateFilesOptions = {},
): Promise<ConsolidateFilesOutcome> {
  const lookup = options.profiles ?? builtInProfiles;
  const read: TownshipFile[] = [];
  const seen = new Map<string, number>();
  for await (const given of files) {
    // Two picked files may share a name (from different folders): keep them apart.
    const n = (seen.get(given.name) ?? 0) + 1;
    seen.set(given.name, n);
    const file = n === 1 ? given : { ...given, name: `${given.name} (${n})` };
    read.push(await readOne(file, options, lookup));
  }
  const result = consolidate(read, lookup, options);
  return { result, sheets: renderCounty(result, options.locale), problems: result.problems };
}
