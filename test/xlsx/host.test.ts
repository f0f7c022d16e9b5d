import ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx";
import { FLAG_SHEET, FLAG_NOTE_PREFIX } from "../../src/core";
import type { SheetModel } from "../../src/workbook/types";
import { xlsxBytes } from "../fixtures/workbook";

/** No fill, or the default "none" pattern ExcelJS reads back for it. */
function noFill(fill: ExcelJS.Fill | undefined): boolean {
  return fill === undefined || (fill.type === "pattern" && fill.pattern === "none");
}

async function reload(host: XlsxHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await host.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

const INPUT = [
  {
    name: "窗口名册",
    rows: [
      ["窗口", "派驻单位"],
      ["公安", "县公安局"],
      ["税务", "县税务局"],
    ],
  },
  {
    name: "事项记录",
    rows: [
      ["日期", "窗口", "条款", "备注"],
      [new Date(Date.UTC(2025, 2, 5)), "公安", "14.7", "=SUM(1)"],
      [new Date(Date.UTC(2025, 3, 1)), "税务", "18.5a", "ok"],
    ],
  },
];

const RESULT: SheetModel = {
  name: "窗口考核结果",
  columns: [
    { header: "期间", format: "text" },
    { header: "窗口", format: "text" },
    { header: "得分", format: "points" },
    { header: "比率", format: "percent" },
    { header: "原因", format: "text", width: 40 },
  ],
  rows: [
    ["2025-Q1", "公安", 99.8, 0.5, '=HYPERLINK("http://x")'],
    ["2025-Q1", "税务", 95, 0.125, "-3 扣分"],
    ["2025", "+86", 100.1, null, "@user"],
  ],
};

describe("XlsxHost.readSheets", () => {
  it("flattens rich text, hyperlinks, formula results and errors; keeps dates; masters only for merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("事项记录");
    ws.getCell("A1").value = { richText: [{ text: "日" }, { font: { bold: true }, text: "期" }] };
    ws.getCell("B1").value = { text: "窗口", hyperlink: "http://example.invalid" };
    ws.getCell("C1").value = { formula: "1+1", result: 2 };
    ws.getCell("D1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("A2").value = new Date(Date.UTC(2025, 0, 31));
    ws.getCell("E3").value = "far";
    ws.mergeCells("B2:C2");
    ws.getCell("B2").value = "merged";
    const host = await XlsxHost.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const [sheet] = await host.readSheets();
    expect(sheet!.name).toBe("事项记录");
    expect(sheet!.rows[0]).toEqual(["日期", "窗口", 2, "#DIV/0!"]);
    expect(sheet!.rows[1]).toEqual([new Date(Date.UTC(2025, 0, 31)), "merged"]);
    expect(sheet!.rows[2]).toEqual([null, null, null, null, "far"]);
  });

  it("places rows[r][c] at row r+1, column c+1, even with leading blank rows, without padding rows", async () => {
    const host = await XlsxHost.fromBuffer(await xlsxBytes([{ name: "S", rows: [[], [null, null, "C2"]] }]));
    const [sheet] = await host.readSheets();
    expect(sheet!.rows).toEqual([[], [null, null, "C2"]]);
  });
});

describe("XlsxHost.writeOutputs", () => {
  it("writes typed cells with formats, a frozen bold header, widths, and formula-looking text as text", async () => {
    const host = await XlsxHost.fromBuffer(await xlsxBytes(INPUT));
    await host.writeOutputs([RESULT], []);
    const wb = await reload(host);
    const ws = wb.getWorksheet("窗口考核结果")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("A1").value).toBe("期间");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("C2").value).toBe(99.8);
    expect(ws.getCell("C2").numFmt).toBe("0.0");
    expect(ws.getCell("D3").numFmt).toBe("0.0%");
    expect(ws.getCell("A2").numFmt).toBe("@");
    expect(ws.getColumn(5).width).toBe(40);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(6);
    for (const addr of ["E2", "E3", "E4", "B4"]) {
      expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(addr).formula).toBeUndefined();
    }
    expect(ws.getCell("E2").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("B4").value).toBe("+86");
  });

  it("leaves the input tabs' values unchanged and replaces an output tab in place", async () => {
    const host = await XlsxHost.fromBuffer(await xlsxBytes(INPUT));
    const before = await host.readSheets();
    await host.writeOutputs([RESULT, { ...RESULT, name: "考核明细" }], []);
    const again = await XlsxHost.fromBuffer(await host.toBuffer());
    await again.writeOutputs([{ ...RESULT, rows: [["2025", "公安", 88, 0, "x"]] }], []);
    const wb = await reload(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["窗口名册", "事项记录", "窗口考核结果", "考核明细"]);
    expect(wb.getWorksheet("窗口考核结果")!.rowCount).toBe(2);
    const after = await (await XlsxHost.fromBuffer(await again.toBuffer())).readSheets();
    expect(after.slice(0, 2)).toEqual(before);
  });

  it("rejects an invalid sheet name before changing anything", async () => {
    const host = await XlsxHost.fromBuffer(await xlsxBytes(INPUT));
    await expect(host.writeOutputs([RESULT, { ...RESULT, name: "a/b" }], [])).rejects.toThrow(
      "invalid sheet name",
    );
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["窗口名册", "事项记录"]);
  });
});

