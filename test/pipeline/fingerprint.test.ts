// The fingerprint is stored in scored workbooks (考核_生成记录): it must stay the hash of the same text,
// `\u0001<tab>`, then per row `\u0002` and its cells joined by `\u0003`, whatever the implementation.
import type { CellValue, RawSheet } from "../../src/core";
import { inputFingerprint } from "../../src/pipeline/fingerprint";
import { INPUT_TABS } from "../../src/workbook/schema";

/** The definition, written plainly: the text is built and hashed (FNV-1a, two lanes). */
function reference(sheets: readonly RawSheet[]): string {
  const names = new Set(INPUT_TABS.map((t) => t.name));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
      b = Math.imul(b ^ text.charCodeAt(i), 0x0100019b) >>> 0;
    }
  };
  const canonical = (v: CellValue | undefined): string => {
    if (v === null || v === undefined || v === "") return "";
    if (v instanceof Date) return `n${v.getTime() / 86400000 + 25569}`;
    if (typeof v === "number") return `n${v}`;
    if (typeof v === "boolean") return v ? "b1" : "b0";
    return `s${v}`;
  };
  const inputs = sheets.filter((s) => names.has(s.name)).sort((x, y) => (x.name < y.name ? -1 : 1));
  for (const sheet of inputs) {
    add(`\u0001${sheet.name}`);
    let blank = "";
    sheet.rows.forEach((row) => {
      const cells = row.map(canonical);
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
      const line = `\u0002${cells.join("\u0003")}`;
      if (cells.length === 0) {
        blank += line;
        return;
      }
      add(blank + line);
      blank = "";
    });
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** A small deterministic generator (no dependency on Math.random). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

function randomCell(next: () => number): CellValue {
  const k = Math.floor(next() * 8);
  if (k === 0) return null;
  if (k === 1) return "";
  if (k === 2) return Math.round(next() * 1e6) / 100;
  if (k === 3) return next() < 0.5;
  if (k === 4) return new Date(Date.UTC(2025, Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
  if (k === 5) return `窗口${Math.floor(next() * 100)}`;
  if (k === 6) return -Math.floor(next() * 10);
  return "a\u0003b\u0002c";
}

function randomSheets(seed: number): RawSheet[] {
  const next = lcg(seed);
  return ["事项记录", "窗口名册", "窗口考核结果", "考核设置"].map((name) => {
    const rows: CellValue[][] = [];
    const n = Math.floor(next() * 12);
    for (let r = 0; r < n; r++) {
      const row: CellValue[] = [];
      const width = Math.floor(next() * 6);
      for (let c = 0; c < width; c++) row.push(randomCell(next));
      // Sparse rows (a hole is not a blank: it is kept where it is) and trailing blanks.
      if (next() < 0.2) row[width + 2] = randomCell(next);
      if (next() < 0.2) row.push(null, "");
      rows.push(row);
    }
    if (next() < 0.3) rows[n + 1] = ["after a missing row"];
    return { name, rows };
  });
}

describe("inputFingerprint", () => {
  it("hashes the same text as its definition, on 500 random workbooks", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const sheets = randomSheets(seed);
      expect([seed, inputFingerprint(sheets)]).toEqual([seed, reference(sheets)]);
    }
  });

  it("ignores trailing blank cells and rows, not blank rows between filled ones", () => {
    const base: RawSheet[] = [{ name: "事项记录", rows: [["a", 1], [], ["b"]] }];
    const padded: RawSheet[] = [{ name: "事项记录", rows: [["a", 1, null, ""], [null], ["b"], [], [""]] }];
    const closer: RawSheet[] = [{ name: "事项记录", rows: [["a", 1], ["b"]] }];
    expect(inputFingerprint(padded)).toBe(inputFingerprint(base));
    expect(inputFingerprint(closer)).not.toBe(inputFingerprint(base));
  });

  it("does not depend on output tabs or tab order", () => {
    const a: RawSheet[] = [
      { name: "窗口名册", rows: [["窗口"], ["公安"]] },
      { name: "事项记录", rows: [["日期"], [new Date(Date.UTC(2025, 0, 2))]] },
    ];
    const b: RawSheet[] = [{ name: "窗口考核结果", rows: [["x"]] }, a[1]!, a[0]!];
    expect(inputFingerprint(b)).toBe(inputFingerprint(a));
    expect(inputFingerprint(a)).toBe(reference(a));
  });
});
