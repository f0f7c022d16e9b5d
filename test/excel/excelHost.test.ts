import { FLAG_NOTE_PREFIX, FLAG_SHEET, type InlineFlag } from "../../src/core";
import type { SheetModel } from "../../src/workbook/types";
import { FLAG_COLOR } from "../../src/hosts/excel/flagRecord";
import { sheetValues, SheetState } from "../emulation/excel";
import { emulatedHost, gridSeed } from "../emulation/excel/host";

const incidents = (n: number): (string | number)[][] => [
  ["日期", "窗口", "人员", "条款"],
  ...Array.from({ length: n }, (_, i) => [45658 + (i % 300), `窗口${i % 7}`, `人${i % 13}`, "14.7"]),
];

const results: SheetModel = {
  name: "窗口考核结果",
  columns: [
    { header: "期间", format: "text" },
    { header: "窗口", format: "text", width: 12 },
    { header: "得分", format: "points" },
    { header: "原因", format: "text" },
    { header: "备注" },
  ],
  rows: [
    ["2025-03", "民政", 98.5, "=SUM(1)", "+86 123"],
    ["2025-Q1", "007", 100, "-x", "@foo"],
    ["2025", "社保", 95, null, new Date(Date.UTC(2025, 2, 5))],
  ],
};

const flag: InlineFlag = {
  sheet: "事项记录",
  row: 3,
  codes: ["20A"],
  periods: ["2025"],
  message: "一票否决",
};

describe("ExcelHost.readSheets", () => {
  it("pads to A1, gives null for empty cells and keeps date serials, in two syncs while every tab fits the first read", async () => {
    const seed = gridSeed("事项记录", incidents(2));
    seed.cells = seed.cells.map((c) => ({ ...c, row: c.row + 2, column: c.column + 1 }));
    const { emu, host } = emulatedHost({ sheets: [seed, gridSeed("空表", [])] });
    const sheets = await host.readSheets();
    expect(sheets.map((s) => s.name)).toEqual(["事项记录", "空表"]);
    const rows = sheets[0]!.rows;
    expect(rows.length).toBe(5);
    expect(rows[0]).toEqual([]);
    expect(rows[2]).toEqual([null, "日期", "窗口", "人员", "条款"]);
    expect(rows[3]).toEqual([null, 45658, "窗口0", "人0", "14.7"]);
    expect(sheets[1]!.rows).toEqual([]);
    expect(emu.stats.syncs).toBe(2);
    for (const n of [10, 5000]) {
      const big = emulatedHost({
        sheets: [gridSeed("事项记录", incidents(n)), gridSeed("人员名册", [["姓名"], ["甲"]])],
      });
      await big.host.readSheets();
      expect(big.emu.stats.syncs).toBe(2);
    }
  });
});

