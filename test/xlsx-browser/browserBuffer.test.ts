/** The browser worker's Buffer (the `buffer` package with native decode and search) agrees with Node's. */
import fc from "fast-check";

type AnyBuffer = Uint8Array & {
  toString(encoding?: string, start?: number, end?: number): string;
  indexOf(needle: string | Uint8Array, offset?: number): number;
  lastIndexOf(needle: string | Uint8Array, offset?: number): number;
  includes(needle: string | Uint8Array, offset?: number): boolean;
  subarray(start: number, end?: number): AnyBuffer;
};
type BufferClass = { from(value: string | ArrayBuffer, ...rest: unknown[]): AnyBuffer };

let Browser: BufferClass;
let decoded = 0;
beforeAll(() => {
  jest.isolateModules(() => {
    jest.doMock("buffer", () => jest.requireActual("../../node_modules/buffer/index.js"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh instance under the mock
    const mod = require("../../src/hosts/xlsx/fast/browserBuffer");
    Browser = mod.Buffer;
    mod.setDecodeListener((n: number) => (decoded += n));
  });
});

const text = fc.string({
  unit: fc.constantFrom("<", "r", "o", "w", ">", "/", "考", "核", " ", "𐒐"),
  maxLength: 300,
});

describe("browserBuffer", () => {
  it("is the `buffer` package, not Node's", () => {
    expect(Browser).not.toBe(Buffer);
    expect(Browser.from("x")).not.toBeInstanceOf(Buffer);
  });

  it("encodes and decodes UTF-8 as Node does, also slices", () => {
    fc.assert(
      fc.property(text, fc.nat(400), fc.nat(400), (s, a, b) => {
        const mine = Browser.from(s);
        const node = Buffer.from(s);
        expect(Uint8Array.from(mine)).toEqual(Uint8Array.from(node));
        expect(mine.toString()).toBe(node.toString());
        expect(mine.toString("utf8", a, b)).toBe(node.toString("utf8", a, b));
        expect(mine.toString("latin1", a, b)).toBe(node.toString("latin1", a, b));
      }),
    );
  });

  it("finds strings and byte needles forwards and backwards as Node does", () => {
    const needle = fc.constantFrom("</row>", "<row", "考", "r", ">", "</", "核>", "𐒐");
    fc.assert(
      fc.property(text, needle, fc.integer({ min: -310, max: 310 }), fc.boolean(), (s, n, at, bytes) => {
        const mine = Browser.from(s);
        const node = Buffer.from(s);
        const probe = bytes ? Buffer.from(n) : n;
        expect(mine.indexOf(probe, at)).toBe(node.indexOf(probe, at));
        expect(mine.lastIndexOf(probe, at)).toBe(node.lastIndexOf(probe, at));
        expect(mine.indexOf(probe)).toBe(node.indexOf(probe));
        expect(mine.lastIndexOf(probe)).toBe(node.lastIndexOf(probe));
        expect(mine.includes(probe, at)).toBe(node.includes(probe, at));
        expect((mine.subarray(1) as AnyBuffer).indexOf(probe)).toBe(
          Buffer.from(node.subarray(1)).indexOf(probe),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("reports large decodes to its listener", () => {
    const before = decoded;
    Browser.from("考".repeat(40000)).toString("utf8", 0, 90000);
    expect(decoded - before).toBe(90000);
  });
});
