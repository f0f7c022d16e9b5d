/**
 * Zip-bomb and size defence, run before ExcelJS touches a file (browser-safe: no `fs`, no `zlib`).
 * Checks the file size, the central directory's declared sizes, then inflates every entry as a stream,
 * stopping at the declared size (a bomb may lie), the total-unzipped bound and the cell-count bound,
 * so memory stays bounded whatever the file claims. File kinds (csv, xls, xlsm …) are ./sniff's job.
 */
import type { Issue, IssueCode } from "../../core";

export interface GuardZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** As declared: a bomb may lie, so callers enforce it while inflating. */
  uncompressedSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the inflated data, as declared (lets a writer carry the entry over unchanged). */
  crc: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 2 ** 32;
}

function findEocd(dv: DataView): number {
  const last = dv.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (dv.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

interface Directory {
  count: number;
  offset: number;
  size: number;
}

function readDirectory(dv: DataView): Directory | undefined {
  const eocd = findEocd(dv);
  if (eocd < 0) return undefined;
  let count = dv.getUint16(eocd + 10, true);
  let size = dv.getUint32(eocd + 12, true);
  let offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || dv.getUint32(locator, true) !== ZIP64_LOCATOR) return undefined;
    const at = u64(dv, locator + 8);
    if (at + 56 > dv.byteLength || dv.getUint32(at, true) !== ZIP64_EOCD) return undefined;
    count = u64(dv, at + 32);
    size = u64(dv, at + 40);
    offset = u64(dv, at + 48);
  }
  if (offset + size > dv.byteLength) return undefined;
  return { count, offset, size };
}

/** Zip64 extra field (id 1): the 64-bit values appear only for fields set to 0xFFFFFFFF, in this order. */
function applyZip64(dv: DataView, at: number, end: number, entry: GuardZipEntry): void {
  while (at + 4 <= end) {
    const id = dv.getUint16(at, true);
    const len = dv.getUint16(at + 2, true);
    if (id === 1) {
      let p = at + 4;
      if (entry.uncompressedSize === 0xffffffff && p + 8 <= at + 4 + len) {
        entry.uncompressedSize = u64(dv, p);
        p += 8;
      }
      if (entry.compressedSize === 0xffffffff && p + 8 <= at + 4 + len) {
        entry.compressedSize = u64(dv, p);
        p += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff && p + 8 <= at + 4 + len)
        entry.localHeaderOffset = u64(dv, p);
      return;
    }
    at += 4 + len;
  }
}

const utf8 = new TextDecoder("utf-8");

/** Entries of the central directory, or undefined when the file is not a readable zip (truncated, corrupt). */
export function readZipDirectory(bytes: Uint8Array): GuardZipEntry[] | undefined {
  if (bytes.byteLength < 22) return undefined;
  const dv = view(bytes);
  const dir = readDirectory(dv);
  if (!dir) return undefined;
  const entries: GuardZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > dv.byteLength || dv.getUint32(at, true) !== CENTRAL) return undefined;
    const nameLen = dv.getUint16(at + 28, true);
    const extraLen = dv.getUint16(at + 30, true);
    const commentLen = dv.getUint16(at + 32, true);
    if (at + 46 + nameLen + extraLen > dv.byteLength) return undefined;
    const entry: GuardZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen)),
      method: dv.getUint16(at + 10, true),
      encrypted: (dv.getUint16(at + 8, true) & 1) === 1,
      compressedSize: dv.getUint32(at + 20, true),
      uncompressedSize: dv.getUint32(at + 24, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
      crc: dv.getUint32(at + 16, true),
    };
    applyZip64(dv, at + 46 + nameLen, at + 46 + nameLen + extraLen, entry);
    entries.push(entry);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of one entry, or undefined when the local header is missing or out of bounds. */
export function entryData(bytes: Uint8Array, entry: GuardZipEntry): Uint8Array | undefined {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > dv.byteLength || dv.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > dv.byteLength) return undefined;
  return bytes.subarray(start, end);
}

export interface GuardLimits {
  /** Bytes on disk. */
  maxFileBytes: number;
  /** Sum of every entry's inflated bytes. */
  maxUnzippedBytes: number;
  /** Cell elements over all worksheets. */
  maxCells: number;
  /** Row elements over all worksheets (formatted empty rows cost memory in ExcelJS too). */
  maxRows?: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  maxFileBytes: 50 * 2 ** 20,
  maxUnzippedBytes: 200 * 2 ** 20,
  maxCells: 2_000_000,
  maxRows: 600_000,
};

const MB = 2 ** 20;
const SLICE = 64 * 1024;

function fileIssue(code: IssueCode, file: string, params: Record<string, string | number> = {}): Issue {
  return { severity: "error", code, params: { file, ...params } };
}

/** The size check alone, for callers that can stat a file before reading it. */
export function checkFileSize(
  size: number,
  file: string,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
): Issue | undefined {
  if (size <= limits.maxFileBytes) return undefined;
  return fileIssue("file-too-large", file, { sizeMb: Math.ceil(size / MB), maxMb: limits.maxFileBytes / MB });
}

