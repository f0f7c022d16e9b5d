/**
 * The corpus differential: for every sheet of every real workbook in ../shared/corpus (Excel 12–16, WPS,
 * LibreOffice; shared and inline strings, rich and phonetic text, 1904 dates, errors, formulas, merged
 * cells, strict OOXML, odd part paths), what `openWorkbook` hands to the contract equals what LibreOffice
 * reads for the same cells — or the file is refused with an issue naming it. LibreOffice's exports are
 * cached by content, so a second run converts nothing.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { FastWorkbook } from "../../src/hosts/xlsx/fast";
import { entryText, readZip } from "../../src/hosts/xlsx/fast/zip";
import { largeFileReader } from "../../src/hosts/xlsx/fast/open";
import { streamedFileReader } from "../../src/hosts/xlsx/fast/openStreamed";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import type { CellValue, RawSheet } from "../../src/core";
import { libreOfficeExports, readFods } from "../fixtures/libreOfficeCells";

const CORPUS = path.join(__dirname, "../../../shared/corpus/sheetjs-test-files");

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? xlsxFiles(p) : /\.xlsx$/i.test(n) ? [p] : [];
    })
    .sort();
}

/**
 * Deliberate differences (docs/workbook-parsing.md): pivot-table output that LibreOffice renders again
 * from the pivot cache, where Kaohe reads the cells as they were saved.
 */
const PIVOT_OUTPUT: Record<string, RegExp> = {
  "formula_stress_test.xlsx": /^Database!R(3[2-9]|4[0-5])C/,
  "pivot_table_named_range.xlsx": /^PT(Range|Table|WithLabelFilter)!/,
};

const colNumber = (letters: string): number =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** `Sheet!R1C1` of every formula cell of the file (LibreOffice may compute those again on loading). */
function formulaCells(file: string): Set<string> {
  const out = new Set<string>();
  const wb = FastWorkbook.fromBuffer(readFileSync(file));
  const entries = readZip(readFileSync(file));
  for (const sheet of wb.sheets) {
    const entry = entries.get(sheet.path);
    if (!entry || sheet.notCells) continue;
    const parser = new SaxesParser({ xmlns: false });
    let cell = "";
    parser.on("opentag", (tag: SaxesTagPlain) => {
      const local = tag.name.replace(/^.*:/, "");
      if (local === "c") {
        const m = /^([A-Z]+)(\d+)$/.exec(String(tag.attributes.r ?? ""));
        cell = m ? `${sheet.name}!R${m[2]}C${colNumber(m[1]!)}` : "";
        // A rich value (`vm`, Excel's data types) saves #VALUE! as its fallback; LibreOffice shows #NAME?.
        if (cell && tag.attributes.vm !== undefined) out.add(cell);
      } else if (local === "f" && cell) {
        out.add(cell);
        // An array formula's results spill over its whole range.
        const range = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(String(tag.attributes.ref ?? ""));
        if (range && tag.attributes.t === "array")
          for (let r = Number(range[2]); r <= Number(range[4]); r++)
            for (let c = colNumber(range[1]!); c <= colNumber(range[3]!); c++)
              out.add(`${sheet.name}!R${r}C${c}`);
      }
    });
    parser.write(entryText(entry)).close();
  }
  return out;
}

/** Cells the two readers hand over differently, as `sheet!R1C1: ours ≠ LibreOffice's`. */
export function differences(
  ours: RawSheet[],
  theirs: RawSheet[],
  allowed: (cell: string) => boolean = () => false,
): string[] {
  const out: string[] = [];
  const show = (v: CellValue | undefined): string =>
    v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null);
  for (const sheet of ours) {
    const lo = theirs.find((s) => s.name === sheet.name);
    if (!lo) {
      out.push(`${sheet.name}: no such sheet in LibreOffice's export`);
      continue;
    }
    const rows = Math.max(sheet.rows.length, lo.rows.length);
    for (let r = 0; r < rows; r++) {
      const a = sheet.rows[r] ?? [];
      const b = lo.rows[r] ?? [];
      for (let c = 0; c < Math.max(a.length, b.length); c++) {
        const at = `${sheet.name}!R${r + 1}C${c + 1}`;
        if (!sameCell(a[c] ?? null, b[c] ?? null) && !allowed(at))
          out.push(`${at}: ${show(a[c])} ≠ ${show(b[c])}`);
      }
    }
  }
  return out;
}

const DAY_ZERO = Date.UTC(1899, 11, 30);

function sameCell(a: CellValue, b: CellValue): boolean {
  // LibreOffice has no boolean cells: TRUE and FALSE are 1 and 0 with a boolean format.
  if (typeof a === "boolean" && typeof b === "number") return (a ? 1 : 0) === b;
  // `_x000D_` is SpreadsheetML's escape of a carriage return: Excel decodes it, this LibreOffice keeps it.
  if (typeof a === "string" && typeof b === "string" && b.includes("_x"))
    return a === b.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  // A negative serial in a date format (Excel shows ####): LibreOffice mirrors it around day 0.
  if (a instanceof Date && b instanceof Date && a.getTime() < DAY_ZERO)
    return Math.abs(a.getTime() - DAY_ZERO - (DAY_ZERO - b.getTime())) < 1000;
  if (a instanceof Date && b instanceof Date) return Math.abs(a.getTime() - b.getTime()) < 1000;
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= Math.abs(b) * 1e-14;
  return a === b;
}

const files = xlsxFiles(CORPUS);
let exports: Map<string, string>;

beforeAll(() => {
  exports = libreOfficeExports(files);
}, 900000);

describe("the corpus, read as LibreOffice reads it", () => {
  it("holds the 66 files", () => expect(files.length).toBe(66));

  it.each(files.map((f) => [path.relative(CORPUS, f), f]))("%s", async (_name, file) => {
    const name = path.basename(file);
    const bytes = readFileSync(file);
    // The CLI's reader (parts inflated a piece at a time) …
    const opened = await openWorkbook(bytes, name, { largeFile: streamedFileReader });
    // Every corpus file is read (none needs refusing): a refusal would show here, naming the file.
    expect(opened.issues).toEqual([]);
    if (!opened.workbook) return;
    expect(opened.workbook.path).toBe("large-file");
    const theirs = readFods(exports.get(file)!);
    const formulas = formulaCells(file);
    const pivot = PIVOT_OUTPUT[name];
    // Formula cells: Kaohe reads the result the writer saved; LibreOffice computes some again
    // (TODAY(), INFO(), functions it lacks), so a formula cell may differ — any other cell may not.
    const allowed = (cell: string): boolean => formulas.has(cell) || (pivot?.test(cell) ?? false);
    expect(differences(opened.workbook.sheets, theirs, allowed)).toEqual([]);
    // … and the page's (parts inflated whole) read the same cells.
    const page = await openWorkbook(bytes, name, { largeFile: largeFileReader });
    expect(page.workbook?.sheets).toEqual(opened.workbook.sheets);
  });
});
