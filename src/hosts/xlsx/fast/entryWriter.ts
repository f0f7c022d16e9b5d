/**
 * Builds one zip entry from content written in pieces, deflating as it goes: a large sheet never exists
 * as one string or one uncompressed buffer. Each piece is deflated on its own and ends with a sync flush
 * (byte-aligned, not final), so the pieces concatenate into one valid raw deflate stream, closed by an
 * empty final block.
 */
import { constants, crc32, deflateRawSync } from "zlib";
import { newEntry, type ZipEntry } from "./zip";

/** Pieces are deflated once this much text is pending. */
const PIECE_CHARS = 1 << 19;
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

export class EntryWriter {
  private readonly deflated: Buffer[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private crc = 0;
  private size = 0;

  constructor(private readonly name: string) {}

  /** Appends text (UTF-8) or bytes. */
  write(content: string | Buffer): void {
    if (typeof content !== "string") {
      this.flush();
      this.deflate(content);
      return;
    }
    this.pending.push(content);
    this.pendingChars += content.length;
    if (this.pendingChars >= PIECE_CHARS) this.flush();
  }

  /** The entry; content that never outgrew one piece is stored exactly as `newEntry` would store it. */
  finish(): ZipEntry {
    if (this.deflated.length === 0) return newEntry(this.name, this.pending.join(""));
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

  private flush(): void {
    if (this.pendingChars === 0) return;
    const text = this.pending.join("");
    this.pending = [];
    this.pendingChars = 0;
    this.deflate(Buffer.from(text, "utf8"));
  }

  private deflate(data: Buffer): void {
    if (data.length === 0) return;
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    // Level 1: large generated parts favour speed (as newEntry does above 4 MB).
    this.deflated.push(deflateRawSync(data, { level: 1, finishFlush: constants.Z_SYNC_FLUSH }));
  }
}
