/**
 * A large-file path for the CLI: reads cell values straight from the sheet XML and writes output tabs
 * by patching the package, carrying every untouched part over as its original compressed bytes.
 */
import {
  type CellValue,
  FLAG_RECORD_HEADER,
  FLAG_SHEET,
  type InlineFlag,
  type RawSheet,
} from "../../../core";
import type { SheetModel } from "../../../workbook/types";
import { type OutputPlan, runPlan } from "./outputPlan";
import type { PieceInflater } from "./inflateStream";
import { commentsXml, patchFlaggedSheet, vmlXml } from "./flagPatch";
import {
  CellReadError,
  CHUNK_BYTES,
  readSheetBytes,
  SheetPartReader,
  type SheetReadContext,
  type SheetShape,
} from "./sheetReader";
import { findTab } from "../../../workbook/headers";
import { INPUT_TABS } from "../../../workbook/schema";
import { XmlDoctypeError, XmlSyntaxError } from "./xmlScan";
import { needsFullWriter, worksheetPieces } from "./sheetWriter";
import { outputStyles, type OutputStyles } from "./styles";
import {
  isDate1904,
  parseRels,
  parseSheets,
  relsPathOf,
  sheetElement,
  workbookPartPath,
  type SheetRef,
} from "./workbookXml";
import {
  entryBytes,
  entryText,
  newEntry,
  readZip,
  writeZip,
  ZipFormatError,
  ZipTooLargeError,
  type ZipEntry,
} from "./zip";
import { attr, dateStyles, escapeXml, sharedStrings } from "./xml";
import { columnLetter } from "../../../workbook/cells";
import { partPath } from "./workbookXml";
import { CannotPatchError, canonicalXml, needsCanonical, TRANSITIONAL_MAIN } from "./canonical";

/** Far above a county-year (318k cases ≈ 150 MB of XML), far below what would exhaust memory. */
export const MAX_UNZIPPED_BYTES = 2 ** 30;
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";
const SHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const COMMENTS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_CT = "application/vnd.openxmlformats-officedocument.vmlDrawing";
// The shared record format, so that the xlsx host's clear restores these flags.
const RECORD_COLUMNS = FLAG_RECORD_HEADER.map((header) => ({ header }));

/** A part this reader cannot read as XML or as cells: the file is refused, naming the part (and cell). */
export class PackageReadError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
    readonly sheet?: string,
    readonly cell?: CellReadError,
  ) {
    super(`${part}: ${detail}`);
    this.name = "PackageReadError";
  }
}

/** A syntax, DOCTYPE or cell problem of one part as a PackageReadError naming it; anything else as it is. */
function namedError(error: unknown, part: string, sheet?: string): unknown {
  if (error instanceof CellReadError) return new PackageReadError(part, error.message, sheet, error);
  if (error instanceof XmlSyntaxError || error instanceof XmlDoctypeError)
    return new PackageReadError(part, error.message, sheet);
  return error;
}

/** Runs `read` on one part, its problems named (namedError). */
function named<T>(part: string, read: () => T, sheet?: string): T {
  try {
    return read();
  } catch (error) {
    throw namedError(error, part, sheet);
  }
}

interface FlagParts {
  parts: Map<string, ZipEntry>;
  record: CellValue[][];
  contentTypes: string[];
}

export class FastWorkbook {
  private ctx: SheetReadContext | undefined;
  /** How each part read was written (row order, plain encoding), for the flag patcher. */
  private readonly shapes = new Map<string, SheetShape>();

  private constructor(
    private readonly entries: Map<string, ZipEntry>,
    readonly sheets: SheetRef[],
    /** The workbook part, where the package relationships put it. */
    private readonly workbookPath: string,
  ) {}

  /**
   * @throws ZipFormatError when the bytes are not an .xlsx package, PackageReadError when a workbook-level
   * part is not well-formed XML (or declares a DOCTYPE).
   */
  static fromBuffer(buf: Buffer): FastWorkbook {
    return FastWorkbook.fromEntries(readZip(buf));
  }

