/** The pieces the large-file path streams: entries deflated in pieces, flagged sheets patched in chunks. */
import { constants, crc32, inflateRawSync } from "zlib";
import type { InlineFlag } from "../../src/core";
import { EntryWriter, encodePart } from "../../src/hosts/xlsx/fast/entryWriter";
import { patchFlaggedSheet } from "../../src/hosts/xlsx/fast/flagPatch";
import { outputStyles } from "../../src/hosts/xlsx/fast/styles";
import { newEntry } from "../../src/hosts/xlsx/fast/zip";

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

function sheetXml(rows: number): Buffer {
  const out = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="x"><sheetData>'];
  out.push(
    '<row r="1"><c r="A1" t="str"><v>办件编号</v></c><c r="B1" t="str"><v>事项名称</v></c><c r="C1"/></row>',
  );
  for (let r = 2; r <= rows; r++) {
    // Rows of different lengths in 1-, 3- and 4-byte characters, some self-closing.
    // A decoy: the next row's ` r="…"` inside this row's text (quotes need no escape in element text).
    const text = `${"不动产登记𠀀".repeat(r % 7)} r="${r + 1}"`;
    out.push(
      r % 11 === 0
        ? `<row r="${r}"/>`
        : `<row r="${r}" spans="1:3"><c r="A${r}" t="str"><v>BJ${r}</v></c><c r="B${r}" s="1"><v>${text}</v></c></row>`,
    );
  }
  out.push('</sheetData><pageMargins left="0.7"/></worksheet>');
  return Buffer.from(out.join(""), "utf8");
}

describe("EntryWriter", () => {
  it("deflates content written in pieces into one entry with the content's size and CRC", () => {
    const writer = new EntryWriter("xl/worksheets/sheet9.xml");
    const pieces: Buffer[] = [];
    for (let i = 0; i < 60000; i++) {
      const piece =
        i % 3 === 0 ? Buffer.from(`<row r="${i}">字节</row>`) : `<c>第${i}行 𠀀 ${"x".repeat(i % 50)}</c>`;
      writer.write(piece);
      pieces.push(typeof piece === "string" ? Buffer.from(piece, "utf8") : piece);
    }
    const content = Buffer.concat(pieces);
    expect(content.length).toBeGreaterThan(2 * 2 ** 20);
    const entry = writer.finish();
    const inflated = inflateRawSync(entry.raw, { finishFlush: constants.Z_FINISH });
    expect(inflated.equals(content)).toBe(true);
    expect(entry).toMatchObject({ size: content.length, crc: crc32(content) >>> 0, method: 8 });
    expect(entry.compressedSize).toBe(entry.raw.length);
  });

  it("stores content that fits one piece exactly as a whole entry", () => {
    const writer = new EntryWriter("a.xml");
    writer.write("<a>");
    writer.write(Buffer.from("中文"));
    writer.write("</a>");
    expect(writer.finish()).toEqual(newEntry("a.xml", "<a>中文</a>"));
  });
});

describe("patchFlaggedSheet in chunks", () => {
  const xml = sheetXml(6000);
  const flags: InlineFlag[] = [2, 3, 11, 12, 500, 501, 2999, 3000, 4001, 5999, 6000, 7000].map((row) => ({
    sheet: "办件台账",
    row,
    codes: ["15.7"],
    periods: ["2025-03"],
    message: `第${row}行超期`,
  }));

  function patched(rowsAscend: boolean, chunkBytes: number) {
    const styles = outputStyles(STYLES);
    const { patched: result, pieces } = patchFlaggedSheet(
      "办件台账",
      xml,
      flags,
      styles,
      (xf) => styles.fillJson(xf),
      "rId9",
      { rowsAscend, chunkBytes },
    );
    const text = inflateRawSync(encodePart({ name: "s.xml", pieces }).raw).toString("utf8");
    return { text, notes: [...result.notes], record: result.record };
  }

  it("gives the same part, notes and record whatever the chunks and whether rows pass on as bytes", () => {
    const reference = patched(false, 2 ** 30);
    expect(xml.length).toBeGreaterThan(100_000);
    expect(reference.notes.map(([row]) => row)).toEqual([
      2, 3, 11, 12, 500, 501, 2999, 3000, 4001, 5999, 6000,
    ]);
    expect(reference.text).toContain('<legacyDrawing r:id="rId9"/></worksheet>');
    expect(reference.text).toContain(
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
    // Row 11 is self-closing: it gets the three header columns, filled.
    expect(reference.text).toMatch(
      /<row r="11"><c r="A11" s="\d+"\/><c r="B11" s="\d+"\/><c r="C11" s="\d+"\/><\/row>/,
    );
    for (const [ascend, chunk] of [
      [true, 2 ** 30],
      [true, 1 << 20],
      [true, 4096],
      [true, 997],
      [true, 1],
      [false, 997],
    ] as const) {
      expect(patched(ascend, chunk)).toEqual(reference);
    }
  });
});
