import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { checkFileSize, DEFAULT_GUARD_LIMITS, guardXlsx, readZipDirectory } from "../../src/hosts/xlsx/guard";
import { writeZipBomb } from "./support/zipBomb";
import { corruptDeflate, rezip, townshipBytes } from "./support/townships";

const MB = 2 ** 20;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kaohe-guard-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("guardXlsx", () => {
  it("passes a real workbook, deflated, stored, or with zip64 records", async () => {
    const bytes = await townshipBytes({ name: "甲镇" });
    expect(await guardXlsx(bytes, "a.xlsx")).toBeUndefined();
    expect(await guardXlsx(rezip(bytes, []), "a.xlsx")).toBeUndefined();
    const zip64 = rezip(bytes, [], true);
    expect(readZipDirectory(zip64)!.map((e) => [e.name, e.uncompressedSize])).toEqual(
      readZipDirectory(bytes)!.map((e) => [e.name, e.uncompressedSize]),
    );
    expect(await guardXlsx(zip64, "a.xlsx")).toBeUndefined();
  });

  it("rejects a file over the size bound before looking inside", async () => {
    expect(checkFileSize(50 * MB, "a.xlsx")).toBeUndefined();
    expect(checkFileSize(50 * MB + 1, "a.xlsx")).toEqual({
      severity: "error",
      code: "file-too-large",
      params: { file: "a.xlsx", sizeMb: 51, maxMb: 50 },
    });
    const bytes = await townshipBytes({ name: "甲镇" });
    const issue = await guardXlsx(bytes, "a.xlsx", { ...DEFAULT_GUARD_LIMITS, maxFileBytes: 1000 });
    expect(issue?.code).toBe("file-too-large");
  });

  it("rejects an honest bomb from the central directory's declared sizes", async () => {
    const file = path.join(dir, "honest.xlsx");
    writeZipBomb(file, { unit: "<row></row>", megabytes: 300 });
    const issue = await guardXlsx(readFileSync(file), "honest.xlsx");
    expect(issue).toMatchObject({ code: "file-unzipped-too-large", params: { sizeMb: 301, maxMb: 200 } });
  });

  it("rejects a lying bomb while inflating, at its declared size", async () => {
    const file = path.join(dir, "liar.xlsx");
    writeZipBomb(file, { unit: "<row></row>", megabytes: 64, declaredSize: 1000 });
    const issue = await guardXlsx(readFileSync(file), "liar.xlsx");
    expect(issue).toMatchObject({
      code: "file-size-mismatch",
      params: { entry: "xl/worksheets/sheet1.xml", declared: 1000 },
    });
  });

  it("enforces the total while inflating when the declared sizes add up to just under it", async () => {
    const file = path.join(dir, "total.xlsx");
    writeZipBomb(file, { unit: "<row></row>", megabytes: 12, declaredSize: 12 * MB });
    const limits = { ...DEFAULT_GUARD_LIMITS, maxUnzippedBytes: 10 * MB };
    expect((await guardXlsx(readFileSync(file), "t.xlsx", limits))?.code).toBe("file-unzipped-too-large");
  });

  it("counts cells while streaming, across chunk boundaries", async () => {
    const file = path.join(dir, "cells.xlsx");
    // 17-byte unit: cells straddle the 64 KiB output slices at every offset.
    writeZipBomb(file, { unit: '<c r="A1"><v/></c>', megabytes: 2 });
    // Per megabyte: 58254 whole units, then 4 bytes "<c r" that also open a cell (the MB is cut there).
    const count = 2 * (Math.floor(MB / 18) + 1);
    expect(count).toBe(116510);
    const limits = { ...DEFAULT_GUARD_LIMITS, maxCells: count };
    expect(await guardXlsx(readFileSync(file), "c.xlsx", limits)).toBeUndefined();
    const over = await guardXlsx(readFileSync(file), "c.xlsx", { ...limits, maxCells: count - 1 });
    expect(over).toMatchObject({ code: "file-too-many-cells", params: { max: count - 1 } });
  });

  it("reports corrupt and truncated zips and never throws", async () => {
    const bytes = await townshipBytes({ name: "甲镇" });
    expect(await guardXlsx(corruptDeflate(bytes), "x.xlsx")).toMatchObject({
      code: "file-corrupt",
      params: { detail: "xl/worksheets/sheet1.xml" },
    });
    expect((await guardXlsx(bytes.subarray(0, bytes.length - 30), "x.xlsx"))?.code).toBe("file-corrupt");
    expect((await guardXlsx(new Uint8Array(10), "x.xlsx"))?.code).toBe("file-corrupt");
    expect((await guardXlsx(Buffer.from("a,b\n1,2\n"), "x.xlsx"))?.code).toBe("file-corrupt");
  });

  it.each([
    ["cells", "<row><c><v>1</v></c></row>"],
    ["no cells", "<row></row>"],
  ])(
    "a zip bomb of gigabytes (%s), a few MB on disk, is rejected with peak memory under 300 MB",
    (_label, unit) => {
      const file = path.join(dir, "bomb.xlsx");
      // Gigabytes of sheet XML declaring 199 MB (a lying bomb, just under the total bound): only the
      // streaming caps stop it, after the cell bound or after inflating 199 MB.
      writeZipBomb(file, { unit, megabytes: 3 * 1024, declaredSize: 199 * MB });
      expect(statSync(file).size).toBeLessThan(16 * MB);
      const child = spawnSync(
        process.execPath,
        [
          "-r",
          path.join(__dirname, "../../bench/register.js"),
          path.join(__dirname, "support/guardChild.ts"),
          file,
        ],
        { encoding: "utf8" },
      );
      expect(child.stderr).toBe("");
      const { issue, maxRssMb } = JSON.parse(child.stdout) as { issue: { code: string }; maxRssMb: number };
      // Each row is a row element too: the row bound may stop it first.
      expect(
        unit.includes("<c>")
          ? ["file-too-many-cells", "file-too-many-rows"]
          : ["file-size-mismatch", "file-too-many-rows"],
      ).toContain(issue.code);
      expect(maxRssMb).toBeLessThan(300);
    },
  );
});
