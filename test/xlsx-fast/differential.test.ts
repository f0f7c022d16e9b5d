/** The large-file path and the ExcelJS host must leave the same workbook behind: values, flags, notes. */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { FLAG_SHEET, noteText } from "../../src/hosts/xlsx/flags";
import { FastWorkbook } from "../../src/hosts/xlsx/fast/fastWorkbook";
import { runAssessment } from "../../src/pipeline";

const example = readFileSync(join(__dirname, "..", "..", "examples", "county-2025.xlsx"));

interface Snapshot {
  values: Record<string, unknown[][]>;
  fills: Record<string, string>;
  notes: Record<string, string>;
}

async function snapshot(bytes: Uint8Array): Promise<Snapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const snap: Snapshot = { values: {}, fills: {}, notes: {} };
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      // No fill is reported either as null or as pattern "none" depending on the cell's style record.
      const none = JSON.stringify({ type: "pattern", pattern: "none" });
      rows[n - 1] = (row.values as unknown[])
        .slice(1)
        .map((v) => (v === "" ? undefined : v === none ? "null" : v));
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.style.fill as { fgColor?: { argb?: string } } | undefined;
        if (fill?.fgColor?.argb && ws.name === "事项记录")
          snap.fills[`${ws.name}!${cell.address}`] = fill.fgColor.argb;
        const note = noteText(cell.note);
        if (note) snap.notes[`${ws.name}!${cell.address}`] = note;
      });
    });
    snap.values[ws.name] = rows;
  });
  return snap;
}

describe("large-file path versus the ExcelJS host", () => {
  const host = XlsxHost.fromBuffer(example);
  const fast = FastWorkbook.fromBuffer(example);

  it("reads the same sheets", async () => {
    const viaExcelJs = await (await host).readSheets();
    const viaFast = fast.readSheets();
    expect(viaFast.map((s) => s.name)).toEqual(viaExcelJs.map((s) => s.name));
    const trim = (rows: unknown[][]): unknown[][] =>
      rows.map((r) => {
        const out = r.map((v) => (v === "" || v === undefined ? null : v));
        while (out.length > 0 && out[out.length - 1] === null) out.pop();
        return out;
      });
    for (let i = 0; i < viaFast.length; i++) {
      const a = trim(viaFast[i]!.rows);
      const b = trim(viaExcelJs[i]!.rows);
      while (b.length > 0 && b[b.length - 1]!.length === 0) b.pop();
      expect(a).toEqual(b);
    }
  });

  it("writes the same values, flags and notes, and the ExcelJS host's clear restores the input", async () => {
    const outcome = runAssessment(fast.readSheets());
    expect(outcome.ok).toBe(true);
    expect(outcome.flags.length).toBeGreaterThan(0);
    const viaFast = fast.withOutputs(outcome.sheets, outcome.flags);
    expect(viaFast).toBeDefined();
    const reference = await host;
    await reference.writeOutputs(outcome.sheets, outcome.flags);
    const a = await snapshot(viaFast!);
    const b = await snapshot(await reference.toBuffer());
    expect(Object.keys(a.values)).toEqual(Object.keys(b.values));
    for (const name of Object.keys(b.values)) expect([name, a.values[name]]).toEqual([name, b.values[name]]);
    expect(a.fills).toEqual(b.fills);
    expect(a.notes).toEqual(b.notes);
    expect(Object.keys(a.fills).length).toBeGreaterThan(outcome.flags.length);

    const reopened = await XlsxHost.fromBuffer(viaFast!);
    expect(await reopened.clearFlags()).toBeGreaterThan(0);
    const cleared = await snapshot(await reopened.toBuffer());
    const input = await snapshot(example);
    expect(cleared.values["事项记录"]).toEqual(input.values["事项记录"]);
    expect(cleared.fills).toEqual(input.fills);
    expect(cleared.notes).toEqual(input.notes);
    expect(Object.keys(cleared.values)).not.toContain(FLAG_SHEET);
  });

  it("declines what only the ExcelJS host can do, so callers fall back", async () => {
    const outcome = runAssessment(fast.readSheets());
    const once = FastWorkbook.fromBuffer(fast.withOutputs(outcome.sheets, outcome.flags)!);
    expect(once.withOutputs(outcome.sheets, outcome.flags)).toBeUndefined(); // earlier flags to restore
    const form = { name: "打印_考核表", columns: [], rows: [], headerless: true };
    expect(fast.withOutputs([form], [])).toBeUndefined();
  });
});
