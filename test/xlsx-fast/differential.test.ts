/** The large-file path and the ExcelJS host must leave the same workbook behind: values, flags, notes. */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeSyntheticWorkbook } from "../../bench/lib/synth";
import { XlsxHost } from "../../src/hosts/xlsx";
import { noteText } from "../../src/hosts/xlsx/fileFlags";
import { FLAG_SHEET } from "../../src/core";
import { FastWorkbook } from "../../src/hosts/xlsx/fast/fastWorkbook";
import { CHUNK_BYTES } from "../../src/hosts/xlsx/fast/sheetReader";
import { entryBytes, readZip } from "../../src/hosts/xlsx/fast/zip";
import { runAssessment } from "../../src/pipeline";

const example = readFileSync(join(__dirname, "..", "..", "examples", "county-2025.xlsx"));

interface Snapshot {
  values: Record<string, unknown[][]>;
  fills: Record<string, string>;
  notes: Record<string, string>;
}

async function snapshot(bytes: Uint8Array, filled: readonly string[] = ["事项记录"]): Promise<Snapshot> {
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
        if (fill?.fgColor?.argb && filled.includes(ws.name))
          snap.fills[`${ws.name}!${cell.address}`] = fill.fgColor.argb;
        const note = noteText(cell.note);
        if (note) snap.notes[`${ws.name}!${cell.address}`] = note;
      });
    });
    snap.values[ws.name] = rows;
  });
  return snap;
}

/** Rows as compared across readers: blanks as null, no trailing blanks. */
const trim = (rows: unknown[][]): unknown[][] =>
  rows.map((r) => {
    const out = r.map((v) => (v === "" || v === undefined ? null : v));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });

describe("large-file path versus the ExcelJS host", () => {
  const host = XlsxHost.fromBuffer(example);
  const fast = FastWorkbook.fromBuffer(example);

  it("reads the same sheets", async () => {
    const viaExcelJs = await (await host).readSheets();
    const viaFast = fast.readSheets();
    expect(viaFast.map((s) => s.name)).toEqual(viaExcelJs.map((s) => s.name));
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

// Long 事项名称 in CJK (one outside the BMP, escapes, full-width forms): a case-log tab of several MB,
// so that read chunks (1 MB by default, and tiny ones here) and patch chunks end all over these texts.
const MATTERS = [
  "不动产登记（转移登记）及契税、个人所得税一并受理",
  "𠀀𠀁企业开办“一网通办”全程电子化申请与审核",
  "社会保障卡申领、补换 & <挂失> 及“即时制卡”业务",
  "城乡居民基本养老保险参保登记与待遇领取资格认证".repeat(3),
  "事项",
];

describe("large-file path on a case log several read chunks long", () => {
  let dir: string;
  let bytes: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kaohe-chunks-"));
    const file = join(dir, "cases.xlsx");
    const shape = { cases: 6000, incidents: 300, windows: 8, staff: 24, seed: 5, matters: MATTERS };
    await writeSyntheticWorkbook(file, shape);
    bytes = readFileSync(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the same cells whatever the chunk size, and the same as the ExcelJS host", async () => {
    const caseLog = readZip(bytes).get("xl/worksheets/sheet5.xml")!;
    expect(entryBytes(caseLog).length).toBeGreaterThan(2 * CHUNK_BYTES);
    const whole = FastWorkbook.fromBuffer(bytes).readSheets();
    for (const chunk of [4096, 997, 1]) {
      expect(FastWorkbook.fromBuffer(bytes).readSheets(undefined, chunk)).toEqual(whole);
    }
    const viaExcelJs = await (await XlsxHost.fromBuffer(bytes)).readSheets();
    const cases = whole.find((s) => s.name === "办件台账")!;
    expect(cases.rows).toHaveLength(6001);
    expect(trim(cases.rows)).toEqual(trim(viaExcelJs.find((s) => s.name === "办件台账")!.rows));
    expect(new Set(cases.rows.map((r) => r[3]))).toEqual(new Set(["事项名称", ...MATTERS]));
  });

  it("writes the same values, fills and notes as the ExcelJS host, with flags on the case log", async () => {
    const fast = FastWorkbook.fromBuffer(bytes);
    const outcome = runAssessment(fast.readSheets());
    expect(outcome.ok).toBe(true);
    expect(outcome.flags.filter((f) => f.sheet === "办件台账").length).toBeGreaterThan(5);
    const viaFast = fast.withOutputs(outcome.sheets, outcome.flags)!;
    expect(viaFast).toBeDefined();
    const reference = await XlsxHost.fromBuffer(bytes);
    await reference.writeOutputs(outcome.sheets, outcome.flags);
    const filled = ["事项记录", "办件台账"];
    const a = await snapshot(viaFast, filled);
    const b = await snapshot(await reference.toBuffer(), filled);
    expect(Object.keys(a.values)).toEqual(Object.keys(b.values));
    for (const name of Object.keys(b.values)) expect([name, a.values[name]]).toEqual([name, b.values[name]]);
    expect(a.fills).toEqual(b.fills);
    expect(a.notes).toEqual(b.notes);
    expect(Object.keys(a.fills).some((k) => k.startsWith("办件台账!"))).toBe(true);

    // Rows known to ascend pass on as bytes; unknown order patches every chunk as text: the same parts.
    const unread = FastWorkbook.fromBuffer(bytes).withOutputs(outcome.sheets, outcome.flags)!;
    const parts = (buf: Buffer) =>
      [...readZip(buf)].map(([name, e]) => [name, entryBytes(e).toString("utf8")]);
    expect(parts(unread)).toEqual(parts(viaFast));
  });
});
