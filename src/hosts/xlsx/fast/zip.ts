/**
 * Minimal ZIP reader/writer for .xlsx files in Node. Unchanged parts are carried over as their
 * compressed bytes, so a large input sheet is never inflated, parsed or re-serialised on write.
 */
import { crc32, deflateRawSync, inflateRawSync } from "zlib";
import { entryData, readZipDirectory } from "../guard";

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Compressed bytes as stored. */
  raw: Buffer;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;

/** The central directory (read by the guard's parser, zip64 included) with each entry's stored bytes. */
export function readZip(buf: Buffer): Map<string, ZipEntry> {
  const directory = readZipDirectory(buf);
  if (!directory) throw new ZipFormatError("not a readable zip");
  const entries = new Map<string, ZipEntry>();
  for (const e of directory) {
    const data = entryData(buf, e);
    if (!data) throw new ZipFormatError(`bad local header: ${e.name}`);
    const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    entries.set(e.name, {
      name: e.name,
      method: e.method,
      crc: e.crc,
      compressedSize: e.compressedSize,
      size: e.uncompressedSize,
      raw,
    });
  }
  return entries;
}

/** Thrown when a package would inflate past its declared sizes or the overall bound (a zip bomb). */
export class ZipTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipTooLargeError";
  }
}

/** Inflates one entry, never past its declared size: a lying entry ends as an error, not as memory. */
export function entryBytes(entry: ZipEntry): Buffer {
  if (entry.method === 0) return entry.raw;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression ${entry.method}: ${entry.name}`);
  try {
    // Output gathered in 1 MB pieces rather than zlib's 16 kB: a 135 MB part inflates about a sixth faster.
    const chunkSize = Math.min(Math.max(entry.size, 1 << 14), 1 << 20);
    return inflateRawSync(entry.raw, { maxOutputLength: Math.max(1, entry.size), chunkSize });
  } catch (error) {
    if (error instanceof RangeError)
      throw new ZipTooLargeError(`${entry.name} inflates past its declared size`);
    throw new ZipFormatError(`${entry.name}: ${(error as Error).message}`);
  }
}

export function entryText(entry: ZipEntry): string {
  return entryBytes(entry).toString("utf8");
}

/** A new entry from content (deflated here). */
export function newEntry(name: string, content: string | Buffer): ZipEntry {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  // Large generated sheets favour speed: level 1 is several times faster for a slightly larger file.
  const raw = deflateRawSync(data, { level: data.length > 4 << 20 ? 1 : 6, chunkSize: 1 << 18 });
  return { name, method: 8, crc: crc32(data) >>> 0, compressedSize: raw.length, size: data.length, raw };
}

/** Writes entries in order; sizes over 4 GiB are not supported (bounded well before that). */
export function writeZip(entries: Iterable<ZipEntry>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, fixed so output is reproducible
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    local.copy(cd, 8, 6, 30);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    chunks.push(local, name, e.raw);
    offset += 30 + name.length + e.raw.length;
    count++;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
