/**
 * The part of Node's `zlib` the large-file reader and writer use (raw inflate bounded by a size, raw
 * deflate with an optional sync flush, CRC-32), on `fflate` for the browser worker. webpack resolves
 * `zlib` to this file (webpack.config.js), so zip.ts and entryWriter.ts run unchanged in the page;
 * test/xlsx-fast/browserCodec.test.ts runs the reader and writer over it in Node.
 */
import { Buffer } from "buffer";
import { Deflate, Inflate } from "fflate";

export const constants = { Z_NO_FLUSH: 0, Z_SYNC_FLUSH: 2, Z_FINISH: 4 } as const;

export interface DeflateOptions {
  level?: number;
  finishFlush?: number;
  /** Node's output piece size: fflate sizes its own, so it is taken and ignored. */
  chunkSize?: number;
}

/** Compressed input is handed to the inflater in pieces of this size, to report progress between them. */
const INPUT_PIECE = 1 << 20;
/** Up to this declared size the output buffer is allocated once, at that size. */
const PREALLOCATE = 1 << 30;

/** Told how many compressed bytes each inflate step consumed (the worker's reading progress). */
let onInflate: ((bytes: number) => void) | undefined;
export function setInflateListener(listener: ((bytes: number) => void) | undefined): void {
  onInflate = listener;
}

/** Told how many uncompressed bytes each deflate call took (the worker's writing progress). */
let onDeflate: ((bytes: number) => void) | undefined;
export function setDeflateListener(listener: ((bytes: number) => void) | undefined): void {
  onDeflate = listener;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  // Slicing by four: four bytes per step.
  for (let n = 0; n < 256; n++) {
    let c = table[n] as number;
    for (let t = 1; t < 4; t++) {
      c = (table[c & 0xff] as number) ^ (c >>> 8);
      table[t * 256 + n] = c;
    }
  }
  return table;
})();

/** zlib.crc32: CRC-32 of `data`, continuing from `value`. */
export function crc32(data: Uint8Array | string, value = 0): number {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const t = CRC_TABLE;
  let c = ~value;
  let i = 0;
  const n4 = bytes.length & ~3;
  for (; i < n4; i += 4) {
    c ^=
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    c =
      (t[768 + (c & 0xff)] as number) ^
      (t[512 + ((c >>> 8) & 0xff)] as number) ^
      (t[256 + ((c >>> 16) & 0xff)] as number) ^
      (t[c >>> 24] as number);
  }
  for (; i < bytes.length; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

function joined(chunks: Uint8Array[], total: number): Buffer {
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Store mode: deflate writes stored blocks only (no compression, nearly no time); the worker deflates
 * such parts natively afterwards (taskpane/Standalone/worker/nativeZip.ts).
 */
let storeOnly = false;
export function setStoreOnly(on: boolean): void {
  storeOnly = on;
}

const STORED_MAX = 0xffff;

/** `data` as stored blocks; with `final` the last one ends the stream. */
function storedBlocks(data: Uint8Array, final: boolean): Buffer {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_MAX));
  const out = Buffer.allocUnsafe(data.length + blocks * 5);
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    const piece = data.subarray(b * STORED_MAX, Math.min(data.length, (b + 1) * STORED_MAX));
    out[at] = final && b === blocks - 1 ? 1 : 0;
    out[at + 1] = piece.length & 0xff;
    out[at + 2] = piece.length >> 8;
    out[at + 3] = ~piece.length & 0xff;
    out[at + 4] = (~piece.length >> 8) & 0xff;
    out.set(piece, at + 5);
    at += 5 + piece.length;
  }
  return out;
}

/** fflate's streaming state: `s.r` holds the bits not yet emitted (count in bits 0–2, the byte above). */
type DeflateState = { s: { r: number } };

/**
 * zlib.deflateRawSync: a final stream, or with Z_SYNC_FLUSH a byte-aligned piece that is not final. The
 * sync flush is written here, not by fflate's `flush(true)`, whose empty stored block is misplaced when
 * bits are pending (0.8.3); test/xlsx-browser checks every piece against Node's inflate.
 */
export function deflateRawSync(data: Uint8Array, options: DeflateOptions = {}): Buffer {
  const sync = options.finishFlush === constants.Z_SYNC_FLUSH;
  if (storeOnly) {
    onDeflate?.(data.length);
    return storedBlocks(data, !sync);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  // fflate keeps no pending-bit state for stored blocks (level 0): a sync piece is deflated at level 1 at least.
  const level = Math.max(sync ? 1 : 0, Math.min(9, options.level ?? 6)) as
    0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  const deflate = new Deflate({ level }, (chunk) => {
    chunks.push(chunk);
    total += chunk.length;
  });
  if (sync) {
    deflate.push(data, false);
    deflate.flush(false);
    const pending = (deflate as unknown as DeflateState).s.r;
    const bits = pending & 7;
    // The pending bits, an empty non-final stored block (3 header bits, zero), byte alignment, LEN/NLEN.
    const tail = bits > 5 ? [pending >> 3, 0, 0, 0, 0xff, 0xff] : [pending >> 3, 0, 0, 0xff, 0xff];
    chunks.push(Uint8Array.from(tail));
    total += tail.length;
  } else {
    deflate.push(data, true);
  }
  onDeflate?.(data.length);
  return joined(chunks, total);
}

/** zlib.inflateRawSync: a RangeError, as Node's, once the output would pass `maxOutputLength`. */
export function inflateRawSync(
  data: Uint8Array,
  options: { maxOutputLength?: number; chunkSize?: number } = {},
): Buffer {
  const max = options.maxOutputLength ?? 2 ** 31 - 1;
  // With a declared size the output is written in place: a large part is never held twice.
  const out = max <= PREALLOCATE ? Buffer.allocUnsafe(max) : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    if (total + chunk.length > max) throw new RangeError(`inflated data is larger than ${max} bytes`);
    if (out) out.set(chunk, total);
    else chunks.push(chunk);
    total += chunk.length;
  });
  if (data.length === 0) throw new Error("unexpected end of file");
  for (let at = 0; at < data.length; at += INPUT_PIECE) {
    const end = Math.min(data.length, at + INPUT_PIECE);
    inflate.push(data.subarray(at, end), end === data.length);
    onInflate?.(end - at);
  }
  return out ? out.subarray(0, total) : joined(chunks, total);
}
