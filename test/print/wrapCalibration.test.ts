/**
 * The file host has no renderer, so the print estimate is its measurement: this checks it against what
 * LibreOffice draws. Known texts go into wrapped cells of the widths and font sizes the forms use; the
 * lines LibreOffice draws for each (read from the PDF) must never exceed the lines the estimate counts.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { wrappedLines } from "../../src/print/sheetBuilder";
import {
  CONTENT_WIDTH,
  FULL_WIDTH,
  LABEL_WIDTH,
  PAIR_VALUE_WIDTHS,
  PRINT_FONT,
} from "../../src/print/styles";
import { pageText, pdfInfo, sofficePdf, tempDir } from "./support";

const CJK =
  "国家税务总局田阳县税务局第一税务分局派驻县政务服务中心综合窗口着装不整齐未按规定佩证上岗影响形象经复核属实";
const SAMPLES = [
  ...[4, 6, 8, 10, 12, 16, 20, 24, 30, 40, 50].map((n) => CJK.repeat(3).slice(0, n)),
  "国家税务总局田阳县税务局（派驻县政务服务中心，2025-01-10 起）",
  "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt",
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "当事人投诉工作人员服务态度差,经查属实（来源：事项记录 第12行；人工裁定 R-2025-003）",
];
const WIDTHS = [
  LABEL_WIDTH,
  PAIR_VALUE_WIDTHS[1],
  CONTENT_WIDTH,
  PAIR_VALUE_WIDTHS[0],
  FULL_WIDTH - LABEL_WIDTH,
  FULL_WIDTH,
];
const SIZES = [9, 10];

interface Case {
  marker: string;
  text: string;
  width: number;
  size: number;
}

describe("the print estimate against LibreOffice's line wrapping", () => {
  const dir = tempDir("kaohe-wrap-");
  const cases: Case[] = [];
  let drawn = new Map<string, number>();
  /** Each case's text as read back, without spaces: whole unless a row was too short for it. */
  const shown = new Map<string, string>();

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    let k = 0;
    for (const width of WIDTHS) {
      const ws = wb.addWorksheet(`w${width}`);
      ws.getColumn(1).width = 6;
      ws.getColumn(2).width = width;
      // Landscape: the widest box and its marker fit across one page, so no text runs onto a page of its own.
      ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: false };
      for (const size of SIZES) {
        for (const text of SAMPLES) {
          const marker = `@${++k}@`;
          cases.push({ marker, text, width, size });
          const row = ws.addRow([marker, text]);
          // Tall enough for any count of lines, so LibreOffice cuts nothing off.
          row.height = Math.min(409, (wrappedLines(text, width) * 2 + 2) * 14);
          row.eachCell((cell) => {
            cell.font = { name: PRINT_FONT.name, size };
            cell.alignment = { wrapText: true, vertical: "top" };
          });
        }
      }
    }
    const file = path.join(dir, "wrap.xlsx");
    await wb.xlsx.writeFile(file);
    const pdf = sofficePdf(file, dir);
    const pages = pdfInfo(pdf).pages;
    const lines = Array.from({ length: pages }, (_, p) => pageText(pdf, p + 1).split("\n"))
      .flat()
      .filter((l) => l.trim() !== "");
    // A case's lines run from its marker's line to the line before the next marker.
    const at = lines.map((l) => /@(\d+)@/.exec(l)?.[1]);
    drawn = new Map();
    at.forEach((m, i) => {
      if (m === undefined) return;
      let n = 1;
      while (i + n < lines.length && at[i + n] === undefined) n++;
      drawn.set(`@${m}@`, n);
      shown.set(
        `@${m}@`,
        lines
          .slice(i, i + n)
          .join("")
          .replace(`@${m}@`, "")
          .replace(/\s/g, ""),
      );
    });
    fs.writeFileSync(
      path.join(dir, "lines.json"),
      JSON.stringify(
        cases.map((c) => ({ ...c, drawn: drawn.get(c.marker), estimate: wrappedLines(c.text, c.width) })),
      ),
    );
  }, 180_000);

  it("reads every sample back from the PDF", () => {
    expect(cases.filter((c) => !drawn.has(c.marker)).map((c) => c.marker)).toEqual([]);
  });

  it("draws every sample whole (no row cut its text off, so the line counts are complete)", () => {
    const cut = cases.filter((c) => shown.get(c.marker) !== c.text.replace(/\s/g, ""));
    expect(cut.map((c) => c.marker)).toEqual([]);
  });

  it("never counts fewer lines than LibreOffice draws", () => {
    const under = cases
      .map((c) => ({ ...c, drawn: drawn.get(c.marker)!, estimate: wrappedLines(c.text, c.width) }))
      .filter((c) => c.estimate < c.drawn);
    expect(under).toEqual([]);
  });
});
