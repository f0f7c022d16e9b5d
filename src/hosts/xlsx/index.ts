/** The ExcelJS host, browser-safe (Node-only file helpers are in ./files). */
export { XlsxHost, XlsxLoadError, SheetModelError } from "./host";
export {
  sniffBytes,
  sniffIssue,
  lostFeaturesIssue,
  FILE_ISSUE_CODES,
  type FileKind,
  type SniffResult,
} from "./sniff";
export { fileIssueMessage, FILE_MESSAGE_CODES } from "../../workbook/messages/fileMessages";
export { flattenValue } from "./read";