  /** As `fromBuffer`, over a package's parts already taken apart (the page's worker inflates them first). */
  static fromEntries(entries: Map<string, ZipEntry>): FastWorkbook {
    const declared = [...entries.values()].reduce((n, e) => n + e.size, 0);
    if (declared > MAX_UNZIPPED_BYTES) throw new ZipTooLargeError(`${declared} bytes unzipped`);
    const pkgRels = entries.get("_rels/.rels");
    const path = named("_rels/.rels", () => workbookPartPath(pkgRels ? entryText(pkgRels) : undefined));
    const wb = entries.get(path);
    const relsPath = relsPathOf(path);
    const rels = entries.get(relsPath);
    if (!wb || !rels) throw new ZipFormatError("not a workbook package");
    const base = path.slice(0, path.lastIndexOf("/") + 1);
    const relMap = named(relsPath, () => parseRels(entryText(rels)));
    const sheets = named(path, () => parseSheets(entryText(wb), relMap, base));
    return new FastWorkbook(entries, sheets, path);
  }

  /** Where the shared strings and styles parts are: the workbook's relationships say. */
  private related(kind: string): string | undefined {
    const rels = this.entries.get(relsPathOf(this.workbookPath));
    if (!rels) return undefined;
    const base = this.workbookPath.slice(0, this.workbookPath.lastIndexOf("/") + 1);
    for (const r of parseRels(entryText(rels)).values())
      if (r.type.endsWith(`/${kind}`)) return partPath(r.target, base);
    return undefined;
  }

  private context(): SheetReadContext {
    if (!this.ctx) {
      const text = (name: string | undefined): string | undefined => {
        const e = name === undefined ? undefined : this.entries.get(name);
        return e ? entryText(e) : undefined;
      };
      const strings = this.related("sharedStrings");
      const styles = this.related("styles");
      this.ctx = {
        strings: named(strings ?? "sharedStrings", () => sharedStrings(text(strings))),
        dateStyles: named(styles ?? "styles", () => dateStyles(text(styles))),
        date1904: named(this.workbookPath, () => isDate1904(text(this.workbookPath) ?? "")),
      };
    }
    return this.ctx;
  }

  /** The sheets `readSheets` reads, with a fresh reading context (interned strings, counts). */
  private toRead(include: (name: string) => boolean): { refs: SheetRef[]; ctx: SheetReadContext } {
    const ctx = { ...this.context(), intern: new Map<string, string>(), counts: { cells: 0, rows: 0 } };
    const refs = this.sheets.filter((s) => !s.notCells && s.name !== FLAG_SHEET && include(s.name));
    return { refs, ctx };
  }

  private entryOf(s: SheetRef): ZipEntry {
    const entry = this.entries.get(s.path);
    if (!entry) throw new PackageReadError(s.path, "the worksheet part is missing", s.name);
    return entry;
  }

  /**
   * Values of the chosen sheets (all when no filter; never the flag record), in workbook order. Each
   * part is read from its inflated bytes in chunks of `chunkBytes`; equal strings share one copy.
   */
  readSheets(include: (name: string) => boolean = () => true, chunkBytes = CHUNK_BYTES): RawSheet[] {
    const { refs, ctx } = this.toRead(include);
    return refs.map((s) => {
      const entry = this.entryOf(s);
      const shape: Partial<SheetShape> = {};
      const rows = named(s.path, () => readSheetBytes(entryBytes(entry), ctx, chunkBytes, shape), s.name);
      this.shapes.set(s.path, shape as SheetShape);
      return { name: s.name, rows };
    });
  }

  /** As `readSheets`, each part inflated a piece at a time by `inflate` (never whole in memory). */
  async readSheetsStreamed(inflate: PieceInflater): Promise<RawSheet[]> {
    const { refs, ctx } = this.toRead(() => true);
    const sheets: RawSheet[] = [];
    for (const s of refs) {
      const entry = this.entryOf(s);
      const shape: Partial<SheetShape> = {};
      const reader = new SheetPartReader(ctx);
      try {
        await inflate(entry, (bytes) => reader.push(bytes));
      } catch (error) {
        throw namedError(error, s.path, s.name);
      }
      const rows = named(s.path, () => reader.finish(shape), s.name);
      this.shapes.set(s.path, shape as SheetShape);
      sheets.push({ name: s.name, rows });
    }
    return sheets;
  }

