/** A domain problem as a value: a code, a location and parameters; the words come from the locale tables. */

export type Severity = "error" | "warning";

export interface Issue {
  severity: Severity;
  code: string;
  sheet?: string;
  row?: number;
  column?: number;
  /** Parameters for the message template, e.g. `{ value: "99.9", max: 5 }`. */
  params?: Record<string, string | number>;
}
