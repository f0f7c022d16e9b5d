/**
 * Node only: a deflated part inflated a piece at a time by zlib's stream (native, in the thread pool),
 * so that a county's 135 MB case-log part never exists whole in memory: whole, it outlives its reading
 * until the next full garbage collection and sets the peak of `kaohe score`. Bounded by the part's
 * declared size as `entryBytes` is.
 */
import { createInflateRaw } from "zlib";
import { ZipFormatError, ZipTooLargeError, type ZipEntry } from "./zip";

/** Output pieces of about this size: few callbacks, little memory. */
const PIECE = 1 << 20;

export type PieceInflater = (entry: ZipEntry, onPiece: (bytes: Buffer) => void) => Promise<void>;

/**
 * Calls `onPiece` with the entry's inflated bytes in order; rejects with what `onPiece` threw, unless the
 * part then passes its declared size (ZipTooLargeError).
 */
export const inflatePieces: PieceInflater = (entry, onPiece) => {
  if (entry.method === 0) {
    try {
      onPiece(entry.raw);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }
  if (entry.method !== 8)
    return Promise.reject(new ZipFormatError(`unsupported compression ${entry.method}: ${entry.name}`));
  // The stream object outlives this call (its native handle is released later): no closure below may
  // keep `onPiece`, and with it the sheet reader, its grid and its strings, alive through scoring and
  // writing. It is reached through `target`, emptied once the promise settles.
  const target: { sink?: (bytes: Buffer) => void } = { sink: onPiece };
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: PIECE });
    let total = 0;
    const settle = (): boolean => {
      if (!target.sink) return false;
      target.sink = undefined;
      inflater.destroy();
      return true;
    };
    const fail = (error: unknown): void => {
      if (settle()) reject(error);
    };
    // Once the reader gave up, the rest is only counted: a part past its declared size is named as the
    // zip bomb it is, whatever its first bytes looked like.
    let readerError: { error: unknown } | undefined;
    inflater.on("data", (bytes: Buffer) => {
      const sink = target.sink;
      if (!sink) return;
      total += bytes.length;
      if (total > Math.max(1, entry.size)) {
        fail(new ZipTooLargeError(`${entry.name} inflates past its declared size`));
        return;
      }
      if (readerError) return;
      try {
        sink(bytes);
      } catch (error) {
        readerError = { error };
      }
    });
    inflater.on("error", (error) => fail(new ZipFormatError(`${entry.name}: ${error.message}`)));
    inflater.on("end", () => {
      if (!settle()) return;
      if (readerError) reject(readerError.error);
      else resolve();
    });
    inflater.end(entry.raw);
  });
};