/**
 * Counts cell (`c`) and row (`row`) start tags across chunk boundaries, with or without a namespace
 * prefix (`<x:c>`); a name cut by a chunk's end is carried over (at most a few bytes).
 */
class ElementCounter {
  cells = 0;
  rows = 0;
  /** Cells and rows written with a namespace prefix (`<x:c>`), which ExcelJS does not read. */
  prefixed = 0;
  private name = ""; // the tag name read so far when a chunk ended inside it; "<" alone when just after it
  private open = false;

  feed(chunk: Uint8Array): void {
    let i = 0;
    if (this.open) {
      i = this.readName(chunk, 0);
      if (this.open) return;
    }
    for (;;) {
      const lt = chunk.indexOf(0x3c, i);
      if (lt < 0) return;
      this.open = true;
      this.name = "";
      i = this.readName(chunk, lt + 1);
      if (this.open) return;
    }
  }

  /** Reads name bytes from `at`; at the name's end counts it. Returns where reading stopped. */
  private readName(chunk: Uint8Array, at: number): number {
    let i = at;
    while (i < chunk.length && isNameByte(chunk[i]!) && this.name.length < 64) {
      this.name += String.fromCharCode(chunk[i]!);
      i++;
    }
    if (i >= chunk.length && this.name.length < 64) return i;
    this.open = false;
    if (i < chunk.length && !isTagEnd(chunk[i]!)) return i;
    const colon = this.name.lastIndexOf(":");
    const local = this.name.slice(colon + 1);
    if (local === "c") this.cells++;
    else if (local === "row") this.rows++;
    else return i;
    if (colon >= 0) this.prefixed++;
    return i;
  }
}

function isNameByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x3a ||
    b === 0x5f ||
    b === 0x2d ||
    b === 0x2e
  );
}

function isTagEnd(b: number): boolean {
  return b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
}

type Outcome = "ok" | "over" | "corrupt";

/** Feeds the entry's inflated bytes to `take` slice by slice; stops as soon as `take` returns false. */
async function inflate(
  data: Uint8Array,
  method: number,
  take: (chunk: Uint8Array) => boolean,
): Promise<Outcome> {
  if (method === 0) {
    for (let i = 0; i < data.length; i += SLICE) if (!take(data.subarray(i, i + SLICE))) return "over";
    return "ok";
  }
  if (method !== 8) return "corrupt";
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const pump = (async () => {
    try {
      for (let i = 0; i < data.length && !stopped; i += SLICE) {
        await writer.write(data.slice(i, i + SLICE));
      }
      if (!stopped) await writer.close();
    } catch {
      // Cancelled by the reader or bad data: the reader reports it.
    }
  })();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return "ok";
      if (!take(value)) {
        stopped = true;
        await reader.cancel().catch(() => undefined);
        return "over";
      }
    }
  } catch {
    stopped = true;
    return "corrupt";
  } finally {
    await pump;
  }
}

const SHEET_XML = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * An error issue when the file is too big, is not a readable zip, or would inflate past the bounds;
 * else undefined. Never throws; memory stays bounded by one slice of output at a time.
 */
export async function guardXlsx(
  bytes: Uint8Array,
  file: string,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
  /** Filled with what the scan saw (prefixed cells and rows), for callers that hand the file to ExcelJS. */
  seen?: { prefixed: number },
): Promise<Issue | undefined> {
  const tooBig = checkFileSize(bytes.byteLength, file, limits);
  if (tooBig) return tooBig;
  const entries = readZipDirectory(bytes);
  if (!entries) return fileIssue("file-corrupt", file);
  if (entries.some((e) => e.encrypted)) return fileIssue("file-encrypted", file);
  const maxMb = limits.maxUnzippedBytes / MB;
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUnzippedBytes) {
    return fileIssue("file-unzipped-too-large", file, { sizeMb: Math.ceil(declared / MB), maxMb });
  }
  let total = 0;
  const cells = new ElementCounter();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const data = entryData(bytes, entry);
    if (!data) return fileIssue("file-corrupt", file, { detail: entry.name });
    const isSheet = SHEET_XML.test(entry.name);
    let size = 0;
    let reason: Issue | undefined;
    const outcome = await inflate(data, entry.method, (chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (size > entry.uncompressedSize) {
        reason = fileIssue("file-size-mismatch", file, {
          entry: entry.name,
          declared: entry.uncompressedSize,
        });
      } else if (total > limits.maxUnzippedBytes) {
        reason = fileIssue("file-unzipped-too-large", file, { sizeMb: Math.ceil(total / MB), maxMb });
      } else if (isSheet) {
        cells.feed(chunk);
        if (cells.cells > limits.maxCells) {
          reason = fileIssue("file-too-many-cells", file, { cells: cells.cells, max: limits.maxCells });
        } else if (cells.rows > (limits.maxRows ?? Infinity)) {
          reason = fileIssue("file-too-many-rows", file, { rows: cells.rows, max: limits.maxRows ?? 0 });
        }
      }
      return reason === undefined;
    });
    if (reason) return reason;
    if (outcome === "corrupt") return fileIssue("file-corrupt", file, { detail: entry.name });
  }
  if (seen) seen.prefixed = cells.prefixed;
  return undefined;
}
