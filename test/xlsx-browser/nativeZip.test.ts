/**
 * The page worker's download path in Node (which has the browser's CompressionStream): parts inflated on
 * opening, new and patched sheets deflated natively as their pieces are made, the rest deflated after.
 * The package must hold what the CLI's writer writes, with true sizes and CRCs; and a part must be taken
 * a piece at a time, never gathered whole before deflating.
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as zlib from "zlib";
import { FastWorkbook } from "../../src/hosts/xlsx/fast/fastWorkbook";
import { runPlanAsync } from "../../src/hosts/xlsx/fast/outputPlan";
import { entryBytes, readZip } from "../../src/hosts/xlsx/fast/zip";
import { runAssessment } from "../../src/pipeline";
import { deflatedPart } from "../../taskpane/Standalone/worker/deflatePart";
import { deflatedPackage, storedParts } from "../../taskpane/Standalone/worker/nativeZip";

const example = readFileSync(join(__dirname, "..", "..", "examples", "county-2025.xlsx"));

function contents(pkg: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [name, e] of readZip(pkg)) {
    const data = entryBytes(e);
    expect({ name, size: data.length, crc: zlib.crc32(data) >>> 0 }).toEqual({
      name,
      size: e.size,
      crc: e.crc,
    });
    out.set(name, data);
  }
  return out;
}

describe("the worker's native download", () => {
  it("writes the package the CLI writes, each new or patched sheet deflated as it is made", async () => {
    const cli = FastWorkbook.fromBuffer(example);
    const outcome = runAssessment(cli.readSheets(), { period: "2025-Q1", asOf: "2025-12-31" });
    expect(outcome.flags.length).toBeGreaterThan(0);
    const expected = contents(cli.withOutputs(outcome.sheets, outcome.flags)!);

    const page = FastWorkbook.fromEntries(await storedParts(example, () => undefined));
    page.readSheets();
    const deflatedAsMade: string[] = [];
    const parts = await runPlanAsync(page.outputPlan(outcome.sheets, outcome.flags), (part) => {
      deflatedAsMade.push(part.name);
      return deflatedPart(part, () => undefined);
    });
    // Each part asked for came back deflated (not stored blocks for deflatedPackage to do again).
    const asMade = parts!.filter((e) => deflatedAsMade.includes(e.name));
    expect(asMade.map((e) => e.name).sort()).toEqual([...deflatedAsMade].sort());
    for (const e of asMade) expect(e.raw.length).toBeLessThan(e.size / 3);
    const got = contents(await deflatedPackage(parts!, () => undefined));

    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const [name, data] of expected)
      expect({ name, same: got.get(name)!.equals(data) }).toEqual({ name, same: true });
    // The flagged input sheets, every output tab and the flag record went through the native encoder.
    const flagged = new Set(outcome.flags.map((f) => f.sheet));
    expect(deflatedAsMade.length).toBe(flagged.size + outcome.sheets.length + 1);
  });

  it("takes a part's pieces as they come: earlier pieces are deflated before the last is made", async () => {
    let taken = 0;
    let takenAtLast = 0;
    const row = (i: number) => `<row r="${i}"><c><is><t>考核${i}</t></is></c></row>`;
    const unchanged = Buffer.from("<row/>".repeat(200_000)); // a run of input bytes passed on
    function* pieces(watch: boolean): Generator<string | Buffer> {
      for (let i = 0; i < 300_000; i++) {
        if (watch && i === 299_999) takenAtLast = taken;
        yield i % 100_000 === 0 ? unchanged.subarray(0, i / 100) : row(i);
      }
      yield "<huge>" + "x".repeat(2_000_000) + "</huge>";
    }
    const entry = await deflatedPart({ name: "s.xml", pieces: pieces(true) }, (n) => (taken += n));
    const expected: (string | Buffer)[] = [];
    for (const p of pieces(false)) expected.push(p);
    const whole = Buffer.concat(expected.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
    expect(zlib.inflateRawSync(entry.raw).equals(whole)).toBe(true);
    expect(entry).toMatchObject({ method: 8, size: whole.length, crc: zlib.crc32(whole) >>> 0 });
    expect(taken).toBe(whole.length);
    // When the last row is made, most of the part has already gone into the stream.
    expect(takenAtLast).toBeGreaterThan(whole.length / 2);
  });

  it("passes a failing piece's error on, having let the stream go", async () => {
    function* pieces(): Generator<string> {
      yield "<worksheet>";
      throw new Error("bad piece");
    }
    await expect(deflatedPart({ name: "s.xml", pieces: pieces() }, () => undefined)).rejects.toThrow(
      "bad piece",
    );
  });
});
