/** Runs of whole rows in a sheet part's bytes: what the reader decodes and the flag patcher rewrites at once. */

/** Bytes of sheet XML taken at once (then extended to the end of the row that crosses the limit). */
export const CHUNK_BYTES = 1 << 20;
export const ROW_END = Buffer.from("</row>");

/**
 * Splits [from, to) of `xml` into [start, end) runs of about `chunkBytes`, each ending after a `</row>`
 * (ASCII, so never inside a multi-byte character); the last run ends at `to`.
 */
export function* rowChunks(
  xml: Buffer,
  from: number,
  to: number,
  chunkBytes: number,
): Generator<[number, number]> {
  let start = from;
  while (start < to) {
    let end = to;
    if (start + chunkBytes < to) {
      const before = xml.lastIndexOf(ROW_END, start + chunkBytes - ROW_END.length);
      const after = before >= start ? before : xml.indexOf(ROW_END, start + chunkBytes);
      if (after >= 0 && after < to) end = after + ROW_END.length;
    }
    yield [start, end];
    start = end;
  }
}
