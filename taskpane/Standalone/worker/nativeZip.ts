/**
 * The browser's own (native) inflate and deflate around the large-file path, which is synchronous and
 * would otherwise run them in JavaScript (fflate, slower: docs/large-files.md). On open every deflated part is
 * inflated natively into a package of stored parts, so the reader finds its bytes ready; on download the
 * new and patched sheets are deflated as they are made (./deflatePart), the small parts the writer makes
 * whole are stored (browserZlib's store mode), and this deflates every stored part natively.
 */
import { MAX_UNZIPPED_BYTES } from "../../../src/hosts/xlsx/fast/fastWorkbook";
import {
  readZip,
  writeZip,
  ZipFormatError,
  ZipTooLargeError,
  type ZipEntry,
} from "../../../src/hosts/xlsx/fast/zip";

/** Bytes handed to the native streams at a time (and between progress reports). */
const PIECE = 1 << 20;
/** Parts smaller than this are left as they are: deflating them gains nothing. */
const SMALL = 256;

export async function collect(
  readable: ReadableStream<Uint8Array>,
  limit: number,
  onOutput?: (n: number) => void,
  size?: number,
): Promise<Uint8Array> {
  const reader = readable.getReader();
  const out = size !== undefined ? new Uint8Array(size) : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.length > limit) {
      await reader.cancel();
      throw new ZipTooLargeError(`a part inflates past its declared ${limit} bytes`);
    }
    if (out) out.set(value, total);
    else chunks.push(value);
    total += value.length;
    onOutput?.(value.length);
  }
  if (out) return total === out.length ? out : out.subarray(0, total);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  return joined;
}

async function pump(
  stream: CompressionStream | DecompressionStream,
  data: Uint8Array | Uint8Array[],
  onInput?: (n: number) => void,
): Promise<void> {
  const writer = stream.writable.getWriter();
  try {
    // A part given in pieces (stored blocks) is streamed as it is, never joined into one more copy.
    for (const whole of Array.isArray(data) ? data : [data]) {
      for (let at = 0; at < whole.length; at += PIECE) {
        const piece = whole.subarray(at, Math.min(whole.length, at + PIECE));
        await writer.write(piece as Uint8Array<ArrayBuffer>);
        onInput?.(piece.length);
      }
    }
    await writer.close();
  } catch {
    // The reading side reports what went wrong (damaged data, or a bound passed).
  }
}

/** Inflates one part natively, never past its declared size. */
async function inflate(entry: ZipEntry, onOutput: (n: number) => void): Promise<Uint8Array> {
  const stream = new DecompressionStream("deflate-raw");
  const size = Math.max(0, entry.size);
  const pumping = pump(stream, entry.raw);
  try {
    return await collect(stream.readable, size, onOutput, size);
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw error;
    throw new ZipFormatError(`${entry.name}: ${(error as Error).message}`);
  } finally {
    await pumping;
  }
}

async function deflate(data: Uint8Array[], onInput: (n: number) => void): Promise<Uint8Array> {
  const stream = new CompressionStream("deflate-raw");
  const pumping = pump(stream, data, onInput);
  const out = await collect(stream.readable, Number.MAX_SAFE_INTEGER);
  await pumping;
  return out;
}

export const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/**
 * The package's parts with every deflated one stored instead (method 0), inflated natively; `onOutput`
 * hears the inflated bytes. Kept as parts, never joined into one package (a county's 165 MB of XML would
 * otherwise exist twice while opening). Throws ZipTooLargeError past the overall bound or a part's
 * declared size.
 */
export async function storedParts(
  bytes: Uint8Array,
  onOutput: (n: number) => void,
): Promise<Map<string, ZipEntry>> {
  const entries = readZip(asBuffer(bytes));
  const declared = [...entries.values()].reduce((n, e) => n + e.size, 0);
  if (declared > MAX_UNZIPPED_BYTES) throw new ZipTooLargeError(`${declared} bytes unzipped`);
  const out = new Map<string, ZipEntry>();
  for (const e of entries.values()) {
    if (e.method !== 8) {
      out.set(e.name, e);
      continue;
    }
    const data = asBuffer(await inflate(e, onOutput));
    out.set(e.name, { ...e, method: 0, compressedSize: data.length, size: data.length, raw: data });
  }
  return out;
}

/** The data of a raw deflate stream made only of stored blocks (browserZlib's store mode), else undefined. */
function storedData(raw: Uint8Array): Uint8Array[] | undefined {
  const parts: Uint8Array[] = [];
  let p = 0;
  while (p < raw.length) {
    const h = raw[p] as number;
    // The empty final block Node and fflate write (fixed Huffman, `03 00`), which ends EntryWriter's parts.
    if (h === 0x03 && raw[p + 1] === 0 && p + 2 === raw.length) return parts;
    if (h !== 0 && h !== 1) return undefined;
    if (p + 5 > raw.length) return undefined;
    const len = (raw[p + 1] as number) | ((raw[p + 2] as number) << 8);
    const nlen = (raw[p + 3] as number) | ((raw[p + 4] as number) << 8);
    if ((len ^ 0xffff) !== nlen || p + 5 + len > raw.length) return undefined;
    parts.push(raw.subarray(p + 5, p + 5 + len));
    p += 5 + len;
    if (h === 1) return p === raw.length ? parts : undefined;
  }
  return parts;
}

/** A part's uncompressed data when it is stored (method 0, or stored deflate blocks) and worth deflating. */
function storedContent(e: ZipEntry): Uint8Array[] | undefined {
  if (e.size < SMALL) return undefined;
  return e.method === 0 ? [e.raw] : e.method === 8 ? storedData(e.raw) : undefined;
}

/** Bytes `deflatedPackage` will deflate (for its progress). */
export function storedBytes(parts: readonly ZipEntry[]): number {
  let n = 0;
  for (const e of parts) if (storedContent(e)) n += e.size;
  return n;
}

/**
 * The package of `parts` with every stored part (method 0, or stored deflate blocks) deflated natively.
 * Each stored part is let go once deflated (`parts` is emptied as it goes), so the stored and the
 * deflated package never exist whole at the same time.
 */
export async function deflatedPackage(parts: ZipEntry[], onInput: (n: number) => void): Promise<Buffer> {
  const out: ZipEntry[] = [];
  for (let e = parts.shift(); e !== undefined; e = parts.shift()) {
    const data = storedContent(e);
    if (!data) {
      out.push(e);
      continue;
    }
    const raw = asBuffer(await deflate(data, onInput));
    out.push({ ...e, method: 8, compressedSize: raw.length, raw });
  }
  return writeZip(out);
}
