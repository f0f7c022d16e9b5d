import ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx";
import { buildPrintSheet, buildPrintSheetWithIndex } from "../../src/print";
import { audit, PERIOD, sampleCase } from "./factory";
import { zipText } from "./support";

describe("applyPrintLayout through the xlsx host", () => {
  it("writes A4 page setup, fit one page wide, breaks, titles, an absolute print area, merges and styles", async () => {
    const { input, result } = sampleCase();
    const { sheet, entities } = buildPrintSheetWithIndex(result, input, { period: PERIOD });
    const host = XlsxHost.empty();
    await host.writeOutputs([sheet], []);
    const bytes = await host.toBuffer();

    const xml = zipText(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
    expect(xml).toMatch(
      /<pageSetup[^>]*paperSize="9"[^>]*orientation="portrait"[^>]*fitToWidth="1" fitToHeight="0"/,
    );
    expect(xml).toMatch(/<pageMargins left="1" right="0.5" top="0.8" bottom="0.8" header="0.3" footer="0.3"/);
    // Page numbers are printed within each form (第 1 页 共 2 页), not in a sheet-wide footer.
    expect(xml).not.toContain("<oddFooter>");
    // ExcelJS does not read row breaks back, so they are checked in the XML.
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(breaks).toEqual(entities.slice(0, -1).map((e) => e.lastRow));
    const book = zipText(bytes, "xl/workbook.xml");
    expect(book).toContain(`&apos;打印_考核表&apos;!$A$1:$G$${sheet.rows.length}</definedName>`);
    expect(book).toContain(`&apos;打印_考核表&apos;!$1:$2</definedName>`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("打印_考核表")!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("portrait");
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    expect(ws.getCell("A1").value).toBe("田阳县 考核登记表");
    expect(ws.getCell("A1").isMerged && ws.getCell("G1").isMerged).toBe(true);
    expect(ws.getCell("A1").font).toMatchObject({ name: "SimSun", size: 16, bold: true });
    const first = entities[0];
    const headingRow = first.firstRow;
    expect(ws.getCell(headingRow, 1).value).toBe("部门窗口考核登记表：民政局窗口");
    expect(ws.getRow(headingRow).height).toBe(30);
    // Form rows carry thin borders on every cell.
    // Under the heading: 填表日期 and the page within the form.
    expect(ws.getCell(headingRow + 1, 7).value).toBe("第 1 页 共 1 页");
    expect(ws.getCell(headingRow + 1, 7).alignment?.horizontal).toBe("right");
    const field = headingRow + 2;
    expect(ws.getCell(field, 1).value).toBe("派驻单位");
    expect(ws.getCell(field, 7).border?.right?.style).toBe("thin");
    // Label and value boxes are cell groups, not merges: no line between B and C, text overflows.
    expect(ws.getCell(field, 2).value).toBe("县民政局");
    expect(ws.getCell(field, 2).isMerged).toBe(false);
    expect(ws.getCell(field, 2).border?.left?.style).toBe("thin");
    expect(ws.getCell(field, 2).border?.right).toBeUndefined();
    expect(ws.getCell(field, 3).border?.right?.style).toBe("thin");
    expect(ws.getCell(field, 3).border?.top?.style).toBe("thin");
    expect(ws.getCell(field, 1).fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFF2F2F2" } });
    // Points stay exact text, never a number that could round, and never a formula.
    const negative = ws.getColumn(5).values.find((v) => v === "-2.0");
    expect(negative).toBe("-2.0");
    expect(ws.getColumn(1).width).toBe(11);
  });

  it("writes text that looks like a formula as text", async () => {
    const evil = sampleCase();
    evil.result.audit.push(
      audit({
        entity: "税务局窗口",
        code: "override",
        points: 0,
        text: "=SUM(A1:A9)",
        note: "@x",
        date: "2025-03-30",
      }),
    );
    const sheet = buildPrintSheet(evil.result, evil.input, { period: PERIOD, who: ["税务局窗口"] });
    const host = XlsxHost.empty();
    await host.writeOutputs([sheet], []);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("打印_考核表")!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const formulaLike = cells.find((c) => c.value === "=SUM(A1:A9)（@x）");
    expect(formulaLike?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });
});
