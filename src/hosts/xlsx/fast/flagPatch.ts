/**
 * Inline flags for the large-file path: fills the flagged rows by restyling their cells in the sheet XML,
 * adds a note on column A (comments part + VML shape, which Excel needs to show it), and returns the
 * rows of the `_kaohe_flags` record in the xlsx host's format so that its clear restores them.
 */
import { type CellValue, flagNoteText, type InlineFlag, mergeFlags } from "../../../core";
import { CHUNK_BYTES, ROW_END, rowChunks } from "./rowChunks";
import { columnIndex } from "./sheetReader";
import { columnLetterZeroBased } from "./sheetWriter";
import type { OutputStyles } from "./styles";
import { attr, escapeXml } from "./xml";

export interface PatchedSheet {
  /** Column-A notes, by 1-based row. */
  notes: Map<number, string>;
  record: CellValue[][];
}

const ROW_OPEN = Buffer.from("<row");

/** Width of the header row: its last cell's column (at least 1). */
function headerWidth(xml: Buffer): number {
  const rs = xml.indexOf('<row r="1"');
  if (rs < 0) return 1;
  const re = xml.indexOf("</row>", rs);
  let max = 1;
  for (const m of xml.toString("utf8", rs, re < 0 ? rs : re).matchAll(/<c r="([A-Z]+)1"/g))
    max = Math.max(max, columnIndex(m[1] as string) + 1);
  return max;
}

/** Restyles the cells of flagged rows (columns 1..width), collecting notes and record rows. */
class RowPatcher implements PatchedSheet {
  readonly notes = new Map<number, string>();
  readonly record: CellValue[][] = [];
  readonly byRow: Map<number, InlineFlag>;
  readonly rows: number[];

  constructor(
    private readonly sheet: string,
    flags: InlineFlag[],
    private readonly width: number,
    private readonly styles: OutputStyles,
    private readonly originalFill: (xf: number) => string,
  ) {
    this.byRow = new Map(mergeFlags(flags).map((f) => [f.row, f]));
    this.rows = [...this.byRow.keys()].sort((a, b) => a - b);
  }

  patch(xml: string): string {
    return xml.replace(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (rowXml) => this.row(rowXml));
  }

  private row(rowXml: string): string {
    const open = rowXml.slice(0, rowXml.indexOf(">") + 1);
    const rowNo = Number(attr(open, "r"));
    const flag = this.byRow.get(rowNo);
    if (!flag) return rowXml;
    const cells = new Map<number, string>();
    for (const m of rowXml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      const ref = attr(m[0].slice(0, m[0].indexOf(">") + 1), "r") ?? "";
      cells.set(columnIndex(ref), m[0]);
    }
    const last = Math.max(this.width, ...[...cells.keys()].map((c) => c + 1));
    let body = "";
    for (let c = 0; c < last; c++) {
      const cell = cells.get(c);
      const tag = cell ? cell.slice(0, cell.indexOf(">") + 1) : "";
      const xf = Number(attr(tag, "s") ?? 0);
      this.record.push([this.sheet, rowNo, c + 1, this.originalFill(xf), c === 0 ? "null" : null, "cell"]);
      const s = this.styles.flagged(xf);
      body += cell
        ? cell.replace(
            /^<c\b[^>]*?(\/?)>/,
            (t, slash: string) =>
              `${t.slice(0, -1 - slash.length).replace(/ s="\d+"/, "")} s="${s}"${slash}>`,
          )
        : `<c r="${columnLetterZeroBased(c)}${rowNo}" s="${s}"/>`;
    }
    this.notes.set(rowNo, flagNoteText(flag));
    const rowOpen = open.endsWith("/>") ? open.slice(0, -2) + ">" : open;
    return `${rowOpen}${body}</row>`;
  }

  /** The flagged row numbers from `first` to `last`, ascending. */
  flaggedBetween(first: number, last: number): number[] {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.rows[mid] as number) < first) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.rows.length && (this.rows[i] as number) <= last; i++)
      out.push(this.rows[i] as number);
    return out;
  }
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /

/** `<row` then white space at `at`. */
function isRowTag(xml: Buffer, at: number): boolean {
  const next = xml[at + 4] as number;
  return (
    xml.toString("latin1", at, at + 4) === "<row" && (next === 32 || next === 9 || next === 10 || next === 13)
  );
}

/**
 * Byte ranges [start, end) of the row elements numbered `rows` within `xml` (a run of whole rows in
 * ascending order); undefined when one cannot be told apart reliably (the caller then patches as text).
 * Only a row's `r` holds bare digits (cells are `A5`), and a match must lie inside a `<row` tag.
 */
function rowRanges(xml: Buffer, rows: number[]): [number, number][] | undefined {
  const out: [number, number][] = [];
  let pos = 0;
  for (const n of rows) {
    const needle = ` r="${n}"`;
    let p = xml.indexOf(needle, pos);
    let start = -1;
    while (p >= 0) {
      const lt = xml.lastIndexOf(LT, p);
      if (lt >= pos && isRowTag(xml, lt) && xml.indexOf(GT, lt) > p) {
        start = lt;
        break;
      }
      p = xml.indexOf(needle, p + 1);
    }
    if (start < 0) continue;
    const tagEnd = xml.indexOf(GT, start);
    let end = tagEnd + 1;
    if (xml[tagEnd - 1] !== SLASH) {
      const close = xml.indexOf(ROW_END, tagEnd);
      if (close < 0) return undefined;
      end = close + ROW_END.length;
    }
    out.push([start, end]);
    pos = end;
  }
  return out;
}