describe("ExcelHost.writeOutputs", () => {
  it("writes values with text kept as text, dates as serials and number formats", async () => {
    const { emu, host } = emulatedHost({ sheets: [gridSeed("事项记录", incidents(3))] });
    await host.readSheets();
    await host.writeOutputs([results], []);
    expect(sheetValues(emu.book, "窗口考核结果")).toEqual([
      ["期间", "窗口", "得分", "原因", "备注"],
      ["2025-03", "民政", 98.5, "=SUM(1)", "+86 123"],
      ["2025-Q1", "007", 100, "-x", "@foo"],
      ["2025", "社保", 95, "", 45721],
    ]);
    const sheet = emu.book.find("窗口考核结果")!;
    for (const c of sheet.cells.values()) expect(c.f).toBeUndefined();
    expect(sheet.cell(2, 3)?.fmt).toBe("0.0");
    expect(sheet.cell(4, 5)?.fmt).toBe("yyyy-mm-dd");
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.cell(1, 1)?.bold).toBe(true);
    expect(emu.book.live().map((s) => s.name)).toEqual(["事项记录", "窗口考核结果"]);
  });

  it("replaces output tabs as a whole: a re-run gives identical tabs and no leftovers", async () => {
    const { emu, host } = emulatedHost({ sheets: [gridSeed("事项记录", incidents(3))] });
    await host.writeOutputs([{ ...results, rows: [...results.rows, ["2025", "多余", 1, null, null]] }], []);
    await host.writeOutputs([results], []);
    const once = sheetValues(emu.book, "窗口考核结果");
    await host.writeOutputs([results], []);
    expect(sheetValues(emu.book, "窗口考核结果")).toEqual(once);
    expect(once.length).toBe(4);
    expect(emu.book.live().map((s) => s.name)).toEqual(["事项记录", "窗口考核结果"]);
  });

  it.each([2])(
    "leaves the old results intact when sync %i (data and swap) fails, and removes the temporary sheets",
    async (n) => {
      const { emu, host } = emulatedHost({ sheets: [gridSeed("事项记录", incidents(3))] });
      await host.writeOutputs([results], []);
      const before = sheetValues(emu.book, "窗口考核结果");
      emu.resetStats();
      emu.stats.failAtSync = n;
      await expect(
        host.writeOutputs([{ ...results, rows: [["2099", "新", 1, null, null]] }], [flag]),
      ).rejects.toMatchObject({
        code: "GeneralException",
      });
      expect(sheetValues(emu.book, "窗口考核结果")).toEqual(before);
      expect(emu.book.live().map((s) => s.name)).toEqual(["事项记录", "窗口考核结果"]);
      expect(emu.book.find("事项记录")!.rowFills.size).toBe(0);
    },
  );

  it("stays within 2 + ceil(payload / 4 MB) syncs on a large write, each under the 5 MB limit", async () => {
    const rows = Array.from({ length: 40000 }, (_, i) => [
      "2025-Q1",
      `窗口${i}`,
      i / 10,
      `原因说明很长很长的文字 ${i}`,
      i,
    ]);
    const { emu, host } = emulatedHost({ sheets: [gridSeed("事项记录", incidents(3))] });
    await host.readSheets();
    emu.resetStats();
    await host.writeOutputs([{ ...results, rows }], []);
    const payload = emu.stats.requestBytes.reduce((a, b) => a + b, 0);
    expect(payload).toBeGreaterThan(4 * 1024 * 1024);
    expect(emu.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(payload / (4 * 1024 * 1024)));
    expect(Math.max(...emu.stats.requestBytes)).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(sheetValues(emu.book, "窗口考核结果").length).toBe(40001);
  });
});

describe("inline flags", () => {
  it("reports a failure of the flag sync after the swap, leaving the old flags and their record as they were", async () => {
    const { emu, host } = emulatedHost({ sheets: [gridSeed("事项记录", incidents(4))] });
    await host.writeOutputs([results], [flag]);
    emu.resetStats();
    emu.stats.failAtSync = 3;
    await expect(host.writeOutputs([results], [{ ...flag, row: 4 }])).rejects.toMatchObject({
      code: "GeneralException",
    });
    const sheet = emu.book.find("事项记录")!;
    expect([...sheet.rowFills.keys()]).toEqual([3]);
    emu.stats.failAtSync = undefined;
    expect(await host.clearFlags()).toBe(1);
    expect(sheet.rowFills.size).toBe(0);
  });

  it("fills the row, adds a note, records the original and clears exactly what it set", async () => {
    const seed = gridSeed("事项记录", incidents(4));
    seed.cells.push({ row: 4, column: 2, cell: { v: "窗口1" } });
    const { emu, host } = emulatedHost({
      sheets: [{ ...seed, notes: [{ row: 4, column: 1, text: "原有批注" }] }],
    });
    const sheet = emu.book.find("事项记录")!;
    sheet.rowFills.set(4, "#00FF00");
    await host.readSheets();
    await host.writeOutputs(
      [results],
      [flag, { ...flag, row: 4, codes: ["26.1"] }, { ...flag, codes: ["20B.1"] }],
    );
    expect(sheet.rowFills.get(3)).toBe(FLAG_COLOR);
    expect(sheet.notes.get(SheetState.key(3, 1))).toBe(`${FLAG_NOTE_PREFIX}20A、20B.1（2025）一票否决`);
    expect(sheet.notes.get(SheetState.key(4, 1))).toMatch(/^【考核标记】26\.1.*\n\n原有批注$/);
    expect(emu.book.find(FLAG_SHEET)?.visibility).toBe("VeryHidden");
    // A re-run keeps the true originals.
    await host.readSheets();
    await host.writeOutputs([results], [{ ...flag, row: 4 }]);
    expect(sheet.rowFills.get(3)).toBeUndefined();
    expect(sheet.notes.has(SheetState.key(3, 1))).toBe(false);
    expect(sheet.notes.get(SheetState.key(4, 1))).toMatch(/原有批注$/);
    // A person recolours the row; 清除标记 leaves that alone but restores the note.
    sheet.rowFills.set(4, "#123456");
    expect(await host.clearFlags()).toBe(1);
    expect(sheet.rowFills.get(4)).toBe("#123456");
    expect(sheet.notes.get(SheetState.key(4, 1))).toBe("原有批注");
    expect(emu.book.find(FLAG_SHEET)).toBeUndefined();
    expect(await host.clearFlags()).toBe(0);
  });

  it("restores the original fill on clear", async () => {
    const { emu, host } = emulatedHost({ sheets: [gridSeed("事项记录", incidents(4))] });
    const sheet = emu.book.find("事项记录")!;
    sheet.rowFills.set(3, "#00FF00");
    await host.writeOutputs([results], [flag]);
    expect(sheet.rowFills.get(3)).toBe(FLAG_COLOR);
    expect(await host.clearFlags()).toBe(1);
    expect(sheet.rowFills.get(3)).toBe("#00FF00");
    expect(sheetValues(emu.book, "事项记录")).toEqual(incidents(4));
  });

  it("on ExcelApi 1.4 lists the flags in a tab instead of notes, and still clears the fills", async () => {
    const { emu, host } = emulatedHost({ apiVersion: "1.4", sheets: [gridSeed("事项记录", incidents(4))] });
    expect(host.notices()).toEqual(["noNotes", "noValidation", "noFreeze"]);
    await host.readSheets();
    await host.writeOutputs([results], [flag]);
    expect(sheetValues(emu.book, "考核标记")).toEqual([
      ["工作表", "行", "条款", "期间", "说明", "定位"],
      ["事项记录", 3, "20A", "2025", "一票否决", "事项记录!A3"],
    ]);
    expect(emu.book.find("事项记录")!.rowFills.get(3)).toBe(FLAG_COLOR);
    expect(await host.clearFlags()).toBe(1);
    expect(emu.book.find("事项记录")!.rowFills.size).toBe(0);
  });

  it("links the flag list to the rows on ExcelApi 1.7", async () => {
    const { emu, host } = emulatedHost({ apiVersion: "1.10", sheets: [gridSeed("事项记录", incidents(4))] });
    await host.writeOutputs([results], [flag]);
    expect(emu.book.find("考核标记")!.cell(2, 6)).toMatchObject({ v: "定位", hyperlink: "'事项记录'!A3" });
  });
});