describe("inline flags", () => {
  const flag = { sheet: "事项记录", row: 2, codes: ["20B.1"], periods: ["2025-03"], message: "投诉" };

  it("fills the row, notes code and period, records them, and clears exactly them", async () => {
    const wb0 = new ExcelJS.Workbook();
    const ws0 = wb0.addWorksheet("事项记录");
    ws0.addRow(["日期", "窗口", "条款", "备注"]);
    ws0.addRow(["2025-03-05", "公安", "18.5a", "x"]);
    ws0.addRow(["2025-03-06", "公安", "18.5a", "y"]);
    ws0.getCell("A3").note = "user note";
    ws0.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
    const host = await XlsxHost.fromBuffer(Buffer.from(await wb0.xlsx.writeBuffer()));
    await host.writeOutputs(
      [],
      [flag, { ...flag, row: 3, periods: ["2025-Q1"] }, { ...flag, row: 3, codes: ["26.1"] }],
    );

    const scored = await XlsxHost.fromBuffer(await host.toBuffer());
    const ws = scored.workbook.getWorksheet("事项记录")!;
    expect(scored.workbook.getWorksheet(FLAG_SHEET)!.state).toBe("veryHidden");
    expect(String(ws.getCell("A2").note)).toBe(`${FLAG_NOTE_PREFIX}20B.1（2025-03）投诉`);
    const a3 = ws.getCell("A3").note;
    const a3text = typeof a3 === "string" ? a3 : (a3?.texts ?? []).map((t) => t.text).join("");
    expect(a3text).toContain("20B.1、26.1（2025-Q1、2025-03）");
    expect(a3text).toContain("user note");
    for (const addr of ["A2", "D2", "B3"])
      expect(ws.getCell(addr).fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("A4").fill).toBeUndefined();
    expect((await scored.readSheets()).map((s) => s.name)).toEqual(["事项记录"]);

    // A person recolours D2 after the run: clearing keeps their colour.
    ws.getCell("D2").style = {
      ...ws.getCell("D2").style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF0000FF" } },
    };
    expect(await scored.clearFlags()).toBe(2);
    const cleared = await reload(scored);
    const wc = cleared.getWorksheet("事项记录")!;
    expect(cleared.getWorksheet(FLAG_SHEET)).toBeUndefined();
    expect(wc.getCell("A2").note).toBeUndefined();
    expect(wc.getCell("A2").fill).toBeUndefined();
    expect(wc.getCell("A3").note).toBe("user note");
    expect(wc.getCell("B3").fill).toMatchObject({ fgColor: { argb: "FF00FF00" } });
    expect(wc.getCell("D2").fill).toMatchObject({ fgColor: { argb: "FF0000FF" } });
    expect(await scored.clearFlags()).toBe(0);
  });

  it("a second writeOutputs replaces the previous flags", async () => {
    const host = await XlsxHost.fromBuffer(await xlsxBytes(INPUT));
    await host.writeOutputs([], [flag]);
    const again = await XlsxHost.fromBuffer(await host.toBuffer());
    await again.writeOutputs([], [{ ...flag, row: 3 }]);
    const ws = (await reload(again)).getWorksheet("事项记录")!;
    expect(ws.getCell("A2").note).toBeUndefined();
    expect(noFill(ws.getCell("A2").fill)).toBe(true);
    expect(String(ws.getCell("A3").note)).toContain("20B.1");
  });
});

describe("flags recorded by the Excel add-in", () => {
  it("clears whole-row records (scope row, fill as #RRGGBB, note as text)", async () => {
    const wb0 = new ExcelJS.Workbook();
    const ws0 = wb0.addWorksheet("事项记录");
    ws0.addRow(["日期", "窗口", "条款"]);
    ws0.addRow(["2025-03-05", "公安", "18.5a"]);
    const red: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    for (const addr of ["A2", "B2", "C2"]) ws0.getCell(addr).fill = red;
    ws0.getCell("A2").note = `${FLAG_NOTE_PREFIX}20B.1（2025-03）投诉\n\n原注`;
    const record = wb0.addWorksheet(FLAG_SHEET, { state: "veryHidden" });
    record.addRow(["sheet", "row", "column", "fill", "note", "scope"]);
    record.addRow(["事项记录", 2, 1, JSON.stringify("#00FF00"), JSON.stringify("原注"), "row"]);
    const host = await XlsxHost.fromBuffer(Buffer.from(await wb0.xlsx.writeBuffer()));
    expect(await host.clearFlags()).toBe(1);
    const ws = (await reload(host)).getWorksheet("事项记录")!;
    for (const addr of ["A2", "B2", "C2"])
      expect(ws.getCell(addr).fill).toMatchObject({ fgColor: { argb: "FF00FF00" } });
    expect(ws.getCell("A2").note).toBe("原注");
  });
});

describe("addTemplateTabs", () => {
  it("adds missing tabs with drop-downs and hidden list sheets, never overwriting an existing tab", async () => {
    const host = await XlsxHost.fromBuffer(await xlsxBytes(INPUT));
    const models: SheetModel[] = [
      { name: "窗口名册", columns: [{ header: "X" }], rows: [] },
      {
        name: "事项记录2",
        columns: [{ header: "条款" }, { header: "核实" }],
        rows: [],
        validations: [
          { column: 1, firstRow: 2, lastRow: 5, listRange: "'列表'!$A$2:$A$3" },
          { column: 2, firstRow: 2, lastRow: 5, list: ["是", "否"] },
        ],
      },
      { name: "列表", columns: [{ header: "条款" }], rows: [["14.7 着装"], ["18.5a 投诉"]], hidden: true },
    ];
    expect(await host.addTemplateTabs(models)).toEqual(["事项记录2", "列表"]);
    const wb = await reload(host);
    expect(wb.getWorksheet("窗口名册")!.getCell("A1").value).toBe("窗口");
    expect(wb.getWorksheet("列表")!.state).toBe("hidden");
    const ws = wb.getWorksheet("事项记录2")!;
    expect(ws.getCell("A3").dataValidation).toMatchObject({ type: "list", formulae: ["'列表'!$A$2:$A$3"] });
    expect(ws.getCell("B5").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(ws.getCell("B6").dataValidation).toBeUndefined();
  });
});