/** `r` of the row element starting at `at` (NaN when absent). */
function rowNumberAt(xml: Buffer, at: number): number {
  const end = xml.indexOf(">", at);
  return Number(attr(xml.toString("utf8", at, end < 0 ? at : end), "r"));
}

export interface FlagPatchOptions {
  /** The part's rows are known to ascend (checked by the reader): rows not flagged pass on as bytes. */
  rowsAscend?: boolean;
  chunkBytes?: number;
}

/**
 * The sheet part `xml` with its flagged rows restyled and `<legacyDrawing r:id=relId>` added, as pieces
 * (chunks of whole rows); its notes and record rows are complete once every piece has been taken.
 */
export function patchFlaggedSheet(
  sheet: string,
  xml: Buffer,
  flags: InlineFlag[],
  styles: OutputStyles,
  originalFill: (xf: number) => string,
  relId: string,
  options: FlagPatchOptions = {},
): { patched: PatchedSheet; pieces: Generator<string | Buffer> } {
  const patcher = new RowPatcher(sheet, flags, headerWidth(xml), styles, originalFill);
  return { patched: patcher, pieces: patchedPieces(xml, patcher, relId, options) };
}

function* patchedPieces(
  xml: Buffer,
  patcher: RowPatcher,
  relId: string,
  options: FlagPatchOptions,
): Generator<string | Buffer> {
  const dataStart = xml.indexOf("<sheetData");
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf("</sheetData>", dataStart);
  if (dataEnd < 0) {
    yield withLegacyDrawing(patcher.patch(xml.toString("utf8")), relId);
    return;
  }
  // The head only holds the worksheet tag's namespaces; the tail is where legacyDrawing goes.
  yield withLegacyDrawing(xml.toString("utf8", 0, dataStart), relId, false);
  for (const [from, end] of rowChunks(xml, dataStart, dataEnd, options.chunkBytes ?? CHUNK_BYTES)) {
    yield* patchChunk(xml.subarray(from, end), patcher, options.rowsAscend === true);
  }
  yield withLegacyDrawing(xml.toString("utf8", dataEnd), relId, true);
}

/**
 * One chunk of whole rows. When rows ascend, only the flagged rows found in the chunk's row span are
 * decoded and patched; every other byte passes on as it is.
 */
function* patchChunk(chunk: Buffer, patcher: RowPatcher, rowsAscend: boolean): Generator<string | Buffer> {
  const ranges = rowsAscend ? flaggedRanges(chunk, patcher) : undefined;
  if (!ranges) {
    yield patcher.patch(chunk.toString("utf8"));
    return;
  }
  let pos = 0;
  for (const [start, end] of ranges) {
    yield chunk.subarray(pos, start);
    yield patcher.patch(chunk.toString("utf8", start, end));
    pos = end;
  }
  yield chunk.subarray(pos);
}

function flaggedRanges(chunk: Buffer, patcher: RowPatcher): [number, number][] | undefined {
  const first = chunk.indexOf(ROW_OPEN);
  if (first < 0) return [];
  const a = rowNumberAt(chunk, first);
  const b = rowNumberAt(chunk, chunk.lastIndexOf(ROW_OPEN));
  if (!Number.isInteger(a) || !Number.isInteger(b) || a > b) return undefined;
  return rowRanges(chunk, patcher.flaggedBetween(a, b));
}

export function commentsXml(notes: Map<number, string>): string {
  const list = [...notes]
    .map(
      ([row, text]) =>
        `<comment ref="A${row}" authorId="0"><text><r><t xml:space="preserve">${escapeXml(text)}</t></r></text></comment>`,
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Kaohe</author></authors>' +
    `<commentList>${list}</commentList></comments>`
  );
}

export function vmlXml(notes: Map<number, string>, idBlock: number): string {
  let n = 0;
  const shapes = [...notes.keys()].map((row) => {
    n++;
    return (
      `<v:shape id="_x0000_s${idBlock * 1024 + n}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:60pt;z-index:${n};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, ${row - 1}, 2, 4, 15, ${row + 3}, 16</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>0</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join("") +
    "</xml>"
  );
}

const AFTER_LEGACY = [
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

/**
 * Adds `<legacyDrawing r:id>` where the schema wants it, and the `r` namespace when missing; on a part
 * written in pieces, the namespace goes into the head (`part` false) and the element into the tail (true).
 */
export function withLegacyDrawing(xml: string, relId: string, part?: boolean): string {
  let out = xml;
  if (part !== true && !/<worksheet\b[^>]*xmlns:r=/.test(out)) {
    out = out.replace(
      /<worksheet\b/,
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
  }
  if (part === false) return out;
  const from = Math.max(0, out.lastIndexOf("</sheetData>"));
  const at = Math.min(...AFTER_LEGACY.map((t) => out.indexOf(t, from)).filter((i) => i >= 0));
  return `${out.slice(0, at)}<legacyDrawing r:id="${relId}"/>${out.slice(at)}`;
}
