/**
 * A domain problem as a value: a code, a location and parameters; the words come from the locale tables
 * (src/workbook/messages, src/hosts/xlsx/fileMessages, src/consolidate/messages, src/print/select). Every code
 * and the parameters its message needs are listed here: a misspelt or unworded code fails the typecheck
 * where the issue is made, and an `IssueOf<code>` must carry that code's parameters.
 */

export type Severity = "error" | "warning";

type Value = string | number;
type NoParams = Record<string, never>;

/** Every issue code and the parameters of its message. */
export interface IssueParams {
  // The workbook's contract (src/workbook/messages)
  "empty-workbook": NoParams;
  "missing-tab": { tab: Value };
  "missing-header": { header: Value };
  "missing-setting": { item: Value };
  "bad-unit-type": { value: Value };
  "bad-year": { value: Value };
  "unknown-profile": { value: Value };
  "missing-value": { header: Value };
  "duplicate-window": { firstRow: Value; value: Value };
  "duplicate-staff": { firstRow: Value; value: Value };
  "unknown-window": { value: Value };
  "unknown-staff": { value: Value };
  "bad-role": { value: Value };
  "bad-post": { value: Value };
  "bad-date": { value: Value };
  "impossible-date": { value: Value };
  "date-outside-year": { date: Value; year: Value };
  "unknown-rule": { value: Value };
  "bad-quantity": { value: Value };
  "bad-days": { value: Value };
  "points-not-allowed": { code: Value; value: Value };
  "bad-points": { value: Value };
  "not-a-number": { value: Value };
  "points-out-of-range": { code: Value; max: Value; min: Value; value: Value };
  "bad-verified": { value: Value };
  "unverified-row": { code: Value };
  "staff-window-mismatch": { rosterWindow: Value; staff: Value; window: Value };
  "staff-dates-reversed": { end: Value; start: Value };
  "staff-not-stationed": { date: Value; end: Value; staff: Value; start: Value };
  "staff-not-on-roster-then": { date: Value; spans: Value; staff: Value };
  "staff-rows-overlap": { date: Value; firstRow: Value; value: Value };
  "staff-id-missing": { firstRow: Value; id: Value; value: Value };
  "staff-ambiguous": { candidates: Value; example: Value; value: Value };
  "unknown-staff-suggest": { suggestion: Value; value: Value };
  "quantity-too-large": { max: Value; value: Value };
  "duplicate-tab": { first: Value; second: Value; tab: Value };
  "indicator-name-differs": { expected: Value; id: Value; value: Value };
  "indicator-max-changed": { expected: Value; id: Value; value: Value };
  "rulebook-tab": { detail: Value };
  "duplicate-incident": { firstRow: Value };
  "unknown-indicator": { value: Value };
  "duplicate-indicator": { firstRow: Value; value: Value };
  "indicator-out-of-range": { max: Value; value: Value };
  "missing-indicator": { id: Value };
  "not-reviewed": { id: Value };
  "bad-day-type": { value: Value };
  "bad-period": { value: Value };
  "period-not-in-year": { period: Value; year: Value };
  "bad-case-type": { value: Value };
  "bad-promised-days": { value: Value };
  "bad-satisfaction": { value: Value };
  "completed-before-received": { received: Value; value: Value };
  "duplicate-case": { firstRow: Value; value: Value };
  "instant-case-promised-days": { value: Value };
  "unknown-handler": { value: Value };
  "override-unknown-field": { value: Value };
  "override-unknown-entity": { value: Value };
  "override-unknown-period": { value: Value };
  "override-bad-value": { value: Value };
  "too-many-issues": { count: Value; total: Value };
  "calendar-year-not-covered": { year: Value };
  // Files: sniffing, the size and zip-bomb guard, reading and writing (src/hosts/xlsx/fileMessages)
  "file-empty": { file: Value };
  "file-text": { file: Value };
  "file-xls": { file: Value };
  "file-encrypted": { file: Value };
  "file-cfb": { file: Value };
  "file-xlsm": { file: Value };
  "file-ods": { file: Value };
  "file-not-workbook": { file: Value };
  "file-truncated": { file: Value };
  "file-corrupt": { detail: Value; file: Value };
  "file-unknown": { file: Value };
  "file-not-found": { file: Value };
  "file-not-regular": { file: Value };
  "file-unreadable": { detail: Value; file: Value };
  "file-write-failed": { detail: Value; file: Value };
  "file-features-lost": { features: Value; file: Value };
  "file-too-large": { file: Value; maxMb: Value; sizeMb: Value };
  "file-unzipped-too-large": { file: Value; maxMb: Value };
  "file-too-many-cells": { file: Value; max: Value };
  "file-size-mismatch": { declared: Value; entry: Value; file: Value };
  "file-too-many-rows": { file: Value; max: Value };
  "file-bad-flag-record": { cell: Value; file: Value };
  "file-cell-out-of-grid": { column: Value; file: Value; row: Value; sheet: Value };
  "file-cannot-write": { detail: Value; file: Value; part: Value };
  "file-prefixed-xml": { file: Value };
  "file-bad-xml": { detail: Value; file: Value; part: Value };
  "file-doctype": { file: Value; part: Value };
  "file-bad-cell": { cell: Value; detail: Value; file: Value };
  "file-formula-no-value": { cell: Value; file: Value };
  // County consolidation (src/consolidate/messages)
  "missing-checklist": { tab: Value };
  "not-township": { value: Value };
  "checklist-unknown-indicator": { value: Value };
  "checklist-duplicate-indicator": { id: Value };
  "checklist-missing-indicator": { id: Value };
  "checklist-name-changed": { expected: Value; id: Value; value: Value };
  "checklist-max-changed": { expected: Value; id: Value; value: Value };
  "checklist-not-number": { id: Value; value: Value };
  "checklist-out-of-range": { id: Value; max: Value; value: Value };
  "checklist-no-score": { id: Value };
  "other-year": { expected: Value; value: Value };
  "other-profile": { expected: Value; value: Value };
  "other-rulebook": { expected: Value; expectedVersion: Value; value: Value; valueVersion: Value };
  "duplicate-township": { files: Value; township: Value };
  "file-broken-link": { file: Value };
  "output-is-input": { file: Value };
  "duplicate-township-not-preferred": { files: Value; township: Value };
  "township-unreadable": { file: Value };
  "windows-not-scored": { detail: Value };
  // Printing (src/print/select)
  "print.period-unknown": { period: Value; periods: Value };
  "print.name-unknown": { name: Value; period: Value };
  "print.nothing-selected": { period: Value };
}

export type IssueCode = keyof IssueParams;

/**
 * A problem found while reading or scoring. `code` is one of the codes above; an issue typed as
 * `IssueOf<code>` has its parameters checked against that code.
 */
export interface Issue {
  severity: Severity;
  code: IssueCode;
  sheet?: string;
  row?: number;
  column?: number;
  /** Parameters for the message template, e.g. `{ value: "99.9", max: 5 }`. */
  params?: Readonly<Record<string, Value>>;
}

/** An issue of one code, its parameters as that code's message needs them. */
export type IssueOf<C extends IssueCode> = Issue & { code: C; params: IssueParams[C] };
