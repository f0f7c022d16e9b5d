/** Shared by the parser tests: parse with the built-in profiles, recording every issue code seen. */
import type { Issue, RawSheet } from "../../src/core";
import { builtinProfiles } from "../../src/pipeline/profiles";
import { cellAddress } from "../../src/workbook/cells";
import { parseWorkbook } from "../../src/workbook/parseWorkbook";
import { workbook, type WorkbookSpec } from "./factory";

export const seenCodes = new Set<string>();

export const parse = (sheets: RawSheet[]) => {
  const out = parseWorkbook(sheets, builtinProfiles);
  out.issues.forEach((i) => seenCodes.add(i.code));
  return out;
};

export const where = (i: Issue) => (i.sheet ? cellAddress(i.sheet, i.row, i.column) : "");
export const summary = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${where(i)}`);

/** The one error of a workbook, as `code sheet!cell`. */
export function onlyError(spec: WorkbookSpec | RawSheet[]) {
  const out = parse(Array.isArray(spec) ? spec : workbook(spec));
  expect(out.input).toBeUndefined();
  const errors = out.issues.filter((i) => i.severity === "error");
  expect(errors).toHaveLength(1);
  return `${errors[0]!.code} ${where(errors[0]!)}`;
}
