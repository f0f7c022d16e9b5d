/**
 * Inline flags for the large-file path: fills the flagged rows by restyling their cells in the sheet XML,
 * adds a note on column A (comments part + VML shape, which Excel needs to show it), and returns the
 * rows of the `_kaohe_flags` record in the xlsx host's format so that its clear restores them.
 */
import type { InlineFlag } from "../../../engine/types";
import type { CellValue } from "../../../workbook/types";
import { flagNoteText, mergeFlags } from "../../../workbook/flags";
import { columnIndex } from "./sheetReader";
import { columnLetters } from "./sheetWriter";
import type { OutputStyles } from "./styles";
import { attr, escapeXml } from "./xml";

export interface PatchedSheet {
  xml: string;
  /** Column-A notes, by 1-based row. */
  notes: Map<number, string>;
  record: CellValue[][];
}

function headerWidth(xml: string): number {
  const rs = xml.indexOf('<row r="1"');
  if (rs < 0) return 1;
  const re = xml.indexOf("</row>", rs);
  let max = 1;
  for (const m of xml.slice(rs, re < 0 ? rs : re).matchAll(/<c r="([A-Z]+)1"/g))
    max = Math.max(max, columnIndex(m[1] as string) + 1);
  return max;
}

/** Restyles the cells of each flagged row (columns 1..width) and collects notes and record rows. */
export function patchFlaggedSheet(
  sheet: string,
  xml: string,
  flags: InlineFlag[],
  styles: OutputStyles,
  originalFill: (xf: number) => string,
): PatchedSheet {
  const byRow = new Map(mergeFlags(flags).map((f) => [f.row, f]));
  const width = headerWidth(xml);
  const notes = new Map<number, string>();
  const record: CellValue[][] = [];
  const out = xml.replace(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (rowXml) => {
    const open = rowXml.slice(0, rowXml.indexOf(">") + 1);
    const rowNo = Number(attr(open, "r"));
    const flag = byRow.get(rowNo);
    if (!flag) return rowXml;
    const cells = new Map<number, string>();
    for (const m of rowXml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      const ref = attr(m[0].slice(0, m[0].indexOf(">") + 1), "r") ?? "";
      cells.set(columnIndex(ref), m[0]);
    }
    const last = Math.max(width, ...[...cells.keys()].map((c) => c + 1));
    let body = "";
    for (let c = 0; c < last; c++) {
      const cell = cells.get(c);
      const tag = cell ? cell.slice(0, cell.indexOf(">") + 1) : "";
      const xf = Number(attr(tag, "s") ?? 0);
      record.push([sheet, rowNo, c + 1, originalFill(xf), c === 0 ? "null" : null, "cell"]);
      const s = styles.flagged(xf);
      body += cell
        ? cell.replace(
            /^<c\b[^>]*?(\/?)>/,
            (t, slash: string) =>
              `${t.slice(0, -1 - slash.length).replace(/ s="\d+"/, "")} s="${s}"${slash}>`,
          )
        : `<c r="${columnLetters(c)}${rowNo}" s="${s}"/>`;
    }
    notes.set(rowNo, flagNoteText(flag));
    const rowOpen = open.endsWith("/>") ? open.slice(0, -2) + ">" : open;
    return `${rowOpen}${body}</row>`;
  });
  return { xml: out, notes, record };
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

/** Adds `<legacyDrawing r:id>` where the schema wants it, and the `r` namespace when missing. */
export function withLegacyDrawing(xml: string, relId: string): string {
  let out = xml;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(out)) {
    out = out.replace(
      /<worksheet\b/,
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
  }
  const from = Math.max(0, out.lastIndexOf("</sheetData>"));
  const at = Math.min(...AFTER_LEGACY.map((t) => out.indexOf(t, from)).filter((i) => i >= 0));
  return `${out.slice(0, at)}<legacyDrawing r:id="${relId}"/>${out.slice(at)}`;
}
