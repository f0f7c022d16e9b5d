/** Messages between the standalone page and its workbook worker (structured-cloned; bytes transferred). */
import type { InlineFlag, Issue, RawSheet } from "../../../src/core";
import type { RunOptions, RunOutcome } from "../../../src/pipeline/types";
import type { Progress } from "../../../src/workbook/progress";
import type { SheetModel } from "../../../src/workbook/types";

/** An output tab the worker already holds (from an assessment), or one sent whole. */
export type ModelRef = { assess: number; index: number } | { model: SheetModel };
/** The flags of an assessment the worker holds, or a list sent whole. */
export type FlagsRef = { assess: number } | { list: InlineFlag[] };

export type Request =
  | { kind: "open"; bytes: ArrayBuffer; name: string }
  | { kind: "read" }
  /** `rulebook`: a rulebook file's JSON text, checked by the pane, to score under. */
  | { kind: "assess"; id: number; options: RunOptions; rulebook?: string }
  | { kind: "write"; models: ModelRef[]; flags?: FlagsRef }
  | { kind: "clearFlags" }
  | { kind: "template"; models: SheetModel[] }
  | { kind: "download" };

export interface Answers {
  open: { issues: Issue[]; ok: boolean };
  read: RawSheet[];
  /** The outcome; output tabs too large to be worth copying come with no rows (`stubbed`). */
  assess: { outcome: RunOutcome; stubbed: boolean[] };
  write: null;
  clearFlags: number;
  template: string[];
  download: ArrayBuffer;
}

export interface WireError {
  name: string;
  message: string;
  /** A bilingual error (the pane shows one language). */
  zh?: string;
  en?: string;
}

export type FromWorker =
  | { type: "progress"; seq: number; progress: Progress }
  | { type: "done"; seq: number; value: unknown }
  | { type: "failed"; seq: number; error: WireError };

export type ToWorker = { seq: number; request: Request };
