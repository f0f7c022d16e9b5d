import type { InlineFlag, Issue, Locale, PeriodId, RawSheet } from "../core";
import type { AssessmentInput, AssessmentResult } from "../engine/types";
import type { SheetModel } from "../workbook/types";

export interface RunOptions {
  /** Restrict output to one month, quarter or the year; all periods when absent. */
  period?: PeriodId;
  /** Overrides the workbook's 规则版本. */
  profile?: string;
  /** The day of the run (`YYYY-MM-DD`): open cases count as overdue up to it. Default: the year's end. */
  asOf?: string;
  /** When the outputs are made (`YYYY-MM-DD HH:MM`, local), recorded with them; empty when absent. */
  producedAt?: string;
  /** The language a 考核规则 tab's problems are worded in (the rulebook loader words them as it finds them). */
  locale?: Locale;
}

export interface RunOutcome {
  /** False when any issue is an error: then nothing may be written. */
  ok: boolean;
  input?: AssessmentInput;
  result?: AssessmentResult;
  issues: Issue[];
  /** Output tabs (窗口考核结果, 人员考核结果, 镇街考核结果, 考核明细, 办件统计 …). */
  sheets: SheetModel[];
  flags: InlineFlag[];
  /** The one period the outputs were restricted to (RunOptions.period, normalised). */
  period?: PeriodId;
  /** Fingerprint of the input tabs the outputs came from (see fingerprint.ts). */
  fingerprint?: string;
}

/** The whole pure pipeline: RawSheet[] → parse → engine → render. Implemented in ./run.ts. */
export type RunAssessment = (sheets: RawSheet[], options?: RunOptions) => RunOutcome;
