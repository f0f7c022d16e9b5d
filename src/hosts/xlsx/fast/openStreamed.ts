/**
 * The large-file reader for Node (score, print, consolidate): each sheet part is inflated a piece at a
 * time by zlib's stream and read as it comes, so no part exists whole in memory (./inflateStream).
 */
import type { LargeFileReader } from "../open";
import { FastWorkbook } from "./fastWorkbook";
import { inflatePieces } from "./inflateStream";
import { readPackage, translate } from "./open";

export const streamedFileReader: LargeFileReader = async (bytes, name) => {
  try {
    const wb = FastWorkbook.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return readPackage(wb, await wb.readSheetsStreamed(inflatePieces), name);
  } catch (error) {
    return translate(error, name);
  }
};
