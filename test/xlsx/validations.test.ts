import JSZip from "jszip";
import { XlsxHost } from "../../src/hosts/xlsx";
import type { SheetModel } from "../../src/workbook/types";

const MODEL: SheetModel = {
  name: "事项记录",
  columns: [{ header: "窗口" }, { header: "条款" }, { header: "核实" }],
  rows: [],
  validations: [
    { column: 1, firstRow: 2, lastRow: 2001, listRange: "'窗口名册'!$A$2:$A$2001" },
    { column: 2, firstRow: 2, lastRow: 2001, listRange: "'列表'!$A$2:$A$130" },
    { column: 3, firstRow: 2, lastRow: 2001, list: ["是", "否"] },
  ],
};

async function sqrefs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!).sort();
}

describe("data validations", () => {
  it("are written as one disjoint range per column, also after ExcelJS re-reads them per cell", async () => {
    const host = XlsxHost.empty();
    await host.addTemplateTabs([MODEL]);
    const first = await host.toBuffer();
    expect(await sqrefs(first)).toEqual(["A2:A2001", "B2:B2001", "C2:C2001"]);

    // ExcelJS expands ranges to cells on load and would write B10:B2001 + B2:B2001 (overlapping).
    const reloaded = await XlsxHost.fromBuffer(first);
    expect(reloaded.workbook.getWorksheet("事项记录")!.getCell("B500").dataValidation).toMatchObject({
      type: "list",
    });
    const second = await reloaded.toBuffer();
    expect(await sqrefs(second)).toEqual(["A2:A2001", "B2:B2001", "C2:C2001"]);
    // toBuffer leaves the in-memory model as it was.
    expect(reloaded.workbook.getWorksheet("事项记录")!.getCell("C7").dataValidation).toMatchObject({
      formulae: ['"是,否"'],
    });
  });

  it("keeps gaps: runs split where a cell has no or another validation", async () => {
    const host = XlsxHost.empty();
    await host.addTemplateTabs([MODEL]);
    const again = await XlsxHost.fromBuffer(await host.toBuffer());
    const ws = again.workbook.getWorksheet("事项记录")!;
    ws.getCell("B10").dataValidation = { type: "whole", formulae: [1] };
    const refs = await sqrefs(await again.toBuffer());
    expect(refs).toEqual(["A2:A2001", "B10", "B11:B2001", "B2:B9", "C2:C2001"]);
  });
});
