/** Public surface of the workbook contract. */
export * from "./types";
export { foldWidth, toSimplified, cleanText, matchKey } from "./text";
export { columnLetter, cellRef, cellAddress, cellAt, cellText, isBlank, isBlankRow } from "./cells";
export { parseDate, dateFromSerial, dateFromText, isValidYmd, type DateParse } from "./dates";
export { parseInteger, parseTenths, isNumeric } from "./numbers";
export { findTab, readHeader, dataRows, type DataRow, type HeaderMap } from "./headers";
export * from "./schema";
export { codeMatcher, type ContractProfile, type ContractRule, type ProfileResolver } from "./profile";
export { parseWorkbook, capIssues, type ParseOptions, type WorkbookParse } from "./parseWorkbook";
export { normalizePeriod } from "./parse/extras";
export { parseVerified } from "./parse/incidents";
export { formatIssue, issueText, MESSAGES } from "./messages";
export {
  renderResults,
  OUTPUT_TABS,
  WINDOW_COLUMNS,
  STAFF_COLUMNS,
  TOWNSHIP_COLUMNS,
  AUDIT_COLUMNS,
  TOWNSHIP_INDICATORS,
  type RenderOptions,
} from "./render/results";
export { formatReason, formatSources, reasonsCell, pointsCell } from "./render/format";