  /**
   * A formula cell without a cached value in a tab the contract reads: its value cannot be known here (Kaohe
   * does not evaluate formulas), so the file is refused naming the cell. Elsewhere such cells are blank.
   */
  checkUncached(sheets: RawSheet[]): void {
    for (const def of INPUT_TABS) {
      const tab = findTab(sheets, def);
      const ref = tab && this.sheets.find((s) => s.name === tab.name);
      const first = ref && this.shapes.get(ref.path)?.uncached[0];
      if (!ref || !first) continue;
      const cell = new CellReadError("formula-no-value", first[0], first[1], ref.name);
      throw new PackageReadError(ref.path, cell.message, ref.name, cell);
    }
  }

  /**
   * A new package: the input parts as they were, old output tabs replaced by `outputs`, inline flags set.
   * Undefined when this path cannot do it faithfully (print forms or drop-downs, flags of an earlier run to
   * restore, notes already on a flagged sheet): the caller then uses the ExcelJS host.
   */
  withOutputs(models: SheetModel[], flags: InlineFlag[] = []): Buffer | undefined {
    const entries = this.withOutputEntries(models, flags);
    return entries && writeZip(entries);
  }

  /** The parts of `withOutputs`'s package, in order, not yet joined into one buffer. */
  withOutputEntries(models: SheetModel[], flags: InlineFlag[] = []): ZipEntry[] | undefined {
    return runPlan(this.outputPlan(models, flags));
  }

