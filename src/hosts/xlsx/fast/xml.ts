/** Small, allocation-light scanners for the SpreadsheetML parts Kaohe reads. Not a general XML parser. */

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : (ENTITY[e] ?? m),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;",
  );
}

/** Value of attribute `name` inside one start tag's text, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const i = tag.indexOf(key);
  if (i < 0) return undefined;
  const start = i + key.length;
  return tag.slice(start, tag.indexOf('"', start));
}

/** A tag that must close: on a damaged part, stop (the caller falls back to ExcelJS) instead of looping. */
export function expectAt(index: number): number {
  if (index < 0) throw new Error("malformed XML: unclosed element");
  return index;
}

/** Concatenated text of every `<t>` inside `xml` (rich text runs, phonetic runs excluded). */
export function textOf(xml: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const rph = xml.indexOf("<rPh", i);
    const t = xml.indexOf("<t", i);
    if (t < 0) break;
    if (rph >= 0 && rph < t) {
      i = expectAt(xml.indexOf("</rPh>", rph)) + 6;
      continue;
    }
    const next = xml.charCodeAt(t + 2);
    if (next !== 62 /* > */ && next !== 32 /* space */) {
      i = t + 2;
      continue;
    }
    const open = expectAt(xml.indexOf(">", t));
    if (xml.charCodeAt(open - 1) === 47 /* / */) {
      i = open + 1;
      continue;
    }
    const close = expectAt(xml.indexOf("</t>", open));
    out += xml.slice(open + 1, close);
    i = close + 4;
  }
  return decodeXml(out);
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
  let i = 0;
  for (;;) {
    const s = xml.indexOf("<si", i);
    if (s < 0) break;
    const open = expectAt(xml.indexOf(">", s));
    if (xml.charCodeAt(open - 1) === 47) {
      out.push("");
      i = open + 1;
      continue;
    }
    const e = expectAt(xml.indexOf("</si>", open));
    out.push(ownedString(textOf(xml.slice(open + 1, e))));
    i = e + 5;
  }
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** For each cellXfs index, whether its number format is a date format. */
export function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = decodeXml(attr(m[0], "formatCode") ?? "")
      .replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")
      .toLowerCase();
    custom.set(id, /[ymd]/.test(code) && !/^[#0.,%\s]*$/.test(code));
  }
  const xfsStart = xml.indexOf("<cellXfs");
  if (xfsStart < 0) return [];
  const xfs = xml.slice(xfsStart, xml.indexOf("</cellXfs>", xfsStart));
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    out.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}
