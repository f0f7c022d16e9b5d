import { createExcelEmulation, sheetValues, PAYLOAD_LIMIT, RANGE_CELL_LIMIT } from "./excel";
import { gridSeed } from "./excel/host";

const seeded = (apiVersion = "1.18") =>
  createExcelEmulation({
    apiVersion,
    sheets: [
      gridSeed("事项记录", [
        ["日期", "窗口"],
        [45658, "民政"],
      ]),
    ],
  });

describe("Excel emulation is strict like Office.js", () => {
  it("throws on reading a property before load, and before sync", async () => {
    const emu = seeded();
    await emu.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("事项记录").getRange("A1:B2");
      expect(() => range.values).toThrow(/not available.*load/);
      range.load("values");
      expect(() => range.values).toThrow(/context\.sync/);
      await context.sync();
      expect(range.values).toEqual([
        ["日期", "窗口"],
        [45658, "民政"],
      ]);
      expect(() => range.address).toThrow(/not available/);
    });
  });

  it("counts syncs and request bytes, and fails a payload over 5 MB like Excel on the web", async () => {
    const emu = seeded();
    const big = Array.from({ length: 1000 }, () => ["x".repeat(6000)]);
    await expect(
      emu.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("事项记录").getRange("D1:D1000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(JSON.stringify(big).length).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(sheetValues(emu.book, "事项记录")[0]).toEqual(["日期", "窗口"]);
    emu.resetStats();
    await emu.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("事项记录").getRange("D1").values = [["ok"]];
      await context.sync();
    });
    expect(emu.stats.syncs).toBe(1);
    expect(emu.stats.requestBytes[0]).toBeGreaterThan(0);
  });

  it("turns =, +, -, @ strings, dates and numeric text into formulas, dates and numbers in General cells only", async () => {
    const emu = seeded();
    await emu.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("事项记录");
      ws.getRange("A3:F3").values = [["=SUM(1)", "+86 123", "-x", "@foo", "2025-03", "007"]];
      const text = ws.getRange("A4:F4");
      text.numberFormat = [["@", "@", "@", "@", "@", "@"]];
      text.values = [["=SUM(1)", "+86 123", "-x", "@foo", "2025-03", "007"]];
      await context.sync();
    });
    const sheet = emu.book.find("事项记录")!;
    expect(sheet.cell(3, 1)?.f).toBe("=SUM(1)");
    expect(sheet.cell(3, 2)?.f).toBe("=+86 123");
    expect(sheet.cell(3, 4)?.f).toBe("=@foo");
    expect(typeof sheet.cell(3, 5)?.v).toBe("number");
    expect(sheet.cell(3, 6)?.v).toBe(7);
    expect(sheetValues(emu.book, "事项记录")[3]).toEqual([
      "=SUM(1)",
      "+86 123",
      "-x",
      "@foo",
      "2025-03",
      "007",
    ]);
  });

  it("rejects members of a newer API set than the emulated Excel has", async () => {
    const emu = seeded("1.4");
    expect(emu.Office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(emu.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    await emu.Excel.run(async (context) => {
      expect(() => context.workbook.notes).toThrow(/ExcelApi 1\.18/);
      expect(() => context.workbook.application.suspendScreenUpdatingUntilNextSync()).toThrow(/1\.9/);
      expect(() => context.workbook.worksheets.getItem("事项记录").freezePanes).toThrow(/1\.7/);
    });
    expect(
      createExcelEmulation({ apiVersion: "1.10" }).Office.context.requirements.isSetSupported(
        "ExcelApi",
        "1.9",
      ),
    ).toBe(true);
  });

  it("throws on members it does not emulate instead of returning undefined", async () => {
    const emu = seeded();
    await emu.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("事项记录") as unknown as Record<string, unknown>;
      expect(() => ws["charts"]).toThrow(/not emulated/);
    });
  });

  it("fails an operation on a missing sheet at sync, with ItemNotFound", async () => {
    const emu = seeded();
    await expect(
      emu.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("没有").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("reports a null object for a missing OrNullObject item only after load and sync", async () => {
    const emu = seeded();
    await emu.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("没有");
      missing.load("name");
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("fails a response over 5 MB with ResponsePayloadSizeLimitExceeded, leaving nothing loaded", async () => {
    const text = "考".repeat(1000);
    const emu = createExcelEmulation({
      sheets: [
        gridSeed(
          "大表",
          Array.from({ length: 1800 }, () => [text]),
        ),
      ],
    });
    await emu.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("大表");
      const all = ws.getRange("A1:A1800").load("values");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ResponsePayloadSizeLimitExceeded",
        message: expect.stringMatching(/^The response payload size has exceeded the limit/),
      });
      expect(() => all.values).toThrow(/not available/);
      // The same context goes on: half the rows fit.
      const half = ws.getRange("A1:A900").load("values");
      await context.sync();
      expect(half.values).toHaveLength(900);
    });
    expect(emu.stats.syncs).toBe(2);
    expect(emu.stats.responseBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(emu.stats.responseBytes[1]).toBeLessThan(PAYLOAD_LIMIT);
    expect(emu.stats.rejected).toEqual([{ sync: 1, code: "ResponsePayloadSizeLimitExceeded" }]);
  });

  it("fails a range read of more than 5 million cells with RangeExceedsLimit, whatever its bytes", async () => {
    const emu = createExcelEmulation({
      sheets: [
        {
          name: "宽表",
          cells: [
            { row: 1, column: 1, cell: { v: 1 } },
            { row: 306, column: 16384, cell: { v: 2 } },
          ],
        },
      ],
    });
    expect(306 * 16384).toBeGreaterThan(RANGE_CELL_LIMIT);
    await emu.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("宽表");
      ws.getUsedRangeOrNullObject(true).load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
      // Its size and address are not a "get" of the cells.
      const used = ws.getUsedRangeOrNullObject(true).load("address,rowCount,columnCount");
      await context.sync();
      expect([used.address, used.rowCount, used.columnCount]).toEqual(["'宽表'!A1:XFD306", 306, 16384]);
    });
    expect(emu.stats.rejected).toEqual([{ sync: 1, code: "RangeExceedsLimit" }]);
  });

  it("finds the used range within a range on ExcelApi 1.4, a null object where it holds no value", async () => {
    const emu = createExcelEmulation({
      apiVersion: "1.4",
      sheets: [
        gridSeed("事项记录", [
          ["日期", "", ""],
          ["", "", "x"],
          ["", "", ""],
          ["", "y", ""],
        ]),
      ],
    });
    await emu.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("事项记录");
      const head = ws.getRange("1:3").getUsedRangeOrNullObject(true).load("values,address");
      const none = ws.getRange("3:3").getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect(head.address).toBe("'事项记录'!A1:C2");
      expect(head.values).toEqual([
        ["日期", "", ""],
        ["", "", "x"],
      ]);
      expect(none.isNullObject).toBe(true);
    });
    await seeded("1.3").Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("事项记录").getRange("1:1");
      expect(() => range.getUsedRangeOrNullObject(true)).toThrow(/ExcelApi 1\.4/);
    });
  });
});