  /** `withOutputEntries` as a plan: every patched or new sheet is asked for as pieces to encode. */
  *outputPlan(models: SheetModel[], flags: InlineFlag[] = []): OutputPlan<ZipEntry[] | undefined> {
    if (models.some(needsFullWriter) || this.sheets.some((s) => s.name === FLAG_SHEET)) return undefined;
    if (this.workbookPath !== WORKBOOK) return undefined;
    const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(this.plain(WORKBOOK))?.[0] ?? "";
    if (!root.includes(TRANSITIONAL_MAIN))
      throw new CannotPatchError(WORKBOOK, "strict OOXML (or an unknown namespace) is read but not written");
    const styles = outputStyles(this.plain("xl/styles.xml"));
    const flagged = yield* this.flagParts(flags, styles);
    if (!flagged) return undefined;
    const outputs: SheetModel[] =
      flagged.record.length > 0
        ? [...models, { name: FLAG_SHEET, columns: RECORD_COLUMNS, rows: flagged.record, freezeRows: 0 }]
        : models;
    const replaced = new Set(outputs.map((o) => o.name));
    const kept = this.sheets.filter((s) => !replaced.has(s.name));
    const removed = this.sheets.filter((s) => replaced.has(s.name));
    const oldIndex = new Map(this.sheets.map((s, i) => [s.name, i]));
    const relsXml = this.plain(WORKBOOK_RELS);
    const rels = parseRels(relsXml);
    const dropParts = new Set(removed.map((s) => s.path));
    // calcChain lists formula cells by sheet; Excel rebuilds it, and a stale one makes Excel repair the file.
    for (const [id, r] of rels) {
      if (!r.type.endsWith("/calcChain")) continue;
      dropParts.add(`xl/${r.target}`);
      rels.delete(id);
    }
    for (const s of removed) rels.delete(s.relId);

    let nextRel = Math.max(0, ...[...rels.keys()].map((k) => Number(k.replace(/\D/g, "")) || 0)) + 1;
    let nextSheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    let nextPart = 1;
    const added: SheetRef[] = outputs.map((o) => {
      // ExcelJS only recognises worksheet parts named sheetN.xml.
      while (this.entries.has(`xl/worksheets/sheet${nextPart}.xml`)) nextPart++;
      const ref: SheetRef = {
        name: o.name,
        sheetId: nextSheetId++,
        relId: `rId${nextRel++}`,
        path: `xl/worksheets/sheet${nextPart++}.xml`,
        hidden: Boolean(o.hidden),
        veryHidden: o.name === FLAG_SHEET,
      };
      rels.set(ref.relId, { target: ref.path.slice(3), type: SHEET_TYPE });
      return ref;
    });
    const order = [...kept, ...added];
    const newIndex = new Map(order.map((s, i) => [s.name, i]));

    const sheetParts: ZipEntry[] = [];
    for (const [i, o] of outputs.entries())
      sheetParts.push(yield { name: (added[i] as SheetRef).path, pieces: worksheetPieces(o, styles) });

    const workbookXml = this.patchWorkbook(order, oldIndex, newIndex, outputs);
    const relsOut =
      relsXml.slice(0, relsXml.indexOf(">", relsXml.indexOf("<Relationships")) + 1) +
      [...rels]
        .map(([id, r]) => `<Relationship Id="${id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
        .join("") +
      "</Relationships>";
    const ct = this.patchContentTypes(dropParts, added, flagged.contentTypes);

    const changed = new Map<string, ZipEntry>([
      [CONTENT_TYPES, newEntry(CONTENT_TYPES, ct)],
      [WORKBOOK, newEntry(WORKBOOK, workbookXml)],
      [WORKBOOK_RELS, newEntry(WORKBOOK_RELS, relsOut)],
      ["xl/styles.xml", newEntry("xl/styles.xml", styles.xml())],
    ]);
    const out: ZipEntry[] = [changed.get(CONTENT_TYPES) as ZipEntry];
    for (const [name, e] of this.entries) {
      if (name === CONTENT_TYPES || dropParts.has(name)) continue;
      if (removed.some((s) => name === s.path.replace(/([^/]+)$/, "_rels/$1.rels"))) continue;
      out.push(changed.get(name) ?? flagged.parts.get(name) ?? e);
    }
    for (const [name, e] of flagged.parts) if (!this.entries.has(name)) out.push(e);
    out.push(...sheetParts);
    return out;
  }

  /**
   * The package with every part another writer encoded differently re-serialised in the plain encoding
   * (values unchanged), for ExcelJS, which reads only that encoding. Parts already plain are kept as bytes.
   * @throws CannotPatchError (strict OOXML).
   */
  plainPackage(): Buffer {
    const sheetPaths = new Set(this.sheets.map((s) => s.path));
    const out = [...this.entries.values()].map((e) => {
      if (!/\.(xml|rels)$/i.test(e.name)) return e;
      const xml = entryText(e);
      if (
        e.name === this.workbookPath &&
        !/<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(xml)?.[0].includes(TRANSITIONAL_MAIN)
      )
        throw new CannotPatchError(e.name, "strict OOXML (or an unknown namespace) is read but not written");
      const plain = named(e.name, () => !needsCanonical(xml));
      if (plain && !(sheetPaths.has(e.name) && this.shapes.get(e.name)?.plain === false)) return e;
      return newEntry(
        e.name,
        named(e.name, () => canonicalXml(xml, e.name, sheetPaths.has(e.name))),
      );
    });
    return writeZip(out);
  }

  /** A part's text in the plain encoding the patchers edit (re-serialised when written otherwise). */
  private plain(name: string): string {
    const xml = entryText(this.required(name));
    // A part read only when writing (content types, styles, rels) is named when it is not XML.
    return named(name, () => (needsCanonical(xml) ? canonicalXml(xml, name) : xml));
  }

  private required(name: string): ZipEntry {
    const e = this.entries.get(name);
    if (!e) throw new ZipFormatError(`missing part ${name}`);
    return e;
  }

  private patchWorkbook(
    order: SheetRef[],
    oldIndex: Map<string, number>,
    newIndex: Map<string, number>,
    outputs: SheetModel[] = [],
  ): string {
    const xml = this.plain(WORKBOOK);
    const byOld = [...oldIndex].map(([name]) => name);
    let out = xml.replace(
      /<sheets>[\s\S]*?<\/sheets>|<sheets\/>/,
      `<sheets>${order.map(sheetElement).join("")}</sheets>`,
    );
    out = out.replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (dn) => {
      const local = attr(dn, "localSheetId");
      if (local === undefined) return dn;
      const idx = newIndex.get(byOld[Number(local)] ?? "");
      if (idx === undefined) return "";
      return dn.replace(/localSheetId="\d+"/, `localSheetId="${idx}"`);
    });
    const names = outputs.flatMap((o) => outputNames(o, newIndex.get(o.name) ?? 0));
    if (names.length > 0) {
      out = out.includes("</definedNames>")
        ? out.replace("</definedNames>", `${names.join("")}</definedNames>`)
        : out.replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`);
    }
    out = out.replace(/<definedNames>\s*<\/definedNames>/, "");
    return out.replace(/ activeTab="\d+"/, "").replace(/ firstSheet="\d+"/, "");
  }

  /** Patched flagged sheets with their notes parts; undefined when a flagged sheet already has notes. */
  private *flagParts(flags: InlineFlag[], styles: OutputStyles): OutputPlan<FlagParts | undefined> {
    const parts = new Map<string, ZipEntry>();
    const record: CellValue[][] = [];
    const contentTypes: string[] = [];
    let block = 1;
    for (const sheet of this.sheets) {
      const mine = flags.filter((f) => f.sheet === sheet.name && f.row >= 1);
      if (mine.length === 0) continue;
      const bytes = entryBytes(this.required(sheet.path));
      let shape = this.shapes.get(sheet.path);
      if (!shape) {
        // Not read before (filtered out): read it now, to know how it is written.
        const seen: Partial<SheetShape> = {};
        named(sheet.path, () => readSheetBytes(bytes, { ...this.context() }, CHUNK_BYTES, seen), sheet.name);
        shape = seen as SheetShape;
      }
      // The reader saw how this part is written (prefixes, `r`, comments); only the plain form is patched.
      const plain = shape?.plain === true;
      const xml = plain
        ? bytes
        : Buffer.from(named(sheet.path, () => canonicalXml(bytes.toString("utf8"), sheet.path, true)));
      if (xml.includes("<legacyDrawing")) return undefined;
      while (
        this.entries.has(`xl/comments${block}.xml`) ||
        this.entries.has(`xl/drawings/vmlDrawing${block}.vml`)
      )
        block++;
      const comments = `xl/comments${block}.xml`;
      const vml = `xl/drawings/vmlDrawing${block}.vml`;
      const relsPath = sheet.path.replace(/([^/]+)$/, "_rels/$1.rels");
      const relsEntry = this.entries.get(relsPath);
      const relsXml = relsEntry
        ? this.plain(relsPath)
        : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
      const used = new Set(parseRels(relsXml).keys());
      let n = 1;
      const nextId = (): string => {
        while (used.has(`rId${n}`)) n++;
        used.add(`rId${n}`);
        return `rId${n}`;
      };
      const vmlId = nextId();
      const commentsId = nextId();
      const fill = (xf: number): string => styles.fillJson(xf);
      const { patched, pieces } = patchFlaggedSheet(sheet.name, xml, mine, styles, fill, vmlId, {
        rowsAscend: shape?.ascending === true,
      });
      parts.set(sheet.path, yield { name: sheet.path, pieces });
      for (const row of patched.record) record.push(row);
      const rels = relsXml.replace(
        "</Relationships>",
        `<Relationship Id="${vmlId}" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing${block}.vml"/>` +
          `<Relationship Id="${commentsId}" Type="${REL}/comments" Target="../comments${block}.xml"/></Relationships>`,
      );
      parts.set(relsPath, newEntry(relsPath, rels));
      parts.set(comments, newEntry(comments, commentsXml(patched.notes)));
      parts.set(vml, newEntry(vml, vmlXml(patched.notes, block)));
      contentTypes.push(`<Override PartName="/${comments}" ContentType="${COMMENTS_CT}"/>`);
      block++;
    }
    return { parts, record, contentTypes };
  }

  private patchContentTypes(dropParts: Set<string>, added: SheetRef[], extra: string[]): string {
    let xml = this.plain(CONTENT_TYPES);
    xml = xml.replace(/<Override\b[^>]*>/g, (o) =>
      dropParts.has((attr(o, "PartName") ?? "").slice(1)) ? "" : o,
    );
    if (extra.length > 0 && !/<Default\b[^>]*Extension="vml"/.test(xml)) {
      xml = xml.replace(/(<Types\b[^>]*>)/, `$1<Default Extension="vml" ContentType="${VML_CT}"/>`);
    }
    const adds = [
      ...added.map((s) => `<Override PartName="/${s.path}" ContentType="${SHEET_CT}"/>`),
      ...extra,
    ].join("");
    return xml.replace("</Types>", `${adds}</Types>`);
  }
}

/** The filter range and print titles of a tabular output tab as workbook-level defined names. */
function outputNames(model: SheetModel, index: number): string[] {
  const sheet = `'${escapeXml(model.name.replace(/'/g, "''"))}'`;
  const names: string[] = [];
  if (model.autoFilter && model.columns.length > 0) {
    const last = columnLetter(model.columns.length);
    names.push(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${sheet}!$A$1:$${last}$${model.rows.length + 1}</definedName>`,
    );
  }
  const titles = model.pageSetup?.printTitleRows;
  if (titles) {
    names.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${sheet}!$${titles[0]}:$${titles[1]}</definedName>`,
    );
  }
  return names;
}
