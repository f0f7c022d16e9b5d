/** The workbook-level parts of an .xlsx: sheet list, relationships, content types. */
import { escapeXml } from "./xml";
import { eachStartTag } from "./xmlScan";

export interface SheetRef {
  name: string;
  sheetId: number;
  relId: string;
  /** Zip path of the worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  hidden: boolean;
  /** Hidden so that only code can show it again (the flag record). */
  veryHidden?: boolean;
  /** A chart or dialog sheet: kept in the tab list, holds no cells. */
  notCells?: boolean;
}

export function parseRels(xml: string): Map<string, { target: string; type: string }> {
  const map = new Map<string, { target: string; type: string }>();
  eachStartTag(xml, (scan) => {
    if (scan.local !== "Relationship") return;
    const id = scan.attr("Id");
    if (id) map.set(id, { target: scan.attr("Target") ?? "", type: scan.attr("Type") ?? "" });
  });
  return map;
}

/** Resolves a relationship target relative to the folder of the part that holds it (`xl/` by default). */
export function partPath(target: string, base = "xl/"): string {
  let path = target.startsWith("/") ? target.slice(1) : `${base}${target}`;
  for (;;) {
    const next = path.replace(/(^|\/)\.\//g, "$1").replace(/[^/]+\/\.\.\//, "");
    if (next === path) return path;
    path = next;
  }
}

/** The main workbook part named by the package relationships (`xl/workbook.xml` as most writers put it). */
export function workbookPartPath(packageRels: string | undefined): string {
  if (!packageRels) return "xl/workbook.xml";
  for (const r of parseRels(packageRels).values()) {
    if (r.type.endsWith("/officeDocument")) return partPath(r.target, "");
  }
  return "xl/workbook.xml";
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPathOf(part: string): string {
  return part.replace(/([^/]+)$/, "_rels/$1.rels");
}

/** The tabs of the workbook in order (chart and dialog sheets marked `notCells`). */
export function parseSheets(
  workbookXml: string,
  rels: Map<string, { target: string; type?: string }>,
  base = "xl/",
): SheetRef[] {
  const out: SheetRef[] = [];
  eachStartTag(workbookXml, (scan) => {
    if (scan.local !== "sheet") return;
    const relId = scan.attr("id") ?? "";
    const rel = rels.get(relId);
    out.push({
      ...(rel?.type && !/\/worksheet$/.test(rel.type) ? { notCells: true } : {}),
      name: scan.attr("name") ?? "",
      sheetId: Number(scan.attr("sheetId") ?? 0),
      relId,
      path: partPath(rel?.target ?? "", base),
      hidden: (scan.attr("state") ?? "visible") !== "visible",
    });
  });
  return out;
}

export function isDate1904(workbookXml: string): boolean {
  let v: string | undefined;
  let seen = false;
  // The first is SpreadsheetML's own; extensions (`<x15:workbookPr>`) come later, in extLst.
  eachStartTag(workbookXml, (scan) => {
    if (scan.local !== "workbookPr" || seen) return;
    seen = true;
    v = scan.attr("date1904");
  });
  return v === "1" || v === "true";
}

export function sheetElement(s: SheetRef): string {
  const state = s.veryHidden ? ' state="veryHidden"' : s.hidden ? ' state="hidden"' : "";
  return `<sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${state} r:id="${s.relId}"/>`;
}
