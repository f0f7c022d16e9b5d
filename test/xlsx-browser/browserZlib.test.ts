/**
 * The browser worker's `zlib` (fflate) against Node's: the same bytes back, the same bound, the same
 * sync-flushed pieces; and the large-file reader and writer run over it give the workbook Node gives.
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import * as zlib from "zlib";
import * as browser from "../../src/hosts/xlsx/fast/browserZlib";

const example = readFileSync(join(__dirname, "..", "..", "examples", "county-2025.xlsx"));

describe("browserZlib", () => {
  it("computes zlib's CRC-32, also continued from a previous value", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 50 }), (a, b) => {
        expect(browser.crc32(a)).toBe(zlib.crc32(a) >>> 0);
        expect(browser.crc32(b, browser.crc32(a))).toBe(zlib.crc32(b, zlib.crc32(a)) >>> 0);
      }),
    );
    expect(browser.crc32("考核")).toBe(zlib.crc32("考核") >>> 0);
  });

  it("inflates what Node deflates and Node inflates what it deflates, sync-flushed pieces included", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 2000 }), { maxLength: 6 }), (parts) => {
        const pieces = parts.map((p) =>
          browser.deflateRawSync(Buffer.from(p), { level: 1, finishFlush: browser.constants.Z_SYNC_FLUSH }),
        );
        const stream = Buffer.concat([...pieces, browser.deflateRawSync(Buffer.alloc(0))]);
        expect(zlib.inflateRawSync(stream).toString()).toBe(parts.join(""));
        const whole = Buffer.from(parts.join(""));
        const node = zlib.deflateRawSync(whole);
        expect(
          Buffer.from(browser.inflateRawSync(node, { maxOutputLength: Math.max(1, whole.length) })),
        ).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it("stops with a RangeError past the declared size, like Node", () => {
    const data = zlib.deflateRawSync(Buffer.alloc(100_000, 65));
    expect(() => zlib.inflateRawSync(data, { maxOutputLength: 1000 })).toThrow(/larger than/);
    expect(() => browser.inflateRawSync(data, { maxOutputLength: 1000 })).toThrow(RangeError);
    expect(browser.inflateRawSync(data, { maxOutputLength: 100_000 }).length).toBe(100_000);
  });

  it("throws a plain error on damaged data", () => {
    const data = zlib.deflateRawSync(Buffer.from("x".repeat(5000) + "考核".repeat(3000)));
    expect(() =>
      browser.inflateRawSync(data.subarray(0, data.length >> 1), { maxOutputLength: 1e6 }),
    ).toThrow(Error);
    expect(() => browser.inflateRawSync(Buffer.alloc(0))).toThrow(Error);
  });
});

describe("the large-file path over browserZlib", () => {
  it("reads the example and writes the same scored workbook as over Node's zlib", () => {
    const run = (): { sheets: unknown; parts: Record<string, string> } => {
      // Fresh module instances, so that the mocked `zlib` reaches zip.ts and entryWriter.ts.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh instance under the mock
      const { FastWorkbook } = require("../../src/hosts/xlsx/fast/fastWorkbook");
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh instance under the mock
      const { readZip, entryText } = require("../../src/hosts/xlsx/fast/zip");
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh instance under the mock
      const { runAssessment } = require("../../src/pipeline");
      const wb = FastWorkbook.fromBuffer(example);
      const sheets = wb.readSheets();
      const outcome = runAssessment(sheets, { period: "2025-Q1", asOf: "2025-12-31" });
      const out: Buffer = wb.withOutputs(outcome.sheets, outcome.flags);
      const parts: Record<string, string> = {};
      for (const [name, e] of readZip(out) as Map<string, unknown>) parts[name] = entryText(e);
      return { sheets, parts };
    };
    let viaNode: ReturnType<typeof run> | undefined;
    let viaBrowser: ReturnType<typeof run> | undefined;
    jest.isolateModules(() => {
      viaNode = run();
    });
    jest.isolateModules(() => {
      jest.doMock("zlib", () => jest.requireActual("../../src/hosts/xlsx/fast/browserZlib"));
      viaBrowser = run();
    });
    expect(viaBrowser!.sheets).toEqual(viaNode!.sheets);
    expect(Object.keys(viaBrowser!.parts)).toEqual(Object.keys(viaNode!.parts));
    expect(viaBrowser!.parts).toEqual(viaNode!.parts);
    expect(Object.keys(viaNode!.parts).some((p) => p.startsWith("xl/comments"))).toBe(true);
  });
});

describe("store mode", () => {
  afterEach(() => browser.setStoreOnly(false));

  it("writes stored blocks that Node inflates, also as sync-flushed pieces ended by the final block", () => {
    browser.setStoreOnly(true);
    const big = Buffer.from("考核明细".repeat(60000));
    const pieces = [big, Buffer.from("x"), Buffer.alloc(0)].map((p) =>
      browser.deflateRawSync(p, { level: 1, finishFlush: browser.constants.Z_SYNC_FLUSH }),
    );
    browser.setStoreOnly(false);
    const stream = Buffer.concat([...pieces, browser.deflateRawSync(Buffer.alloc(0))]);
    expect(zlib.inflateRawSync(stream)).toEqual(Buffer.concat([big, Buffer.from("x")]));
    browser.setStoreOnly(true);
    const whole = browser.deflateRawSync(big);
    expect(whole.length).toBe(big.length + 5 * Math.ceil(big.length / 0xffff));
    expect(zlib.inflateRawSync(whole)).toEqual(big);
  });
});
