/**
 * One contract, two hosts: the Excel host (over the strict emulation) and the xlsx host (ExcelJS) must
 * read the same workbook into the same core input and leave the same cells after the same writes.
 */
import * as fs from "fs";
import * as path from "path";
import type { WorkbookHost } from "../../src/workbook/types";
import { XlsxHost } from "../../src/hosts/xlsx";
import { buildTemplate, runAssessment } from "../../src/pipeline";
import { getProfile } from "../../src/rules";
import { emulatedHost } from "../emulation/excel/host";
import { seedsFromXlsx } from "../emulation/excel/fromExcelJs";
import { neutralSheets } from "./normalize";
import { excelSnapshot, xlsxSnapshot, type SheetSnapshot } from "./snapshot";

const example = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../examples/county-2025.xlsx")));

interface Subject {
  host: WorkbookHost;
  snapshot(): Promise<SheetSnapshot[]>;
}

const hosts: [string, (bytes: Uint8Array) => Promise<Subject>][] = [
  [
    "xlsx host",
    async (bytes) => {
      const host = await XlsxHost.fromBuffer(bytes);
      return { host, snapshot: () => xlsxSnapshot(host) };
    },
  ],
  [
    "Excel host (emulated)",
    async (bytes) => {
      const { emu, host } = emulatedHost({ sheets: await seedsFromXlsx(bytes) });
      return { host, snapshot: async () => excelSnapshot(emu) };
    },
  ],
];

const byName = (s: SheetSnapshot[]) => new Map(s.map((x) => [x.name, x]));

describe.each(hosts)("WorkbookHost contract: %s", (_name, make) => {
  it("scores the example: output tabs written, inputs untouched, veto rows flagged with notes", async () => {
    const subject = await make(example);
    const before = byName(await subject.snapshot());
    const outcome = runAssessment(await subject.host.readSheets());
    expect(outcome.ok).toBe(true);
    expect(outcome.flags.length).toBeGreaterThan(0);
    await subject.host.writeOutputs(outcome.sheets, outcome.flags);
    const after = byName(await subject.snapshot());
    for (const [name, sheet] of before) expect(after.get(name)?.rows).toEqual(sheet.rows);
    for (const model of outcome.sheets)
      expect(after.get(model.name)?.rows.length).toBeGreaterThan(model.rows.length);
    const flagged = new Set(outcome.flags.map((f) => `${f.sheet}:${f.row}`));
    const marked = [...after.values()].flatMap((s) => s.flaggedRows.map((r) => `${s.name}:${r}`));
    expect(new Set(marked)).toEqual(flagged);
    for (const key of flagged) {
      const [sheet, row] = key.split(":");
      expect(after.get(sheet!)!.notes[`${row},1`]).toMatch(/^【考核标记】/);
    }
  });

  it("reads back what it wrote, re-runs to identical tabs, and clears exactly its flags", async () => {
    const subject = await make(example);
    const original = await subject.snapshot();
    const outcome = runAssessment(await subject.host.readSheets());
    await subject.host.writeOutputs(outcome.sheets, outcome.flags);
    const first = await subject.snapshot();
    const again = runAssessment(await subject.host.readSheets());
    await subject.host.writeOutputs(again.sheets, again.flags);
    expect(await subject.snapshot()).toEqual(first);
    const reread = byName(
      neutralSheets(await subject.host.readSheets()).map((s) => ({ ...s, flaggedRows: [], notes: {} })),
    );
    for (const model of outcome.sheets)
      expect(reread.get(model.name)!.rows).toEqual(byName(first).get(model.name)!.rows);
    const flaggedRows = new Set(outcome.flags.map((f) => `${f.sheet}:${f.row}`)).size;
    expect(await subject.host.clearFlags()).toBe(flaggedRows);
    const cleared = byName(await subject.snapshot());
    for (const sheet of original) expect(cleared.get(sheet.name)).toEqual(sheet);
    expect(await subject.host.clearFlags()).toBe(0);
  });

  it("a write without flags (consolidation, print forms) leaves the previous run's flags as they are", async () => {
    const subject = await make(example);
    const original = byName(await subject.snapshot());
    const outcome = runAssessment(await subject.host.readSheets());
    await subject.host.writeOutputs(outcome.sheets, outcome.flags);
    const scored = await subject.snapshot();
    const tab = { name: "县汇总_镇街排名", columns: [{ header: "单位" }], rows: [["某镇"]] };
    await subject.host.writeOutputs([tab]);
    const after = byName(await subject.snapshot());
    for (const sheet of scored) expect(after.get(sheet.name)).toEqual(sheet);
    expect(after.get(tab.name)?.rows.length).toBeGreaterThan(1);
    // The record still holds: clearing restores the original input rows.
    expect(await subject.host.clearFlags()).toBe(
      new Set(outcome.flags.map((f) => `${f.sheet}:${f.row}`)).size,
    );
    const cleared = byName(await subject.snapshot());
    for (const [name, sheet] of original) expect(cleared.get(name)).toEqual(sheet);
  });

  it("writes untrusted text as text, never as a formula, a date or a number", async () => {
    const subject = await make(example);
    const texts = ["=SUM(1)", "+86 123", "-1+2", "@foo", "2025-03", "007", "TRUE"];
    await subject.host.writeOutputs(
      [{ name: "文本", columns: [{ header: "原因", format: "general" }], rows: texts.map((t) => [t]) }],
      [],
    );
    const sheet = (await subject.host.readSheets()).find((s) => s.name === "文本")!;
    expect(sheet.rows.slice(1).map((r) => r[0])).toEqual(texts);
  });

  it("adds only missing template tabs", async () => {
    const subject = await make(example);
    const profile = getProfile("tianyang-2008")!;
    const added = await subject.host.addTemplateTabs(buildTemplate(profile));
    const names = (await subject.host.readSheets()).map((s) => s.name);
    expect(added.every((n) => names.includes(n))).toBe(true);
    expect(added).not.toContain("事项记录");
    expect(await subject.host.addTemplateTabs(buildTemplate(profile))).toEqual([]);
  });
});

