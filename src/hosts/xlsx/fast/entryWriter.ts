/**
 * Builds one zip entry from content written in pieces, deflating as it goes: a large sheet never exists
 * as one string or one uncompressed buffer. Each piece is deflated on its own and ends with a sync flush
 * (byte-aligned, not final), so the pieces concatenate into one valid raw deflate stream, closed by an
 * empty final block.
 */
import { constants, crc32, deflateRawSync } from "zlib";
import { newEntry, type ZipEntry } from "./zip";

/** Pieces are deflated once about this much (characters or bytes) is pending. */
const PIECE = 1 << 19;
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

/**
 * A part made a piece at a time (a sheet's rows, a patched sheet's chunks), not yet encoded: whoever
 * drives the writer encodes it, with `encodePart` here or natively in the browser's worker, which takes
 * each piece as it comes and so never holds the part whole.
 */
export interface PartPieces {
  name: string;
  pieces: Iterable<string | Buffer>;
}

/** The part deflated a piece at a time by an EntryWriter. */
export function encodePart(part: PartPieces): ZipEntry {
  const writer = new EntryWriter(part.name);
  for (const piece of part.pieces) writer.write(piece);
  return writer.finish();
}

export class EntryWriter {
  private readonly deflated: Buffer[] = [];
  private pending: (string | Buffer)[] = [];
  private pendingSize = 0;
  private crc = 0;
  private size = 0;

  constructor(private readonly name: string) {}

  /** Appends text (UTF-8) or bytes. */
  write(content: string | Buffer): void {
    if (content.length === 0) return;
    this.pending.push(content);
    this.pendingSize += content.length;
    if (this.pendingSize >= PIECE) this.flush();
  }

  /** The entry; content that never outgrew one piece is stored exactly as `newEntry` would store it. */
  finish(): ZipEntry {
    if (this.deflated.length === 0) return newEntry(this.name, this.pendingBytes());
    this.flush();
    this.deflated.push(FINAL_BLOCK);
    const raw = Buffer.concat(this.deflated);
    return {
      name: this.name,
      method: 8,
      crc: this.crc >>> 0,
      compressedSize: raw.length,
      size: this.size,
      raw,
    };
  }

  private pendingBytes(): Buffer {
    const bytes = Buffer.concat(
      this.pending.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p)),
    );
    this.pending = [];
    this.pendingSize = 0;
    return bytes;
  }

  private flush(): void {
    if (this.pendingSize === 0) return;
    const data = this.pendingBytes();
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    // Level 1: large generated parts favour speed (as newEntry does above 4 MB).
    // Output in one 256 kB piece (zlib's 16 kB pieces are concatenated again for every call).
    const options = { level: 1, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 1 << 18 };
    this.deflated.push(deflateRawSync(data, options));
  }
}
