/**
 * The CLI's streamed reading: parts inflated a piece at a time by zlib's stream and read as the bytes come,
 * cut anywhere (mid-tag, mid-character). It must read exactly what the whole-part reader reads, keep the
 * declared-size bound, and name a damaged part.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { deflateRawSync } from "zlib";
import { FastWorkbook } from "../../src/hosts/xlsx/fast/fastWorkbook";
import { inflatePieces } from "../../src/hosts/xlsx/fast/inflateStream";
import { readSheetBytes, SheetPartReader } from "../../src/hosts/xlsx/fast/sheetReader";
import { ZipFormatError, ZipTooLargeError, type ZipEntry } from "../../src/hosts/xlsx/fast/zip";
import { XmlSyntaxError } from "../../src/hosts/xlsx/fast/xmlScan";

const example = readFileSync(join(__dirname, "..", "..", "examples", "county-2025.xlsx"));
const ctx = () => ({ strings: ["共享"], dateStyles: [], date1904: false });

const PART = Buffer.from(
  '<?xml version="1.0"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    "<x:sheetData>" +
    Array.from(
      { length: 300 },
      (_, i) =>
        `<x:row r='${i + 1}'><x:c r="A${i + 1}" t="inlineStr"><x:is><x:t>不动产登记第${i}号&amp;窗口</x:t></x:is></x:c>` +
        `<x:c t="s"><x:v>0</x:v></x:c><!-- 注释 --><x:c\n t="str"><x:v><![CDATA[<办件>]]></x:v></x:c><x:c><x:v>${i}.5</x:v></x:c></x:row>`,
    ).join("") +
    "</x:sheetData></x:worksheet>\n",
  "utf8",
);

function entry(raw: Buffer, size: number): ZipEntry {
  return { name: "xl/worksheets/sheet1.xml", method: 8, crc: 0, compressedSize: raw.length, size, raw };
}

describe("SheetPartReader", () => {
  const whole = readSheetBytes(PART, ctx());

  it.each([1, 2, 3, 7, 64, 1000, PART.length])("reads bytes pushed %i at a time as the whole part", (n) => {
    const reader = new SheetPartReader(ctx(), 16);
    for (let at = 0; at < PART.length; at += n) reader.push(PART.subarray(at, at + n));
    expect(reader.finish()).toEqual(whole);
    expect(whole).toHaveLength(300);
    expect(whole[299]).toEqual(["不动产登记第299号&窗口", "共享", "<办件>", 299.5]);
  });

  it("refuses a part that ends inside a tag", () => {
    const reader = new SheetPartReader(ctx(), 16);
    reader.push(PART.subarray(0, PART.length - 5));
    expect(() => reader.finish()).toThrow(XmlSyntaxError);
  });
});

describe("inflatePieces", () => {
  it("hands over exactly the inflated bytes, in order", async () => {
    const big = Buffer.concat(Array.from({ length: 40 }, () => PART));
    const pieces: Buffer[] = [];
    await inflatePieces(entry(deflateRawSync(big), big.length), (b) => pieces.push(Buffer.from(b)));
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).equals(big)).toBe(true);
  });

  it("stops at the declared size (a lying entry is a zip bomb, not memory)", async () => {
    const raw = deflateRawSync(Buffer.alloc(8 << 20));
    let seen = 0;
    await expect(inflatePieces(entry(raw, 1000), (b) => (seen += b.length))).rejects.toThrow(
      ZipTooLargeError,
    );
    expect(seen).toBe(0);
  });

  it("names a bomb as a bomb even when its first bytes are not a worksheet", async () => {
    const raw = deflateRawSync(Buffer.from("<row/>".repeat(2 << 20)));
    const reader = new SheetPartReader(ctx(), 16);
    const read = inflatePieces(entry(raw, 3 << 20), (b) => reader.push(b));
    await expect(read).rejects.toThrow(ZipTooLargeError);
  });

  it("names a damaged part, and passes on what the reader threw", async () => {
    const raw = deflateRawSync(PART);
    const truncated = entry(raw.subarray(0, raw.length >> 1), PART.length);
    await expect(inflatePieces(truncated, () => undefined)).rejects.toThrow(ZipFormatError);
    await expect(inflatePieces(truncated, () => undefined)).rejects.toThrow(/sheet1\.xml/);
    const boom = new Error("reader");
    await expect(
      inflatePieces(entry(raw, PART.length), () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });
});

describe("FastWorkbook.readSheetsStreamed", () => {
  it("reads the sample exactly as readSheets does", async () => {
    const streamed = await FastWorkbook.fromBuffer(example).readSheetsStreamed(inflatePieces);
    expect(streamed).toEqual(FastWorkbook.fromBuffer(example).readSheets());
    expect(streamed.map((s) => s.name)).toContain("事项记录");
  });
});
