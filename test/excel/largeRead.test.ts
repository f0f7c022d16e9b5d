/**
 * The Excel host reads workbooks too large for one response (Excel on the web: 5 MB) in row blocks, and
 * gets the same sheets as the xlsx host from the same file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeSyntheticWorkbook } from "../../bench/lib/synth";
import { XlsxHost } from "../../src/hosts/xlsx";
import { readAllSheets } from "../../src/hosts/excel/read";
import { READ_BUDGET } from "../../src/hosts/excel/readPlan";
import type { RawSheet } from "../../src/core";
import { PAYLOAD_LIMIT, createExcelEmulation, type ExcelEmulation, type SheetSeed } from "../emulation/excel";
import { seedsFromXlsx } from "../emulation/excel/fromExcelJs";
import { emulatedHost, gridSeed } from "../emulation/excel/host";
import { neutralSheets } from "../hosts/normalize";
import { runAssessment } from "../../src/pipeline";

const example = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../examples/county-2025.xlsx")));

const INCIDENTS = 120_000;
let dir: string;
let seeds: SheetSeed[];
let fromXlsx: RawSheet[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-large-read-"));
  const file = path.join(dir, "county.xlsx");
  await writeSyntheticWorkbook(file, { incidents: INCIDENTS });
  const bytes = new Uint8Array(fs.readFileSync(file));
  fromXlsx = await (await XlsxHost.fromBuffer(bytes)).readSheets();
  seeds = await seedsFromXlsx(bytes);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const runtimeOf = (emu: ExcelEmulation) => ({
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => emu.Excel.run(batch),
  isSetSupported: (v: string) => emu.Office.context.requirements.isSetSupported("ExcelApi", v),
});

describe(`a workbook of ${INCIDENTS.toLocaleString("en")} incident rows in Excel on the web`, () => {
  it("cannot be read the old way, every used range in one sync (the response is over 5 MB)", async () => {
    const emu = createExcelEmulation({ sheets: seeds, apiVersion: "1.4" });
    await expect(
      emu.Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        for (const ws of sheets.items) ws.getUsedRangeOrNullObject(true).load("values,address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(emu.stats.responseBytes[1]).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it("is read in row blocks on ExcelApi 1.4, each response under 5 MB, into the xlsx host's sheets", async () => {
    const { emu, host } = emulatedHost({ sheets: seeds, apiVersion: "1.4" });
    const sheets = await host.readSheets();
    // The emulation rejects any response over 5 MB and any range read over 5M cells: none was.
    expect(emu.stats.rejected).toEqual([]);
    const total = emu.stats.responseBytes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(Math.max(...emu.stats.responseBytes)).toBeLessThan(PAYLOAD_LIMIT);
    // Names, sizes with the first rows of every tab (the probe), then ⌈rest / 4 MB⌉.
    const rest = total - emu.stats.responseBytes[0]! - emu.stats.responseBytes[1]!;
    expect(emu.stats.syncs).toBe(2 + Math.ceil(rest / READ_BUDGET));
    expect(emu.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(total / READ_BUDGET));
    expect(sheets.find((s) => s.name === "事项记录")!.rows).toHaveLength(INCIDENTS + 1);
    expect(neutralSheets(sheets)).toEqual(neutralSheets(fromXlsx));
  });
});

describe("reading in blocks", () => {
  it("gives the sheets and flag record of a single read, after a run wrote outputs and flags", async () => {
    const { emu, host } = emulatedHost({ sheets: await seedsFromXlsx(example) });
    const outcome = runAssessment(await host.readSheets());
    await host.writeOutputs(outcome.sheets, outcome.flags);
    emu.resetStats();
    const whole = await readAllSheets(runtimeOf(emu));
    expect(emu.stats.syncs).toBe(2);
    expect(whole.record.length).toBeGreaterThan(1);
    emu.resetStats();
    const blocks = await readAllSheets(runtimeOf(emu), { headRows: 3, budget: 4096 });
    expect(emu.stats.syncs).toBeGreaterThan(20);
    // Estimates from a few rows: a block may run over a tiny budget, never far.
    expect(Math.max(...emu.stats.responseBytes.slice(2))).toBeLessThan(2 * 4096);
    expect(blocks).toEqual(whole);
  });
});

describe("reads Excel rejects as too large are retried smaller", () => {
  const long = (n: number) => "考".repeat(n);

  it("retries the first rows of every tab with fewer rows when their response is over 5 MB", async () => {
    // 1,800 rows of 3 kB: 5.4 MB.
    const grid = Array.from({ length: 1800 }, (_, i) => [i + 1, long(1000)]);
    const emu = createExcelEmulation({ sheets: [gridSeed("长文本", grid), gridSeed("小表", [["a"]])] });
    const { sheets } = await readAllSheets(runtimeOf(emu));
    expect(emu.stats.rejected).toEqual([{ sync: 2, code: "ResponsePayloadSizeLimitExceeded" }]);
    expect(Math.max(...emu.stats.responseBytes.filter((_, i) => i !== 1))).toBeLessThan(PAYLOAD_LIMIT);
    expect(sheets).toEqual([
      { name: "长文本", rows: grid },
      { name: "小表", rows: [["a"]] },
    ]);
  });

  it("halves the blocks when later rows are larger than the measured ones", async () => {
    const grid = Array.from({ length: 1800 }, (_, i) => [i + 1, long(i < 10 ? 500 : 1000)]);
    const emu = createExcelEmulation({ sheets: [gridSeed("长文本", grid)] });
    const { sheets } = await readAllSheets(runtimeOf(emu), { headRows: 10 });
    expect(emu.stats.rejected).toEqual([{ sync: 3, code: "ResponsePayloadSizeLimitExceeded" }]);
    expect(sheets).toEqual([{ name: "长文本", rows: grid }]);
  });

  it("pads the first rows to the sheet's used columns when some columns are used only further down", async () => {
    const grid: (string | number)[][] = Array.from({ length: 30 }, (_, i) => ["", "", `c${i + 1}`, i + 1]);
    grid[19]![0] = "只在第 20 行";
    grid[24]![4] = "E25";
    for (const row of grid) while (row.length < 5) row.push("");
    const emu = createExcelEmulation({ apiVersion: "1.4", sheets: [gridSeed("稀疏", grid)] });
    const { sheets } = await readAllSheets(runtimeOf(emu), { headRows: 10 });
    expect(emu.stats.syncs).toBe(3);
    expect(sheets[0]!.rows).toEqual(grid.map((row) => row.map((v) => (v === "" ? null : v))));
  });

  it("reads a sheet too wide for one range read (over 5 million cells) in row blocks", async () => {
    const cells = [
      { row: 1, column: 1, cell: { v: "左上" } },
      { row: 160, column: 8000, cell: { v: 7 } },
      { row: 320, column: 16384, cell: { v: "右下" } },
    ];
    const emu = createExcelEmulation({ sheets: [{ name: "宽表", cells }] });
    const { sheets } = await readAllSheets(runtimeOf(emu));
    // The first 320 rows are one range of 5.2 million cells; the first 200 rows are fewer.
    expect(emu.stats.rejected).toEqual([{ sync: 2, code: "RangeExceedsLimit" }]);
    expect(Math.max(...emu.stats.responseBytes)).toBeLessThan(PAYLOAD_LIMIT);
    const rows = sheets[0]!.rows;
    expect(rows).toHaveLength(320);
    expect(rows[0]![0]).toBe("左上");
    expect(rows[159]![7999]).toBe(7);
    expect(rows[319]![16383]).toBe("右下");
    expect(rows.flat().filter((v) => v !== null)).toEqual(["左上", 7, "右下"]);
  });

  it("names the sheet and row when one row alone is over the limit", async () => {
    const huge = Array.from({ length: 60 }, () => long(32767));
    const emu = createExcelEmulation({ sheets: [gridSeed("巨行", [["表头"], huge])] });
    await expect(readAllSheets(runtimeOf(emu))).rejects.toMatchObject({
      name: "ExcelReadError",
      sheet: "巨行",
      zh: expect.stringContaining("工作表“巨行”第 2 行"),
      en: expect.stringContaining('Row 2 of sheet "巨行"'),
    });
  });
});
