/** The workbook-level parts of an .xlsx: sheet list, relationships, content types. */
import { attr, decodeXml, escapeXml } from "./xml";

export interface SheetRef {
  name: string;
  sheetId: number;
  relId: string;
  /** Zip path of the worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  hidden: boolean;
  /** Hidden so that only code can show it again (the flag record). */
  veryHidden?: boolean;
}

export function parseRels(xml: string): Map<string, { target: string; type: string }> {
  const map = new Map<string, { target: string; type: string }>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    if (id) map.set(id, { target: attr(m[0], "Target") ?? "", type: attr(m[0], "Type") ?? "" });
  }
  return map;
}

/** Resolves a relationship target relative to `xl/`. */
export function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return `xl/${target}`.replace(/\/[^/]+\/\.\.\//g, "/");
}

export function parseSheets(workbookXml: string, rels: Map<string, { target: string }>): SheetRef[] {
  const out: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const relId = attr(m[0], "r:id") ?? "";
    const target = rels.get(relId)?.target ?? "";
    out.push({
      name: decodeXml(attr(m[0], "name") ?? ""),
      sheetId: Number(attr(m[0], "sheetId") ?? 0),
      relId,
      path: partPath(target),
      hidden: (attr(m[0], "state") ?? "visible") !== "visible",
    });
  }
  return out;
}

export function isDate1904(workbookXml: string): boolean {
  const m = /<workbookPr\b[^>]*>/.exec(workbookXml);
  const v = m ? attr(m[0], "date1904") : undefined;
  return v === "1" || v === "true";
}

export function sheetElement(s: SheetRef): string {
  const state = s.veryHidden ? ' state="veryHidden"' : s.hidden ? ' state="hidden"' : "";
  return `<sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${state} r:id="${s.relId}"/>`;
}
