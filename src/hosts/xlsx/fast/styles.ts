/** Appends the few styles Kaohe's output tabs need to an existing styles.xml, keeping every input style. */
import type { ColumnFormat } from "../../../workbook/types";
import type { FillPattern } from "exceljs";
import { FLAG_FILL } from "../fileFlags";
import { attr } from "./xml";

export interface OutputStyles {
  header: number;
  byFormat: Record<ColumnFormat, number>;
  /** A cell style of `format`, centred and/or with a solid fill (ARGB); made once per combination. */
  variant(format: ColumnFormat, align?: "center", fill?: string): number;
  /** Clone of cellXfs[i] with the flag fill; filled lazily by `flagged`. */
  flagged(xf: number): number;
  /** The fill of cellXfs[xf] as ExcelJS would report it (`cell.style.fill`), as JSON; `null` for none. */
  fillJson(xf: number): string;
  xml(): string;
}

function colorJson(tag: string | undefined): Record<string, unknown> | undefined {
  if (!tag) return undefined;
  const rgb = attr(tag, "rgb");
  if (rgb) return { argb: rgb };
  const theme = attr(tag, "theme");
  if (theme !== undefined) {
    const tint = attr(tag, "tint");
    return tint === undefined ? { theme: Number(theme) } : { theme: Number(theme), tint: Number(tint) };
  }
  const indexed = attr(tag, "indexed");
  return indexed === undefined ? undefined : { indexed: Number(indexed) };
}

/** ExcelJS's model of a `<fill>` element (pattern fills; anything else is reported as none). */
function fillModel(fill: string | undefined): Record<string, unknown> | null {
  const pattern = fill ? /<patternFill\b[^>]*>/.exec(fill) : null;
  const type = pattern ? attr(pattern[0], "patternType") : undefined;
  if (!fill || !pattern || !type || type === "none") return null;
  const model: Record<string, unknown> = { type: "pattern", pattern: type };
  const fg = colorJson(/<fgColor\b[^>]*>/.exec(fill)?.[0]);
  const bg = colorJson(/<bgColor\b[^>]*>/.exec(fill)?.[0]);
  if (fg) model.fgColor = fg;
  if (bg) model.bgColor = bg;
  return model;
}

const CUSTOM_FORMATS: Partial<Record<ColumnFormat, string>> = {
  points: "0.0",
  delta: "+0.0;-0.0;0.0",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};
const BUILTIN_FORMATS: Partial<Record<ColumnFormat, number>> = { general: 0, integer: 1, text: 49 };
// The same fill the ExcelJS host sets and recognises when clearing.
const FLAG_ARGB = (FLAG_FILL as FillPattern).fgColor?.argb ?? "FFFFC7CE";

function countOf(xml: string, tag: string): number {
  const m = new RegExp(`<${tag}\\b[^>]*>`).exec(xml);
  return m ? Number(attr(m[0], "count") ?? 0) : 0;
}

/** Inserts `items` at the end of `<tag>` and bumps its count; creates the element when absent. */
function append(xml: string, tag: string, items: string[], before: RegExp): string {
  if (items.length === 0) return xml;
  const open = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) {
    const at = before.exec(xml);
    const pos = at ? at.index : xml.lastIndexOf("</styleSheet>");
    return `${xml.slice(0, pos)}<${tag} count="${items.length}">${items.join("")}</${tag}>${xml.slice(pos)}`;
  }
  const count = Number(attr(open[0], "count") ?? 0) + items.length;
  const openTag = open[0].replace(/ count="\d+"/, "").replace(/\/?>$/, ` count="${count}">`);
  if (open[1] === "/") {
    return (
      xml.slice(0, open.index) +
      openTag +
      items.join("") +
      `</${tag}>` +
      xml.slice(open.index + open[0].length)
    );
  }
  const close = xml.indexOf(`</${tag}>`, open.index);
  return (
    xml.slice(0, open.index) +
    openTag +
    xml.slice(open.index + open[0].length, close) +
    items.join("") +
    xml.slice(close)
  );
}

