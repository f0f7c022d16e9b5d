/**
 * Node's Buffer for the browser worker that runs the large-file reader and writer: the `buffer` package,
 * with the calls that reader makes on whole sheet parts (UTF-8 decode and encode, byte search) done by
 * the browser's native TextDecoder/TextEncoder and Uint8Array search instead of byte-by-byte JavaScript.
 * webpack provides it as the global `Buffer` (webpack.config.js); Node never loads this file.
 */
import { Buffer } from "buffer";

type Needle = string | Uint8Array | number;

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();
const nativeIndexOf = Uint8Array.prototype.indexOf;
const nativeLastIndexOf = Uint8Array.prototype.lastIndexOf;
const proto = Buffer.prototype as unknown as Record<string, unknown>;
const slowToString = proto.toString as (this: Buffer, ...args: unknown[]) => string;
const slowIndexOf = proto.indexOf as (this: Buffer, ...args: unknown[]) => number;
const slowLastIndexOf = proto.lastIndexOf as (this: Buffer, ...args: unknown[]) => number;
const slowFrom = Buffer.from as (...args: unknown[]) => Buffer;

/** Told how many bytes each large UTF-8 decode covered (the worker's reading progress). */
let onDecode: ((bytes: number) => void) | undefined;
export function setDecodeListener(listener: ((bytes: number) => void) | undefined): void {
  onDecode = listener;
}

const isUtf8 = (encoding: unknown): boolean =>
  encoding === undefined || encoding === "utf8" || encoding === "utf-8";

function bytesOf(needle: Needle): Uint8Array | undefined {
  if (typeof needle === "string") return encoder.encode(needle);
  return needle instanceof Uint8Array ? needle : undefined;
}

function clampStart(length: number, offset: unknown): number {
  if (offset === undefined) return 0;
  const n = Number(offset) | 0;
  return n < 0 ? Math.max(0, length + n) : n;
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const n = needle.length;
  const last = hay.length - n;
  if (n === 0) return Math.min(from, hay.length);
  const first = needle[0] as number;
  for (let i = from; i <= last; i++) {
    i = nativeIndexOf.call(hay, first, i);
    if (i < 0 || i > last) return -1;
    let k = 1;
    while (k < n && hay[i + k] === needle[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const n = needle.length;
  if (n === 0) return Math.min(from, hay.length);
  const first = needle[0] as number;
  for (let i = Math.min(from, hay.length - n); i >= 0; i--) {
    i = nativeLastIndexOf.call(hay, first, i);
    if (i < 0) return -1;
    let k = 1;
    while (k < n && hay[i + k] === needle[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

proto.toString = function toString(this: Buffer, encoding?: string, start?: number, end?: number) {
  if (!isUtf8(encoding)) return slowToString.call(this, encoding, start, end);
  const from = Math.max(0, start ?? 0);
  const to = Math.min(this.length, end ?? this.length);
  if (to <= from) return "";
  if (onDecode && to - from >= 1 << 16) onDecode(to - from);
  return decoder.decode(this.subarray(from, to));
};

proto.indexOf = function indexOf(this: Buffer, needle: Needle, offset?: number, encoding?: string) {
  const bytes = isUtf8(encoding) ? bytesOf(needle) : undefined;
  if (!bytes) return slowIndexOf.call(this, needle, offset, encoding);
  return indexOfBytes(this, bytes, clampStart(this.length, offset));
};

proto.lastIndexOf = function lastIndexOf(this: Buffer, needle: Needle, offset?: number, encoding?: string) {
  const bytes = isUtf8(encoding) ? bytesOf(needle) : undefined;
  if (!bytes) return slowLastIndexOf.call(this, needle, offset, encoding);
  const from = offset === undefined ? this.length : Number(offset) | 0;
  if (from < 0 && this.length + from < 0) return -1;
  return lastIndexOfBytes(this, bytes, from < 0 ? this.length + from : from);
};

proto.includes = function includes(this: Buffer, needle: Needle, offset?: number, encoding?: string) {
  return (this.indexOf as (...a: unknown[]) => number)(needle, offset, encoding) !== -1;
};

(Buffer as unknown as { from: unknown }).from = function from(value: unknown, ...rest: unknown[]) {
  if (typeof value === "string" && isUtf8(rest[0])) {
    const bytes = encoder.encode(value);
    return slowFrom(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return slowFrom(value, ...rest);
};

export { Buffer };
