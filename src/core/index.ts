/** The shared kernel every layer may import: dates, periods, sources, issues, locales, inline flags, raw sheets. */
export type { IsoDate, PeriodId, SourceRef, Locale, InlineFlag, CellValue, RawSheet } from "./types";
export type { Issue, IssueCode, IssueOf, IssueParams, Severity } from "./issues";
export * from "./periods";
export * from "./flagRecord";
