/**
 * A pull tokenizer for the XML of an .xlsx package, by XML's rules rather than one writer's habits:
 * namespace prefixes (`<x:c>`), attributes in any order, separated by any white space and quoted with `'`
 * or `"`, entity and character references, comments, processing instructions and CDATA. A DOCTYPE is
 * refused, never expanded (so no external or recursive entities). Text is skipped with `indexOf('<')`
 * and only the tags are read character by character, which keeps a 135 MB sheet part fast.
 *
 * A scanner may be fed a part in pieces: when a token is cut by the end of a piece that is not the last,
 * `next()` returns INCOMPLETE and `pos` stays at the token's start for the caller to carry over.
 */

/** The XML is not well formed (the part is named by the caller). */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

/** The XML declares a DOCTYPE, which this reader refuses rather than expands. */
export class XmlDoctypeError extends Error {
  constructor() {
    super("DOCTYPE declarations are not accepted");
    this.name = "XmlDoctypeError";
  }
}

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const INCOMPLETE = 4;
export type Token = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT | typeof INCOMPLETE;

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Resolves entity and character references (only XML's five named entities exist without a DTD). */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&([^;&]*);?/g, (m, e: string) => {
    if (!m.endsWith(";")) throw new XmlSyntaxError(`bare "&" in text`);
    if (e[0] === "#") {
      const hex = e[1] === "x";
      const digits = e.slice(hex ? 2 : 1);
      const code = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
      const cp = code ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(cp >= 1 && cp <= 0x10ffff)) throw new XmlSyntaxError(`bad character reference &${e};`);
      return String.fromCodePoint(cp);
    }
    const v = ENTITY[e];
    if (v === undefined) throw new XmlSyntaxError(`undefined entity &${e};`);
    return v;
  });
}

