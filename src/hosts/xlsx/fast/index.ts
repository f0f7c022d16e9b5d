/** The large-file path: read and write .xlsx packages without loading them into ExcelJS. */
export { FastWorkbook, PackageReadError } from "./fastWorkbook";
export { largeFileReader } from "./open";