describe("the two hosts agree", () => {
  it("read the same workbook into the same sheets and the same core input", async () => {
    const [x, e] = await Promise.all(hosts.map(([, make]) => make(example)));
    const rawX = await x!.host.readSheets();
    const rawE = await e!.host.readSheets();
    expect(neutralSheets(rawE)).toEqual(neutralSheets(rawX));
    const outX = runAssessment(rawX);
    const outE = runAssessment(rawE);
    expect(outE.input).toEqual(outX.input);
    expect(outE.result).toEqual(outX.result);
    expect(outE.sheets).toEqual(outX.sheets);
  });

  it("leave identical cells, flags and notes after the same run, the same template and the same clear", async () => {
    const [x, e] = await Promise.all(hosts.map(([, make]) => make(example)));
    for (const s of [x!, e!]) {
      const outcome = runAssessment(await s.host.readSheets());
      await s.host.writeOutputs(outcome.sheets, outcome.flags);
    }
    expect(await e!.snapshot()).toEqual(await x!.snapshot());
    const template = buildTemplate(getProfile("tianyang-2008")!);
    expect(await e!.host.addTemplateTabs(template)).toEqual(await x!.host.addTemplateTabs(template));
    expect(await e!.host.clearFlags()).toBe(await x!.host.clearFlags());
    expect(await e!.snapshot()).toEqual(await x!.snapshot());
  });

  it("clear in Excel what the xlsx host (the CLI, the standalone page) flagged", async () => {
    const xlsx = await XlsxHost.fromBuffer(example);
    const outcome = runAssessment(await xlsx.readSheets());
    await xlsx.writeOutputs(outcome.sheets, outcome.flags);
    const { emu, host } = emulatedHost({ sheets: await seedsFromXlsx(await xlsx.toBuffer()) });
    expect(excelSnapshot(emu).some((s) => s.flaggedRows.length > 0)).toBe(true);
    const rows = new Set(outcome.flags.map((f) => `${f.sheet}:${f.row}`)).size;
    expect(await host.clearFlags()).toBe(rows);
    const original = byName(excelSnapshot(emulatedHost({ sheets: await seedsFromXlsx(example) }).emu));
    for (const sheet of excelSnapshot(emu)) {
      if (!original.has(sheet.name)) continue;
      expect(sheet.flaggedRows).toEqual([]);
      expect(sheet.notes).toEqual(original.get(sheet.name)!.notes);
    }
  });
});