/** XML's end-of-line handling: CR LF and lone CR are read as LF. */
function normalizeNewlines(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

/** The names of a sheet's hot path as constants: no string is made for millions of `<c>` and `<v>`. */
function commonName(s: string, from: number, to: number): string | undefined {
  const a = s.charCodeAt(from);
  if (to - from === 1)
    return a === 99
      ? "c"
      : a === 118
        ? "v"
        : a === 102
          ? "f"
          : a === 116
            ? "t"
            : a === 114
              ? "r"
              : a === 115
                ? "s"
                : undefined;
  if (to - from === 3 && a === 114 && s.charCodeAt(from + 1) === 111 && s.charCodeAt(from + 2) === 119)
    return "row";
  return undefined;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export class XmlScanner {
  pos = 0;
  /** Local name (prefix dropped) of the last OPEN or CLOSE. */
  local = "";
  prefix = "";
  selfClosing = false;
  /** The last TEXT token is CDATA (taken as it is) rather than character data. */
  cdata = false;
  /** Comments and processing instructions skipped so far. */
  skipped = 0;
  textStart = 0;
  textEnd = 0;
  /** Attributes of the last OPEN: names as written (`r:id`), raw value bounds in `s`. */
  attrCount = 0;
  private readonly names: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(
    public s: string,
    /** More text follows `s` (a token cut at its end is INCOMPLETE, not an error). */
    public more = false,
  ) {}

  /** Starts over on a new piece of text. */
  reset(s: string, more: boolean): void {
    this.s = s;
    this.more = more;
    this.pos = 0;
  }

  private cut(start: number): Token {
    if (!this.more) throw new XmlSyntaxError("unexpected end of the part");
    this.pos = start;
    return INCOMPLETE;
  }

  next(): Token {
    const s = this.s;
    for (;;) {
      const start = this.pos;
      if (start >= s.length) return END;
      if (s.charCodeAt(start) !== 60 /* < */) {
        let lt = s.indexOf("<", start);
        if (lt < 0) {
          if (this.more) return this.cut(start);
          lt = s.length;
        }
        this.cdata = false;
        this.textStart = start;
        this.textEnd = lt;
        this.pos = lt;
        return TEXT;
      }
      const c1 = s.charCodeAt(start + 1);
      if (c1 === 33 /* ! */) {
        if (s.startsWith("<!--", start)) {
          const end = s.indexOf("-->", start + 4);
          if (end < 0) return this.cut(start);
          this.pos = end + 3;
          this.skipped++;
          continue;
        }
        if (s.startsWith("<![CDATA[", start)) {
          const end = s.indexOf("]]>", start + 9);
          if (end < 0) return this.cut(start);
          this.cdata = true;
          this.textStart = start + 9;
          this.textEnd = end;
          this.pos = end + 3;
          return TEXT;
        }
        if (s.length - start < 9 && this.more) return this.cut(start);
        if (s.startsWith("<!DOCTYPE", start)) throw new XmlDoctypeError();
        throw new XmlSyntaxError("unexpected <!");
      }
      if (c1 === 63 /* ? */) {
        const end = s.indexOf("?>", start + 2);
        if (end < 0) return this.cut(start);
        this.pos = end + 2;
        if (!/^<\?xml\s/.test(s.slice(start, start + 6))) this.skipped++;
        continue;
      }
      if (c1 === 47 /* / */) {
        const gt = s.indexOf(">", start + 2);
        if (gt < 0) return this.cut(start);
        let nameEnd = gt;
        while (isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        this.setName(start + 2, nameEnd);
        this.pos = gt + 1;
        return CLOSE;
      }
      if (start + 1 >= s.length) return this.cut(start);
      return this.openTag(start);
    }
  }

  private setName(from: number, to: number): void {
    if (to <= from) throw new XmlSyntaxError("element without a name");
    const s = this.s;
    // Searched within the name only (an indexOf would run on to the end of the text at every tag).
    let colon = -1;
    for (let i = from; i < to; i++)
      if (s.charCodeAt(i) === 58) {
        colon = i;
        break;
      }
    if (colon >= 0) {
      this.prefix = s.slice(from, colon);
      this.local = s.slice(colon + 1, to);
    } else {
      this.prefix = "";
      this.local = commonName(s, from, to) ?? s.slice(from, to);
    }
  }

  private openTag(start: number): Token {
    const s = this.s;
    const n = s.length;
    let p = start + 1;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (isSpace(c) || c === 62 || c === 47) break;
      p++;
    }
    if (p >= n) return this.cut(start);
    this.setName(start + 1, p);
    this.attrCount = 0;
    for (;;) {
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return this.cut(start);
      const c = s.charCodeAt(p);
      if (c === 62 /* > */) {
        this.selfClosing = false;
        this.pos = p + 1;
        return OPEN;
      }
      if (c === 47 /* / */) {
        if (p + 1 >= n) return this.cut(start);
        if (s.charCodeAt(p + 1) !== 62) throw new XmlSyntaxError(`bad "/" in <${this.local}>`);
        this.selfClosing = true;
        this.pos = p + 2;
        return OPEN;
      }
      const nameStart = p;
      while (p < n) {
        const d = s.charCodeAt(p);
        if (d === 61 /* = */ || isSpace(d) || d === 62 || d === 47) break;
        p++;
      }
      const nameEnd = p;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return this.cut(start);
      if (s.charCodeAt(p) !== 61 || nameEnd === nameStart)
        throw new XmlSyntaxError(`attribute without a value in <${this.local}>`);
      p++;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return this.cut(start);
      const q = s.charCodeAt(p);
      if (q !== 34 && q !== 39) throw new XmlSyntaxError(`unquoted attribute in <${this.local}>`);
      const close = s.indexOf(q === 34 ? '"' : "'", p + 1);
      if (close < 0) return this.cut(start);
      const i = this.attrCount++;
      this.names[i] = commonName(s, nameStart, nameEnd) ?? s.slice(nameStart, nameEnd);
      this.starts[i] = p + 1;
      this.ends[i] = close;
      p = close + 1;
    }
  }

  /** Index of the attribute whose name, or local name after a prefix, is `name`; -1 when absent. */
  attrIndex(name: string): number {
    for (let i = 0; i < this.attrCount; i++) {
      const a = this.names[i] as string;
      if (a === name) return i;
      // Only a longer name can be `prefix:name`.
      if (a.length <= name.length) continue;
      const colon = a.indexOf(":");
      if (
        colon >= 0 &&
        a.length - colon - 1 === name.length &&
        a.endsWith(name) &&
        a.slice(0, colon) !== "xmlns"
      )
        return i;
    }
    return -1;
  }

  attrName(i: number): string {
    return this.names[i] as string;
  }

  /** The attribute's value as XML reads it: references resolved, white space characters as spaces. */
  attrValue(i: number): string {
    const raw = this.s.slice(this.starts[i], this.ends[i]);
    return decodeEntities(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw);
  }

  /** Whether attribute i is written exactly as `value` (plain characters, no references), without a copy. */
  attrIs(i: number, value: string): boolean {
    const start = this.starts[i] as number;
    return (this.ends[i] as number) - start === value.length && this.s.startsWith(value, start);
  }

  attr(name: string): string | undefined {
    const i = this.attrIndex(name);
    return i < 0 ? undefined : this.attrValue(i);
  }

  /** Attribute i as a whole number written in plain digits (no references), or NaN. */
  attrInteger(i: number): number {
    const s = this.s;
    const end = this.ends[i] as number;
    let start = this.starts[i] as number;
    if (start >= end) return NaN;
    let n = 0;
    for (; start < end; start++) {
      const d = s.charCodeAt(start) - 48;
      if (d < 0 || d > 9) return Number(this.attrValue(i));
      n = n * 10 + d;
    }
    return n;
  }

  /** Raw bounds of attribute i's value (for callers that read digits in place). */
  attrStart(i: number): number {
    return this.starts[i] as number;
  }

  attrEnd(i: number): number {
    return this.ends[i] as number;
  }

  /** The last TEXT token's characters as XML reads them. */
  text(): string {
    const raw = this.s.slice(this.textStart, this.textEnd);
    // Most text (a county's millions of `<v>`) has neither: no calls for it.
    if (raw.indexOf("\r") < 0 && (this.cdata || raw.indexOf("&") < 0)) return raw;
    return this.cdata ? normalizeNewlines(raw) : decodeEntities(normalizeNewlines(raw));
  }
}

/** Calls `visit` for each start tag of `xml` (a whole part); the scanner holds the tag's attributes. */
export function eachStartTag(xml: string, visit: (scan: XmlScanner) => void): void {
  const scan = new XmlScanner(xml);
  for (let t = scan.next(); t !== END; t = scan.next()) if (t === OPEN) visit(scan);
}