describe("template and select", () => {
  const template: SheetModel[] = [
    {
      name: "事项记录",
      columns: [
        { header: "日期", format: "date" },
        { header: "窗口", format: "text" },
      ],
      rows: [],
      validations: [{ column: 2, firstRow: 2, lastRow: 500, listRange: "'列表'!$A$2:$A$9" }],
    },
    { name: "列表", columns: [{ header: "窗口" }], rows: [["民政"], ["=危险"]], hidden: true },
  ];

  it("adds only missing tabs, never overwriting one", async () => {
    const { emu, host } = emulatedHost({ sheets: [gridSeed("事项记录", [["我的表头"]])] });
    expect(await host.addTemplateTabs(template)).toEqual(["列表"]);
    expect(sheetValues(emu.book, "事项记录")).toEqual([["我的表头"]]);
    expect(sheetValues(emu.book, "列表")).toEqual([["窗口"], ["民政"], ["=危险"]]);
    expect(emu.book.find("列表")!.visibility).toBe("Hidden");
    const fresh = emulatedHost({ sheets: [gridSeed("说明", [["x"]])] });
    expect(await fresh.host.addTemplateTabs(template)).toEqual(["事项记录", "列表"]);
    expect(fresh.emu.book.find("事项记录")!.validations).toEqual([
      {
        address: "'事项记录'!B2:B500",
        rule: { list: { inCellDropDown: true, source: "='列表'!$A$2:$A$9" } },
      },
    ]);
    expect(await fresh.host.addTemplateTabs(template)).toEqual([]);
  });

  it("selects a cell or a whole row for 定位", async () => {
    const { emu, host } = emulatedHost({ sheets: [gridSeed("事项记录", incidents(4))] });
    await host.select("事项记录", 3, 2);
    expect(emu.book.selection).toEqual({ sheet: "事项记录", address: "'事项记录'!B3" });
    await host.select("事项记录", 4);
    expect(emu.book.selection?.address).toBe("'事项记录'!A4:XFD4");
  });
});

describe("large models", () => {
  it("plans 150k rows without spreading them onto the stack", async () => {
    const { planSyncs } = await import("../../src/hosts/excel/blocks");
    const rows = Array.from({ length: 150000 }, (_, i) => [i]);
    const syncs = planSyncs([{ name: "x", columns: [{ header: "n" }], rows }]);
    expect(syncs.flat().reduce((n, b) => n + b.values.length, 0)).toBe(150001);
  });
});
