/**
 * Re-serialises a part written by another writer into the plain encoding the patchers of this folder
 * edit (the one ExcelJS and Excel write): elements of the part's own namespace without a prefix,
 * attributes in double quotes separated by one space, no comments, CDATA as escaped text, and in a
 * worksheet `r` on every row and cell. Values are unchanged: a reader sees the same document.
 */
import { columnLetterZeroBased } from "./sheetWriter";
import { CLOSE, END, OPEN, TEXT, XmlScanner } from "./xmlScan";

/** The writer cannot patch this part faithfully: the file is refused before anything is written. */
export class CannotPatchError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = "CannotPatchError";
  }
}

export const TRANSITIONAL_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REWRITTEN = new Set([
  TRANSITIONAL_MAIN,
  "http://schemas.openxmlformats.org/package/2006/relationships",
  "http://schemas.openxmlformats.org/package/2006/content-types",
]);

const escapeText = (s: string): string =>
  s.replace(/[<>&\r]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&#13;"));
const escapeAttr = (s: string): string =>
  s.replace(/[<>&"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/&#38;/g, "&amp;");

/**
 * True when a part needs re-serialising before the text patchers may edit it: a comment or CDATA, an
 * element of the part's own namespace written with a prefix, or an attribute not written ` name="…"`.
 */
export function needsCanonical(xml: string): boolean {
  if (/<!--|<!\[CDATA\[/.test(xml)) return true;
  const scan = new XmlScanner(xml);
  const mainPrefixes = new Set<string>();
  let root = true;
  for (let t = scan.next(); t !== END; t = scan.next()) {
    if (t !== OPEN && t !== CLOSE) continue;
    if (t === OPEN && root) {
      root = false;
      const main = scan.attr(scan.prefix === "" ? "xmlns" : `xmlns:${scan.prefix}`);
      // Only the parts the patchers and ExcelJS read by their plain names (drawings, properties … are kept).
      if (!REWRITTEN.has(main ?? "")) return false;
      for (let i = 0; i < scan.attrCount; i++) {
        const name = scan.attrName(i);
        if (name.startsWith("xmlns:") && scan.attrValue(i) === main) mainPrefixes.add(name.slice(6));
      }
    }
    if (scan.prefix !== "" && mainPrefixes.has(scan.prefix)) return true;
    if (t === CLOSE) continue;
    for (let i = 0; i < scan.attrCount; i++) {
      const q = scan.s.charCodeAt(scan.attrStart(i) - 1);
      const before = scan.s.charCodeAt(scan.attrStart(i) - scan.attrName(i).length - 3);
      if (q !== 34 || before !== 32) return true;
    }
  }
  return false;
}

/**
 * The plain encoding of `xml`. `worksheet` adds `r` to rows and cells that lack it.
 * @throws CannotPatchError when the part's own namespace is not transitional SpreadsheetML or its package
 *   counterpart (strict OOXML is read, not written), or elements of it use two different prefixes.
 */
export function canonicalXml(xml: string, part: string, worksheet = false): string {
  const scan = new XmlScanner(xml);
  let out = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const scopes: Map<string, string>[] = [];
  let mainNs = "";
  let depth = 0;
  let rowNo = 0;
  let col = 0;
  const resolve = (prefix: string): string => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const ns = scopes[i]!.get(prefix);
      if (ns !== undefined) return ns;
    }
    return "";
  };
  for (let t = scan.next(); t !== END; t = scan.next()) {
    if (t === TEXT) {
      if (depth > 0) out += escapeText(scan.text());
      continue;
    }
    if (t === CLOSE) {
      const ns = resolve(scan.prefix);
      out += `</${ns === mainNs ? "" : `${scan.prefix}:`}${scan.local}>`;
      scopes.pop();
      depth--;
      continue;
    }
    const scope = new Map<string, string>();
    for (let i = 0; i < scan.attrCount; i++) {
      const name = scan.attrName(i);
      if (name === "xmlns") scope.set("", scan.attrValue(i));
      else if (name.startsWith("xmlns:")) scope.set(name.slice(6), scan.attrValue(i));
    }
    scopes.push(scope);
    const ns = resolve(scan.prefix);
    if (depth === 0) {
      mainNs = ns;
      if (!/^http:\/\/schemas\.openxmlformats\.org\//.test(ns))
        throw new CannotPatchError(part, `namespace ${ns || "(none)"} is not written here`);
    }
    const name = ns === mainNs ? scan.local : `${scan.prefix}:${scan.local}`;
    if (ns !== mainNs && scan.prefix === "")
      throw new CannotPatchError(part, `unprefixed foreign <${scan.local}>`);
    let attrs = "";
    let hasR = false;
    for (let i = 0; i < scan.attrCount; i++) {
      const an = scan.attrName(i);
      if (an === "xmlns") continue;
      if (an.startsWith("xmlns:") && scan.attrValue(i) === mainNs && depth > 0) continue;
      if (an === "r") hasR = true;
      attrs += ` ${an}="${escapeAttr(scan.attrValue(i))}"`;
    }
    if (depth === 0) attrs = ` xmlns="${mainNs}"${attrs}`;
    if (worksheet && ns === mainNs) {
      if (depth === 2 && scan.local === "row") {
        const r = scan.attr("r");
        rowNo = r === undefined ? rowNo + 1 : Number(r);
        col = 0;
        if (!hasR) attrs = ` r="${rowNo}"${attrs}`;
      } else if (depth === 3 && scan.local === "c") {
        const r = scan.attr("r");
        if (r === undefined) {
          col++;
          attrs = ` r="${columnLetterZeroBased(col - 1)}${rowNo}"${attrs}`;
        } else {
          let n = 0;
          for (const ch of r.toUpperCase()) {
            const c = ch.charCodeAt(0);
            if (c < 65 || c > 90) break;
            n = n * 26 + (c - 64);
          }
          col = n;
        }
      }
    }
    if (scan.selfClosing) {
      out += `<${name}${attrs}/>`;
      scopes.pop();
    } else {
      out += `<${name}${attrs}>`;
      depth++;
    }
  }
  return out;
}
