/** The shared kernel every layer may import: dates, periods, sources, issues, locales, inline flags. */
export type { IsoDate, PeriodId, SourceRef, Locale, InlineFlag } from "./types";
export type { Issue, IssueCode, IssueOf, IssueParams, Severity } from "./issues";
export * from "./periods";
export * from "./flagRecord";
