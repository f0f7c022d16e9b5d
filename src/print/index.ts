export { buildPrintSheet, buildPrintSheetWithIndex, type PrintedEntity } from "./buildPrintSheet";
export { selectForPrint, describePrintIssue, PrintSelectionError } from "./select";
export type { PrintOptions, PrintSelection, PrintWho } from "./select";
export { formatPeriod, formatPoints } from "./format";
export { PRINT_SHEET_NAME, PRINT_FONT } from "./styles";
export { printLabels, type PrintLabels } from "./labels";
export { printHtml } from "./html";
export {
  measureRequests,
  measuredRows,
  canMeasureRows,
  type MeasureRequest,
  type RowMeasuringHost,
} from "./measured";
