/**
 * A new or patched sheet deflated natively while the writer makes it: its pieces (a row's text, a run of
 * unchanged input bytes) are staged into fresh buffers of about a megabyte, and each full one is handed
 * to a CompressionStream and awaited before more pieces are made, so the part never exists uncompressed
 * whole. Text is encoded in small batches straight into the stage: no large string is ever built (a
 * county's 300 MB of sheet XML would otherwise pass through the page's heap as garbage).
 */
import { crc32 } from "zlib";
import type { PartPieces } from "../../../src/hosts/xlsx/fast/entryWriter";
import type { ZipEntry } from "../../../src/hosts/xlsx/fast/zip";
import { asBuffer, collect } from "./nativeZip";

/** Bytes handed to the stream at a time. */
const STAGE = 1 << 20;
/** Characters of text joined before encoding (short strings, which never outlive a young collection). */
const TEXT_BATCH = 1 << 14;

const encoder = new TextEncoder();

/** Pieces in, full stages out (`ready`), in order. */
class Stager {
  readonly ready: Uint8Array[] = [];
  private stage = new Uint8Array(STAGE);
  private used = 0;
  private text: string[] = [];
  private textLength = 0;

  add(piece: string | Uint8Array): void {
    if (piece.length === 0) return;
    if (typeof piece !== "string") {
      this.encodeText();
      this.bytes(piece);
      return;
    }
    this.text.push(piece);
    this.textLength += piece.length;
    if (this.textLength >= TEXT_BATCH) this.encodeText();
  }

  end(): void {
    this.encodeText();
    this.close();
  }

  private encodeText(): void {
    if (this.textLength === 0) return;
    const text = this.text.length === 1 ? (this.text[0] as string) : this.text.join("");
    this.text = [];
    this.textLength = 0;
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    if (text.length * 3 > STAGE) return this.bytes(encoder.encode(text));
    if (this.used + text.length * 3 > STAGE) this.close();
    this.used += encoder.encodeInto(text, this.stage.subarray(this.used)).written;
  }

  private bytes(data: Uint8Array): void {
    if (data.length >= STAGE / 2) {
      this.close();
      this.ready.push(data);
      return;
    }
    if (this.used + data.length > STAGE) this.close();
    this.stage.set(data, this.used);
    this.used += data.length;
  }

  /** The stage goes out as it is and a fresh one is taken (the stream may still read the old one). */
  private close(): void {
    if (this.used === 0) return;
    this.ready.push(this.stage.subarray(0, this.used));
    this.stage = new Uint8Array(STAGE);
    this.used = 0;
  }
}

/** One part deflated natively as its pieces are made; `onInput` hears the bytes taken. */
export async function deflatedPart(part: PartPieces, onInput: (n: number) => void): Promise<ZipEntry> {
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const output = collect(stream.readable, Number.MAX_SAFE_INTEGER);
  // A failed write is reported by `output` when it is awaited, never as an unhandled rejection.
  output.catch(() => undefined);
  const stager = new Stager();
  let crc = 0;
  let size = 0;
  const send = async (): Promise<void> => {
    for (let bytes = stager.ready.shift(); bytes; bytes = stager.ready.shift()) {
      crc = crc32(bytes, crc);
      size += bytes.length;
      await writer.write(bytes as Uint8Array<ArrayBuffer>);
      onInput(bytes.length);
    }
  };
  try {
    for (const piece of part.pieces) {
      stager.add(piece);
      if (stager.ready.length > 0) await send();
    }
    stager.end();
    await send();
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
  const raw = asBuffer(await output);
  return { name: part.name, method: 8, crc: crc >>> 0, compressedSize: raw.length, size, raw };
}