export function outputStyles(stylesXml: string): OutputStyles {
  const fonts = countOf(stylesXml, "fonts");
  const fills = countOf(stylesXml, "fills");
  const xfStart = stylesXml.indexOf("<cellXfs");
  const existingXfs =
    xfStart < 0
      ? []
      : [
          ...stylesXml
            .slice(xfStart, stylesXml.indexOf("</cellXfs>", xfStart))
            .matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g),
        ].map((m) => m[0]);
  const ids = [...stylesXml.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  let nextFmt = Math.max(163, ...ids) + 1;
  const numFmts: string[] = [];
  const xfs: string[] = [];
  const base = existingXfs.length === 0 ? 1 : existingXfs.length;
  const addXf = (xf: string): number => xfs.push(xf) - 1 + base;

  const byFormat = {} as Record<ColumnFormat, number>;
  const fmtIds = {} as Record<ColumnFormat, number>;
  for (const f of ["general", "text", "points", "delta", "integer", "percent", "date"] as ColumnFormat[]) {
    let id = BUILTIN_FORMATS[f];
    const code = CUSTOM_FORMATS[f];
    if (id === undefined && code) {
      id = nextFmt++;
      numFmts.push(`<numFmt numFmtId="${id}" formatCode="${code}"/>`);
    }
    fmtIds[f] = id ?? 0;
    byFormat[f] = addXf(
      `<xf numFmtId="${id ?? 0}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    );
  }
  const header = addXf(
    `<xf numFmtId="49" fontId="${fonts}" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>`,
  );
  const fillsStart = stylesXml.indexOf("<fills");
  const fillList =
    fillsStart < 0
      ? []
      : [
          ...stylesXml
            .slice(fillsStart, stylesXml.indexOf("</fills>", fillsStart))
            .matchAll(/<fill\b[^>]*?(?:\/>|>[\s\S]*?<\/fill>)/g),
        ].map((m) => m[0]);
  const flagCache = new Map<number, number>();
  const defaultXf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  const extraFills: string[] = [];
  const variants = new Map<string, number>();
  return {
    header,
    byFormat,
    variant(format, align, fill) {
      const key = `${format}|${align ?? ""}|${fill ?? ""}`;
      const hit = variants.get(key);
      if (hit !== undefined) return hit;
      let fillId = 0;
      if (fill) {
        // After the existing fills and the flag fill.
        fillId = fills + 1 + extraFills.length;
        extraFills.push(
          `<fill><patternFill patternType="solid"><fgColor rgb="${fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        );
      }
      const alignment = align ? `<alignment horizontal="${align}"/>` : "";
      const id = addXf(
        `<xf numFmtId="${fmtIds[format]}" fontId="0" fillId="${fillId}" borderId="0" xfId="0" applyNumberFormat="1"` +
          `${fill ? ' applyFill="1"' : ""}${align ? ' applyAlignment="1">' + alignment + "</xf>" : "/>"}`,
      );
      variants.set(key, id);
      return id;
    },
    flagged(xf) {
      const hit = flagCache.get(xf);
      if (hit !== undefined) return hit;
      const src = existingXfs[xf] ?? defaultXf;
      const clone = src
        .replace(/ fillId="\d+"/, "")
        .replace(/ applyFill="\w+"/, "")
        .replace(/^<xf\b/, `<xf fillId="${fills}" applyFill="1"`);
      const id = addXf(clone);
      flagCache.set(xf, id);
      return id;
    },
    fillJson(xf) {
      const fillId = Number(attr(existingXfs[xf] ?? "", "fillId") ?? 0);
      // Fills 0 and 1 are the defaults every styles part carries (none, gray125): no fill of the user's.
      return JSON.stringify(fillId < 2 ? null : fillModel(fillList[fillId]));
    },
    xml() {
      let out = stylesXml;
      out = append(out, "numFmts", numFmts, /<fonts\b/);
      out = append(out, "fonts", ['<font><b/><sz val="11"/><name val="等线"/></font>'], /<fills\b/);
      out = append(
        out,
        "fills",
        [
          `<fill><patternFill patternType="solid"><fgColor rgb="${FLAG_ARGB}"/><bgColor indexed="64"/></patternFill></fill>`,
          ...extraFills,
        ],
        /<borders\b/,
      );
      const all = existingXfs.length === 0 ? [defaultXf, ...xfs] : xfs;
      out = append(out, "cellXfs", all, /<cellStyles\b|<dxfs\b|<tableStyles\b|<\/styleSheet>/);
      return out;
    },
  };
}
