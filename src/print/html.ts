/**
 * The print sheet as printable HTML (A4, print CSS): the same rows, boxes, heights and page breaks as the
 * workbook tab, so 打印 in a browser gives the same forms as Excel or LibreOffice. Pure: model → string.
 */
import type { CellValue } from "../core";
import type { RowStyleModel, SheetModel } from "../workbook/types";

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const text = (v: CellValue): string =>
  v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

/** Width units a text takes (a CJK glyph about 1.7, anything else about 1). */
function units(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1.7 : 1;
  return n;
}

/** Column spans of one row: its boxes (groups and merges), or each text with the empty cells it runs into. */
function segments(
  row: CellValue[],
  def: RowStyleModel,
  merged: Map<number, number>,
  widths: number[],
): [number, number][] {
  const n = row.length;
  if (def.groups) return def.groups.map(([f, c]) => [f, c]);
  const owner: number[] = Array.from({ length: n }, () => -1);
  for (const [c, span] of merged) for (let k = c; k < c + span; k++) owner[k - 1] = c;
  const empty = (k: number) => text(row[k - 1] ?? null) === "" && owner[k - 1] === -1;
  const alignOf = (c: number) => def.columnAlign?.[c] ?? def.align ?? "left";
  // Right-aligned texts take empty cells to their left, others to their right, as far as they need.
  for (const right of [true, false]) {
    for (let c = 1; c <= n; c++) {
      if (owner[c - 1] !== -1 || text(row[c - 1] ?? null) === "" || (alignOf(c) === "right") !== right)
        continue;
      owner[c - 1] = c;
      let room = widths[c - 1]!;
      const need = units(text(row[c - 1] ?? null));
      for (let k = right ? c - 1 : c + 1; k >= 1 && k <= n && room < need && empty(k); k += right ? -1 : 1) {
        owner[k - 1] = c;
        room += widths[k - 1]!;
      }
    }
  }
  const out: [number, number][] = [];
  for (let c = 1; c <= n; c++) {
    const o = owner[c - 1]!;
    const last = out[out.length - 1];
    if (o !== -1 && last && owner[last[0] - 1] === o) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}

function cellHtml(
  row: CellValue[],
  first: number,
  count: number,
  def: RowStyleModel,
  height: number,
): string {
  const parts: string[] = [];
  for (let c = first; c < first + count; c++) {
    const t = text(row[c - 1] ?? null);
    if (t === "") continue;
    const align = def.columnAlign?.[c] ?? def.align ?? "left";
    const valign = def.columnValign?.[c] ?? def.valign ?? "middle";
    parts.push(`<div class="part ${align} v-${valign}">${esc(t)}</div>`);
  }
  const style = [
    // The row's borders (collapsed, 0.75 pt) count in its height on paper.
    `height:${height - 1}pt`,
    def.fontSize ? `font-size:${def.fontSize}pt` : "",
    def.bold ? "font-weight:bold" : "",
    (def.columnFill?.[first] ?? def.fill)
      ? `background:#${(def.columnFill?.[first] ?? def.fill)!.slice(-6)}`
      : "",
    def.border === "all"
      ? "border:0.75pt solid #000"
      : def.border === "bottom"
        ? "border-bottom:0.75pt solid #000"
        : "",
  ]
    .filter((s) => s)
    .join(";");
  return `<td colspan="${count}" style="${style}"><div class="box" style="height:${height - 1}pt">${parts.join("")}</div></td>`;
}

/** A full HTML document of the forms, one `<section class="page">` per printed page. */
export function printHtml(sheet: SheetModel, title: string): string {
  const widths = sheet.columns.map((c) => c.width ?? 8);
  const defs = sheet.rowStyleDefs ?? {};
  const titleRows = sheet.pageSetup?.printTitleRows ?? [0, -1];
  const breaks = sheet.pageSetup?.rowBreaks ?? [];
  const merges = new Map<number, Map<number, number>>();
  for (const m of sheet.merges ?? []) {
    const row = merges.get(m.row) ?? new Map<number, number>();
    row.set(m.column, m.columnSpan);
    merges.set(m.row, row);
  }
  const rowHtml = (r: number): string => {
    const row = sheet.rows[r - 1]!;
    const def = defs[sheet.rowStyles?.[r] ?? ""] ?? {};
    const height = sheet.rowHeights?.[r] ?? def.height ?? 15;
    const cells = segments(row, def, merges.get(r) ?? new Map(), widths)
      .map(([f, c]) => cellHtml(row, f, c, def, height))
      .join("");
    return `<tr>${cells}</tr>`;
  };
  // Excel's width unit (~7 px of the default font) with a little room for 10 pt CJK glyphs: the seven
  // columns fill the A4 width inside the binding margins (487 pt).
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => `<col style="width:${((w / total) * 486).toFixed(1)}pt">`).join("");
  const titles = [];
  for (let r = titleRows[0]; r <= titleRows[1]; r++) titles.push(rowHtml(r));
  const bounds = [titleRows[1], ...breaks, sheet.rows.length];
  const pages: string[] = [];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const body: string[] = [];
    for (let r = bounds[p]! + 1; r <= bounds[p + 1]!; r++) body.push(rowHtml(r));
    pages.push(
      `<section class="page"><table><colgroup>${cols}</colgroup>${titles.join("")}${body.join("")}</table></section>`,
    );
  }
  const font = sheet.font?.name ?? "SimSun";
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
@page { size: A4 portrait; margin: 0.8in 0.5in 0.8in 1in; }
body { margin: 0; font-family: "${font}", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif; font-size: 10pt; color: #000; }
table { border-collapse: collapse; table-layout: fixed; }
td { padding: 0 1pt; overflow: hidden; box-sizing: border-box; }
.box { display: flex; flex-direction: column; overflow: hidden; white-space: pre-wrap; word-break: break-all; line-height: 1.25; }
.part.left { text-align: left; } .part.center { text-align: center; } .part.right { text-align: right; }
.part.v-top { margin-bottom: auto; } .part.v-bottom { margin-top: auto; } .part.v-middle { margin-top: auto; margin-bottom: auto; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
@media screen { body { background: #eee; } .page { background: #fff; width: 210mm; min-height: 297mm; box-sizing: border-box; padding: 0.8in 0.5in 0.8in 1in; margin: 12px auto; box-shadow: 0 1px 4px #888; } }
</style></head><body>${pages.join("")}</body></html>`;
}
