/**
 * Tells what a file really is before ExcelJS sees it, from its bytes (never its name): an .xlsx, a
 * text/CSV file, a legacy .xls, an encrypted OOXML package, an .xlsm, another zip, or a broken file.
 * Browser-safe: no `fs`, no `zlib` (only the zip's central directory is read, never inflated).
 */
import type { Issue, IssueCode } from "../../core";

export type FileKind =
  | "xlsx"
  | "empty"
  | "text"
  | "xls"
  | "encrypted"
  | "cfb"
  | "xlsm"
  | "ods"
  | "zip-not-workbook"
  | "truncated"
  | "corrupt"
  | "unknown";

export interface SniffResult {
  kind: FileKind;
  /** Zip entry names when the file is a readable zip. */
  entries?: string[];
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

/** True when the UTF-16LE name occurs in the bytes (how CFB directory entries store stream names). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function sniffCfb(bytes: Uint8Array): FileKind {
  // Encrypted OOXML (Office "password to open") is a CFB holding EncryptionInfo + EncryptedPackage.
  if (hasUtf16Name(bytes, "EncryptedPackage") || hasUtf16Name(bytes, "EncryptionInfo")) return "encrypted";
  if (hasUtf16Name(bytes, "Workbook") || hasUtf16Name(bytes, "Book")) return "xls";
  return "cfb";
}

/** Reads the central directory: entry names, or why the zip cannot be read. */
function readZipNames(bytes: Uint8Array): { names?: string[]; kind?: FileKind } {
  if (bytes.length < 22) return { kind: "truncated" };
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { kind: "truncated" };
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  let p = u32(bytes, eocd + 16);
  if (p + size > eocd) return { kind: "corrupt" };
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(bytes, p) !== CENTRAL_SIG) return { kind: "corrupt" };
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const compressed = u32(bytes, p + 20);
    const local = u32(bytes, p + 42);
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL_SIG) return { kind: "corrupt" };
    if (local + 30 + compressed > bytes.length) return { kind: "corrupt" };
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { names };
}

function sniffZip(bytes: Uint8Array): SniffResult {
  const { names, kind } = readZipNames(bytes);
  if (!names) return { kind: kind ?? "corrupt" };
  const lower = names.map((n) => n.toLowerCase());
  const has = (n: string): boolean => lower.includes(n);
  if (lower.some((n) => n.endsWith("vbaproject.bin"))) return { kind: "xlsm", entries: names };
  if (has("xl/workbook.xml") && has("[content_types].xml")) return { kind: "xlsx", entries: names };
  // Another part path (the package relationships name the workbook part): worksheets and rels tell it.
  if (
    has("[content_types].xml") &&
    has("_rels/.rels") &&
    lower.some((n) => /(^|\/)worksheets\/[^/]+\.xml$/.test(n))
  )
    return { kind: "xlsx", entries: names };
  if (has("mimetype") && has("content.xml")) return { kind: "ods", entries: names };
  return { kind: "zip-not-workbook", entries: names };
}

/**
 * Text files (CSV, TSV, HTML saved as .xls …) in any encoding (UTF-8, GB18030, UTF-16 with BOM): the
 * first 8 KB hold no control bytes other than whitespace, which every binary format here does.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  const bom16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (bom16) return true;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  return true;
}

/** Classifies a file from its bytes. Never throws. */
export function sniffBytes(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { kind: "empty" };
  if (startsWith(bytes, CFB_MAGIC)) return { kind: sniffCfb(bytes) };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes);
  }
  if (startsWith(bytes, [0x50, 0x4b])) return { kind: "corrupt" };
  if (looksLikeText(bytes)) return { kind: "text" };
  return { kind: "unknown" };
}

/** Issue code for each kind that cannot be read as an .xlsx (messages in ./messages). */
export const FILE_ISSUE_CODES: Record<Exclude<FileKind, "xlsx">, IssueCode> = {
  empty: "file-empty",
  text: "file-text",
  xls: "file-xls",
  encrypted: "file-encrypted",
  cfb: "file-cfb",
  xlsm: "file-xlsm",
  ods: "file-ods",
  "zip-not-workbook": "file-not-workbook",
  truncated: "file-truncated",
  corrupt: "file-corrupt",
  unknown: "file-unknown",
};

/** Parts ExcelJS does not carry over when it rewrites a workbook (checked by zip entry name). */
const LOST_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//i, "charts"],
  [/^xl\/pivot(tables|cache)\//i, "pivot tables"],
  [/^xl\/slicers?(caches)?\//i, "slicers"],
  [/^xl\/timelines?(caches)?\//i, "timelines"],
];

/**
 * A warning naming what the written copy will lack (charts, pivot tables …), or undefined. The input
 * file itself is never changed; only the scored copy is affected.
 */
export function lostFeaturesIssue(entries: readonly string[], fileName: string): Issue | undefined {
  const lost = LOST_PARTS.filter(([re]) => entries.some((e) => re.test(e))).map(([, name]) => name);
  if (lost.length === 0) return undefined;
  return {
    severity: "warning",
    code: "file-features-lost",
    params: { file: fileName, features: lost.join(", ") },
  };
}

/** An error issue naming the file when the bytes are not a readable .xlsx workbook, else undefined. */
export function sniffIssue(bytes: Uint8Array, fileName: string): Issue | undefined {
  const { kind } = sniffBytes(bytes);
  if (kind === "xlsx") return undefined;
  return { severity: "error", code: FILE_ISSUE_CODES[kind], params: { file: fileName } };
}
