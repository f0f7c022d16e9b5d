/** Readers of the small SpreadsheetML parts (shared strings, styles) over the XML tokenizer in ./xmlScan. */
import { CLOSE, END, OPEN, TEXT, XmlScanner } from "./xmlScan";

export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;",
  );
}

/** Value of attribute `name` in one start tag's text as XML reads it (any quoting, prefix, spacing). */
export function attr(tag: string, name: string): string | undefined {
  // Callers may pass a start tag cut before its `>`.
  const scan = new XmlScanner(tag.trimEnd().endsWith(">") ? tag : `${tag}>`);
  return scan.next() === OPEN ? scan.attr(name) : undefined;
}

/** SpreadsheetML's own escape for characters XML cannot hold: `_x000D_` is CR, `_x005F_` a literal `_`. */
export function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * A copy of `s` that shares no memory with the text it was cut from (V8 makes substrings of 13 or more
 * characters views into their parent). JSON keeps lone surrogates, which a UTF-8 round trip would not.
 */
export function ownedString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** The shared-strings table, each entry an owned copy (the part's text is not kept alive by it). */
export function sharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const scan = new XmlScanner(xml);
  let depth = 0;
  let inSi = 0;
  let rph = 0;
  let capture = false;
  let text = "";
  for (let tok = scan.next(); tok !== END; tok = scan.next()) {
    if (tok === TEXT) {
      if (capture) text += scan.text();
      continue;
    }
    if (tok === OPEN) {
      const level = ++depth;
      if (level === 2 && scan.local === "si") {
        inSi = level;
        text = "";
      } else if (inSi > 0 && scan.local === "rPh") rph = level;
      else if (inSi > 0 && rph === 0 && scan.local === "t") capture = true;
      if (!scan.selfClosing) continue;
    }
    const level = depth--;
    capture = false;
    if (level === inSi) {
      out.push(ownedString(unescapeOoxml(text)));
      inSi = 0;
    } else if (level === rph) rph = 0;
  }
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/**
 * A date or time format, as LibreOffice decides it: a y, m, d, h or s outside quoted text, escaped
 * characters and bracketed colours or locales (elapsed time such as `[h]` counts).
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"|\\.|_.|\*./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .toLowerCase();
  const section = bare.split(";")[0] ?? "";
  return /[ymdhs]/.test(section) && !/^general$/.test(section.trim());
}

/** For each cellXfs index, whether its number format is a date format. */
export function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  const out: boolean[] = [];
  const scan = new XmlScanner(xml);
  let depth = 0;
  let xfsLevel = 0;
  for (let tok = scan.next(); tok !== END; tok = scan.next()) {
    if (tok === TEXT) continue;
    if (tok === CLOSE) {
      if (depth-- === xfsLevel) xfsLevel = 0;
      continue;
    }
    const level = ++depth;
    if (scan.local === "numFmt") {
      custom.set(Number(scan.attr("numFmtId")), isDateFormat(scan.attr("formatCode") ?? ""));
    } else if (scan.local === "cellXfs" && level === 2) xfsLevel = level;
    else if (xfsLevel > 0 && level === xfsLevel + 1 && scan.local === "xf") {
      const id = Number(scan.attr("numFmtId") ?? 0);
      out.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
    }
    if (scan.selfClosing) depth--;
  }
  return out;
}
