/**
 * The bundled sample as other writers encode it: each legal rewrite scores exactly as the original, with
 * the same inline flags, notes and flag record (judged through LibreOffice, which reads every encoding),
 * scores again from its own scored copy, and clears back to the input as LibreOffice reads it.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { largeFileReader } from "../../src/hosts/xlsx/fast/open";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { runCli } from "../cli/run";
import {
  commentsAndReferences,
  inlineStrings,
  prefixed,
  sharedFormulas,
  singleQuoted,
  strictNamespaces,
  withoutR,
} from "../fixtures/rewrites";
import { INPUT_TABS, snapshot } from "./snapshot";

const SAMPLE = path.join(__dirname, "../../examples/county-2025.xlsx");

/** Converts files to .xlsx with LibreOffice in one run; returns the converted paths in order. */
function viaLibreOffice(files: string[], outDir: string): string[] {
  const profile = mkdtempSync(path.join(tmpdir(), "kaohe-lo-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "pipe", timeout: 300000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, path.basename(f)));
}

/** The JSON report without what names the file. */
const report = (stdout: string): unknown => {
  const doc = JSON.parse(stdout) as Record<string, unknown>;
  return { windows: doc.windows, staff: doc.staff, townships: doc.townships, issues: doc.issues };
};

let dir: string;
const variants: Record<string, Buffer> = {};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kaohe-rewrites-"));
  const sample = readFileSync(SAMPLE);
  Object.assign(variants, {
    original: sample,
    prefixed: prefixed(sample),
    "single-quoted": singleQuoted(sample),
    "without-r": withoutR(sample),
    "inline-strings": inlineStrings(sample),
    "comments-cdata-references": commentsAndReferences(sample),
    "shared-formulas": sharedFormulas(sample),
  });
  for (const [name, bytes] of Object.entries(variants)) writeFileSync(path.join(dir, `${name}.xlsx`), bytes);
  // LibreOffice's own re-save of the sample is one more writer.
  const loDir = mkdtempSync(path.join(tmpdir(), "kaohe-lo-out-"));
  const [resaved] = viaLibreOffice([path.join(dir, "original.xlsx")], loDir);
  variants.libreoffice = readFileSync(resaved!);
  writeFileSync(path.join(dir, "libreoffice.xlsx"), variants.libreoffice);
}, 300000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows with the minute the outputs were stamped with masked: the runs may straddle a minute. */
function unstamped(rows: unknown): unknown {
  const minute = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
  if (!Array.isArray(rows)) return rows;
  return rows.map((row: unknown) =>
    Array.isArray(row) ? row.map((v) => (typeof v === "string" && minute.test(v) ? "<minute>" : v)) : row,
  );
}

describe("legal rewrites of the sample", () => {
  it("are read by LibreOffice exactly as the original (the rewrites are legal)", async () => {
    const names = Object.keys(variants).filter((n) => n !== "libreoffice");
    const out = mkdtempSync(path.join(tmpdir(), "kaohe-lo-in-"));
    const converted = viaLibreOffice(
      names.map((n) => path.join(dir, `${n}.xlsx`)),
      out,
    );
    const reference = await snapshot(converted[0]!);
    for (let i = 1; i < names.length; i++) {
      expect([names[i], (await snapshot(converted[i]!)).values]).toEqual([names[i], reference.values]);
    }
  }, 300000);

  it("score with identical results, inline flags, notes and flag record, and score again from their scored copy", async () => {
    const runs: Record<string, unknown> = {};
    for (const name of Object.keys(variants)) {
      const run = await runCli(["score", `${name}.xlsx`, "--json", "--verbose"], dir);
      expect([name, run.code, run.stderr]).toEqual([
        name,
        0,
        `kaohe score: ${name}.xlsx read by the large-file reader\nkaohe score: written by the large-file writer\n`,
      ]);
      runs[name] = report(run.stdout);
      expect([name, runs[name]]).toEqual([name, runs.original]);
      // The scored copy holds the flag record: it is scored again (the earlier flags are cleared first).
      const again = await runCli(
        ["score", `${name}.scored.xlsx`, "--json", "--out", `${name}.again.xlsx`],
        dir,
      );
      expect([name, again.code]).toEqual([name, 0]);
      expect([name, report(again.stdout)]).toEqual([name, runs.original]);
    }
    const names = Object.keys(variants);
    const out = mkdtempSync(path.join(tmpdir(), "kaohe-lo-scored-"));
    const scored = viaLibreOffice(
      names.map((n) => path.join(dir, `${n}.scored.xlsx`)),
      out,
    );
    const reference = await snapshot(scored[0]!);
    expect(reference.filled.length).toBeGreaterThan(0);
    expect(Object.keys(reference.notes).length).toBeGreaterThan(0);
    expect(reference.values._kaohe_flags?.length).toBeGreaterThan(1);
    for (let i = 1; i < names.length; i++) {
      const snap = await snapshot(scored[i]!);
      const name = names[i]!;
      expect([name, snap.filled]).toEqual([name, reference.filled]);
      expect([name, snap.notes]).toEqual([name, reference.notes]);
      for (const [tab, rows] of Object.entries(reference.values)) {
        // LibreOffice's re-save has its own styles: the record's fill column names them.
        if (name === "libreoffice" && tab === "_kaohe_flags") continue;
        expect([name, tab, unstamped(snap.values[tab])]).toEqual([name, tab, unstamped(rows)]);
      }
    }
  }, 600000);

  it("clear back to the input as LibreOffice reads it", async () => {
    const names = ["original", "prefixed", "without-r", "single-quoted"];
    const cleared: string[] = [];
    for (const name of names) {
      const bytes = readFileSync(path.join(dir, `${name}.scored.xlsx`));
      const opened = await openWorkbook(bytes, `${name}.scored.xlsx`, { largeFile: largeFileReader });
      const { host } = await opened.workbook!.host();
      expect(await host!.clearFlags()).toBeGreaterThan(0);
      const file = path.join(dir, `${name}.cleared.xlsx`);
      writeFileSync(file, await host!.toBuffer());
      cleared.push(file);
    }
    const out = mkdtempSync(path.join(tmpdir(), "kaohe-lo-cleared-"));
    const [original] = viaLibreOffice(
      [path.join(dir, "original.xlsx")],
      mkdtempSync(path.join(tmpdir(), "kaohe-lo-")),
    );
    const input = await snapshot(original!);
    const converted = viaLibreOffice(cleared, out);
    for (let i = 0; i < names.length; i++) {
      const snap = await snapshot(converted[i]!);
      expect([names[i], snap.filled, snap.notes]).toEqual([names[i], [], {}]);
      for (const tab of INPUT_TABS.filter((t) => input.values[t]))
        expect([names[i], tab, snap.values[tab]]).toEqual([names[i], tab, input.values[tab]]);
    }
  }, 300000);

  it("refuses strict OOXML by name before writing anything (read, not written)", async () => {
    writeFileSync(path.join(dir, "strict.xlsx"), strictNamespaces(variants.original!));
    const run = await runCli(["score", "strict.xlsx", "--lang", "en"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/strict\.xlsx: flags cannot be written .*xl\/workbook\.xml: strict OOXML/);
    expect(existsSync(path.join(dir, "strict.scored.xlsx"))).toBe(false);
    const opened = await openWorkbook(readFileSync(path.join(dir, "strict.xlsx")), "strict.xlsx", {
      largeFile: largeFileReader,
    });
    const original = await openWorkbook(variants.original!, "original.xlsx", { largeFile: largeFileReader });
    expect(opened.workbook!.sheets).toEqual(original.workbook!.sheets);
  });
});
